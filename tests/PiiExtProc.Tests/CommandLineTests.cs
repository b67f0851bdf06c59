using PiiExtProc.Cli;
using PiiExtProc.Testing;

namespace PiiExtProc.Tests;

/// <summary>
/// The command names and flags users script against (README "Command line"), run through the real parser and handlers.
/// </summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("piiextproc-cli-").FullName;

    [Fact]
    public void Redact_GuardianCsv_WritesEveryRecordWithTheRulesDecision()
    {
        var input = Path.Combine(SharedDataDirectory.Guardian, "iscp_pii_dataset.csv");
        var output = Path.Combine(_directory, "out.csv");

        var exitCode = Run("redact", "--format", "guardian-csv", input, output);

        Assert.Equal(0, exitCode);
        var lines = File.ReadAllLines(output);
        Assert.Equal("record_id,redacted_data_json,is_pii", lines[0]);
        Assert.Equal(501, lines.Length);
        Assert.Equal(290, lines.Count(line => line.EndsWith(",True", StringComparison.Ordinal)));
        Assert.StartsWith("1,", lines[1], StringComparison.Ordinal);
        Assert.Contains("98XXXXXX10", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("9876543210", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_JsonLines_RedactsEachLine()
    {
        var input = Path.Combine(_directory, "in.jsonl");
        var output = Path.Combine(_directory, "out.jsonl");
        File.WriteAllLines(input, ["""{"phone":"9876543210"}""", """{"note":"no personal data"}"""]);

        Assert.Equal(0, Run("redact", "--format", "jsonl", input, output));

        var lines = File.ReadAllLines(output);
        Assert.Equal(["""{"phone":"98XXXXXX10"}""", """{"note":"no personal data"}"""], lines);
    }

    [Fact]
    public void Redact_MissingInput_ExitsWithTwo()
        => Assert.Equal(2, Run("redact", "--format", "text", Path.Combine(_directory, "missing.txt"), Path.Combine(_directory, "out.txt")));

    [Fact]
    public void PolicyCheck_DefaultPolicyPasses_BrokenPolicyFails()
    {
        var broken = Path.Combine(_directory, "broken.yaml");
        File.WriteAllText(broken, "version: 1\nentities:\n  IN_AADHAAR: shred\n");
        var defaultPolicy = Path.Combine(AppContext.BaseDirectory, "default-policy.yaml");
        File.WriteAllText(defaultPolicy, PiiExtProc.Policy.PolicyLoading.DefaultPolicyText);

        Assert.Equal(0, Run("policy", "check", defaultPolicy));
        Assert.NotEqual(0, Run("policy", "check", broken));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static int Run(params string[] args) => PiiExtProcCommandLine.Create().Parse(args).Invoke();
}
