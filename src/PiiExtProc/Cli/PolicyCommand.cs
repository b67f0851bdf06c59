using System.CommandLine;
using PiiExtProc.Policy.Commands;

namespace PiiExtProc.Cli;

/// <summary>`PiiExtProc policy check FILE` and `PiiExtProc policy test FILE CASES_DIR`.</summary>
internal static class PolicyCommand
{
    /// <summary>Builds the command with its two subcommands.</summary>
    public static Command Create()
    {
        var checkFile = new Argument<FileInfo>("FILE") { Description = "The policy YAML file." };
        var check = new Command("check", "Validate a policy and print a summary; errors as file:line:column.") { checkFile };
        check.SetAction(parse => CommandRunner.Run(() => PolicyCheckCommand.Run(parse.GetValue(checkFile)!.FullName, Console.Out, Console.Error)));

        var testFile = new Argument<FileInfo>("FILE") { Description = "The policy YAML file." };
        var cases = new Argument<DirectoryInfo>("CASES") { Description = "A folder of NAME.input.* / NAME.expected.* example payloads (optional NAME.case.yaml)." };
        var test = new Command("test", "Run example payloads through the policy and compare with expected outputs.") { testFile, cases };
        test.SetAction(parse => CommandRunner.Run(() =>
            PolicyTestCommand.Run(parse.GetValue(testFile)!.FullName, parse.GetValue(cases)!.FullName, Console.Out, Console.Error)));

        return new Command("policy", "Validate and test policy files.") { check, test };
    }
}
