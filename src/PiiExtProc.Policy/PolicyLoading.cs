using System.Reflection;
using System.Text;
using PiiExtProc.Policy.Loading;
using PiiExtProc.Scanning;

namespace PiiExtProc.Policy;

/// <summary>Loads and compiles policies: from a file, from text, or the embedded default policy.</summary>
public static class PolicyLoading
{
    /// <summary>The source name of the embedded default policy, used in errors and <see cref="PolicySnapshot.Source"/>.</summary>
    public const string DefaultPolicySource = "embedded:default-policy.yaml";

    private const string DefaultPolicyResource = "PiiExtProc.Policy.default-policy.yaml";

    /// <summary>The text of the embedded default policy (DefaultPolicy/default-policy.yaml).</summary>
    public static string DefaultPolicyText { get; } = ReadDefaultPolicy();

    /// <summary>Loads and compiles the policy file at <paramref name="path"/>.</summary>
    /// <exception cref="PolicyException">The file cannot be read or has errors; every error is listed as file:line:column.</exception>
    public static PolicySnapshot LoadFile(string path) => LoadFile(path, PolicyLoadContext.Default with { BaseDirectory = DirectoryOf(path) }, PiiScanner.Create);

    /// <summary>Loads and compiles the embedded default policy.</summary>
    /// <exception cref="PolicyException">The default policy does not compile (a build defect).</exception>
    public static PolicySnapshot LoadDefault() => LoadText(DefaultPolicyText, DefaultPolicySource, PolicyLoadContext.Default, PiiScanner.Create);

    internal static PolicySnapshot LoadFile(string path, PolicyLoadContext context, Func<ScannerOptions, PiiScanner> scannerFactory) =>
        LoadText(ReadFile(path), path, context, scannerFactory);

    internal static PolicySnapshot LoadText(string text, string source, PolicyLoadContext context, Func<ScannerOptions, PiiScanner> scannerFactory) =>
        PolicyCompiler.Compile(PolicyLoader.Load(text, source, context), scannerFactory);

    internal static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new PolicyException([new PolicyError(path, 0, 0, $"the policy file cannot be read ({exception.GetType().Name}).")]);
        }
        catch (DecoderFallbackException)
        {
            throw new PolicyException([new PolicyError(path, 0, 0, "the policy file is not valid UTF-8.")]);
        }
    }

    internal static string DirectoryOf(string path) => Path.GetDirectoryName(Path.GetFullPath(path)) ?? Environment.CurrentDirectory;

    private static string ReadDefaultPolicy()
    {
        using var stream = typeof(PolicyLoading).Assembly.GetManifestResourceStream(DefaultPolicyResource)
            ?? throw new InvalidOperationException($"The embedded resource {DefaultPolicyResource} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
