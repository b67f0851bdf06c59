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

    [Theory]
    [InlineData("form", "txnid=T1&firstname=Ravi&lastname=Kumar&email=ravi.k%40example.com", "txnid=T1&firstname=RXXX&lastname=KXXXX&email=raXXX%40example.com")]
    [InlineData("json", "{\n  \"customer\": {\n    \"name\": \"Ravi Kumar\",\n    \"email\": \"ravi.k@example.com\"\n  }\n}", "{\n  \"customer\": {\n    \"name\": \"RXXX KXXXX\",\n    \"email\": \"raXXX@example.com\"\n  }\n}")]
    [InlineData("markup", "<customer>\n  <name>Ravi Kumar</name>\n  <email>ravi.k@example.com</email>\n</customer>", "<customer>\n  <name>RXXX KXXXX</name>\n  <email>raXXX@example.com</email>\n</customer>")]
    [InlineData("multipart", "--b\r\nContent-Disposition: form-data; name=\"full_name\"\r\n\r\nRavi Kumar\r\n--b\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nravi.k@example.com\r\n--b--\r\n", "--b\r\nContent-Disposition: form-data; name=\"full_name\"\r\n\r\nRXXX KXXXX\r\n--b\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nraXXX@example.com\r\n--b--\r\n")]
    [InlineData("csv", "name,mobile\nRavi Kumar,9876543210\n", "name,mobile\nRavi Kumar,98XXXXXX10\n")]
    public void Redact_WholeFileFormats_ParseTheFileAsThatBody(string format, string body, string expected)
    {
        // Each body needs its format: as plain text lines, none of them would be masked whole.
        var input = Path.Combine(_directory, "in.body");
        var output = Path.Combine(_directory, "out.body");
        File.WriteAllText(input, body);

        Assert.Equal(0, Run("redact", "--format", format, input, output));

        Assert.Equal(expected, File.ReadAllText(output));
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
