using PiiExtProc.Policy.Commands;

namespace PiiExtProc.Policy.Tests.Commands;

public sealed class PolicyTestCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pii-policy-cases-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Run_ExampleCases_DefaultPolicy_AllPass()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = PolicyTestCommand.Run(PolicyLoading.LoadDefault(), Path.Combine(AppContext.BaseDirectory, "cases"), output, error);

        Assert.True(code == 0, output + error.ToString());
        Assert.Contains("0 failed", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WrongExpectation_FailsWithLineAndExitOne()
    {
        File.WriteAllText(Path.Combine(_directory, "a.input.json"), "{\"phone\": \"9876543210\"}");
        File.WriteAllText(Path.Combine(_directory, "a.expected.json"), "{\"phone\": \"9876543210\"}\n");
        File.WriteAllText(Path.Combine(_directory, "b.input.txt"), "nothing here");
        File.WriteAllText(Path.Combine(_directory, "b.expected.txt"), "nothing here");
        var output = new StringWriter();

        var code = PolicyTestCommand.Run(PolicyLoading.LoadDefault(), _directory, output, new StringWriter());

        Assert.Equal(1, code);
        Assert.Contains("FAIL a: output differs at line 1 (rule default)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("PASS b", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 passed, 1 failed", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BlockingRule_ComparesBlockedMarker()
    {
        var policy = Path.Combine(_directory, "policy.yaml");
        File.WriteAllText(policy, "version: 1\nentities: {IN_MOBILE: block}\nblock_response: {status: 422, body: {error: no}}\n");
        var cases = Directory.CreateDirectory(Path.Combine(_directory, "cases")).FullName;
        File.WriteAllText(Path.Combine(cases, "x.input.json"), "{\"phone\": \"9876543210\"}");
        File.WriteAllText(Path.Combine(cases, "x.expected.txt"), "BLOCKED 422 {\"error\":\"no\"}\n");
        var output = new StringWriter();

        var code = PolicyTestCommand.Run(policy, cases, output, new StringWriter());

        Assert.True(code == 0, output.ToString());
    }

    [Fact]
    public void Run_MissingFolderOrBadPolicy_ExitTwo()
    {
        var policy = Path.Combine(_directory, "bad.yaml");
        File.WriteAllText(policy, "version: 1\nentities: {NOPE: mask}\n");
        var error = new StringWriter();

        Assert.Equal(2, PolicyTestCommand.Run(policy, _directory, new StringWriter(), error));
        Assert.Contains("bad.yaml:2:12: unknown entity 'NOPE'", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, PolicyTestCommand.Run(PolicyLoading.LoadDefault(), Path.Combine(_directory, "none"), new StringWriter(), new StringWriter()));
    }
}
