using System.CommandLine;

namespace PiiExtProc.Cli;

/// <summary>Options shared by several commands, so their names and help stay identical.</summary>
internal static class CommonOptions
{
    /// <summary>`--policy FILE`: the policy YAML; the embedded default policy when absent.</summary>
    public static Option<FileInfo?> Policy() => new("--policy") { Description = "Policy YAML file. Default: the embedded default policy." };
}
