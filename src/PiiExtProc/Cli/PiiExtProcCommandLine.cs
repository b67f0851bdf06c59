using System.CommandLine;

namespace PiiExtProc.Cli;

/// <summary>
/// The command line users script against: `serve` (the default), `redact`, `eval`, `policy check|test` and `explain`.
/// Names and flags are a public interface (README "Command line"); change them only with a deprecation.
/// </summary>
internal static class PiiExtProcCommandLine
{
    /// <summary>Builds the root command with every subcommand.</summary>
    public static RootCommand Create()
    {
        var serve = ServeCommand.Create();
        var root = new RootCommand("PiiExtProc: an Envoy external processor that finds and masks personal data in HTTP traffic.");
        foreach (var option in serve.Options)
        {
            root.Options.Add(option);
        }

        root.Action = serve.Action;
        root.Subcommands.Add(serve);
        root.Subcommands.Add(RedactCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(PolicyCommand.Create());
        root.Subcommands.Add(ExplainCommand.Create());
        return root;
    }
}
