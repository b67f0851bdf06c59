using PiiExtProc.Policy;
using PiiExtProc.Scanning;

namespace PiiExtProc.Cli;

/// <summary>
/// Runs an offline command and turns expected failures into an exit code and a one-line error: 2 for unusable input
/// (missing file, invalid policy, malformed CSV), never a stack trace. Messages name files and positions, never content.
/// </summary>
internal static class CommandRunner
{
    /// <summary>Runs <paramref name="action"/>; returns its exit code, or 2 with a message on stderr.</summary>
    public static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (PolicyException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 2;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException or ScannerConfigurationException)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            return 2;
        }
    }
}
