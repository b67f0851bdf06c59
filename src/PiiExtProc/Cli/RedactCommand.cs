using System.CommandLine;

namespace PiiExtProc.Cli;

/// <summary>`PiiExtProc redact --format guardian-csv|jsonl|text [--policy FILE] INPUT OUTPUT`.</summary>
internal static class RedactCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "Input format: guardian-csv, jsonl or text.", Required = true };
        format.AcceptOnlyFromAmong("guardian-csv", "jsonl", "text");
        var policy = new Option<FileInfo?>("--policy") { Description = "Policy YAML file. Default: the embedded default policy." };
        var input = new Argument<FileInfo>("INPUT") { Description = "The file to redact." };
        var output = new Argument<FileInfo>("OUTPUT") { Description = "Where to write the redacted file." };
        var command = new Command("redact", "Redact a file with the same engine the server uses.") { format, policy, input, output };
        command.SetAction((_, _) => Task.FromResult(2));
        return command;
    }
}
