using System.CommandLine;

namespace PiiExtProc.Cli;

/// <summary>
/// `PiiExtProc explain [--policy FILE] [--format json|text] [--content-type TYPE] INPUT`: lists the findings in a body
/// (entity, score, offset, length, JSON path, recognizer, action), never the raw values. With `--content-type` the body
/// is parsed as the server parses that content type (form, XML, multipart...) and the rule is resolved with it.
/// </summary>
internal static class ExplainCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var policy = CommonOptions.Policy();
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var contentType = new Option<string?>("--content-type")
        {
            Description = "The body's content-type header, e.g. application/x-www-form-urlencoded: parse it as the server would. Default: JSON when it starts with { or [, else text.",
        };
        var input = new Argument<FileInfo>("INPUT") { Description = "The body to explain." };
        var command = new Command("explain", "List the findings in a body without printing the values.") { policy, format, contentType, input };
        command.SetAction(parse => CommandRunner.Run(() => Policy.Commands.ExplainCommand.Run(
            parse.GetValue(policy)?.FullName,
            parse.GetValue(format)!,
            parse.GetValue(input)!.FullName,
            Console.Out,
            Console.Error,
            new Policy.RouteRequest { ContentType = parse.GetValue(contentType) })));
        return command;
    }
}
