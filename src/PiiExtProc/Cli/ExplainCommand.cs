using System.CommandLine;

namespace PiiExtProc.Cli;

/// <summary>
/// `PiiExtProc explain [--policy FILE] [--format json|text] INPUT`: lists the findings in a body (entity, score,
/// offset, length, JSON path, recognizer, action), never the raw values.
/// </summary>
internal static class ExplainCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var policy = CommonOptions.Policy();
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var input = new Argument<FileInfo>("INPUT") { Description = "The body to explain (JSON is detected by content)." };
        var command = new Command("explain", "List the findings in a body without printing the values.") { policy, format, input };
        command.SetAction(parse => CommandRunner.Run(() => Policy.Commands.ExplainCommand.Run(
            parse.GetValue(policy)?.FullName, parse.GetValue(format)!, parse.GetValue(input)!.FullName, Console.Out, Console.Error)));
        return command;
    }
}
