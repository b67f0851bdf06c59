using PiiExtProc.Policy.Commands;

namespace PiiExtProc.Policy.Tests.Commands;

public sealed class PolicyCheckCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pii-policy-check-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Run_ValidPolicy_PrintsSummaryAndExitsZero()
    {
        var path = Write("""
            version: 1
            entities:
              IN_AADHAAR: mask
              IN_MOBILE: {operator: {type: mask, keep_last: 4}}
            rules:
              - name: payments
                match: {route_names: [payments], directions: [request]}
                entities: {IN_AADHAAR: block}
            """);
        var output = new StringWriter();

        var code = PolicyCheckCommand.Run(path, output, new StringWriter());

        var text = output.ToString();
        Assert.Equal(0, code);
        Assert.Contains("valid, version", text, StringComparison.Ordinal);
        Assert.Contains("1 rules plus the default rule", text, StringComparison.Ordinal);
        Assert.Contains("rule payments (line 6)", text, StringComparison.Ordinal);
        Assert.Contains("match: route_names=[payments] and directions=[request]", text, StringComparison.Ordinal);
        Assert.Contains("IN_AADHAAR       block", text, StringComparison.Ordinal);
        Assert.Contains("IN_MOBILE        mask(keep_first=0, keep_last=4, mask_char=X, keep_separators=true)", text, StringComparison.Ordinal);
        Assert.Contains("rule default (no other rule matches)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_InvalidPolicy_ListsEveryErrorAndExitsOne()
    {
        var path = Write("version: 1\nobserve_only: maybe\nentities: {IN_PAN: masc}\n");
        var error = new StringWriter();

        var code = PolicyCheckCommand.Run(path, new StringWriter(), error);

        Assert.Equal(1, code);
        Assert.Contains($"{path}:2:15: observe_only must be true or false", error.ToString(), StringComparison.Ordinal);
        Assert.Contains($"{path}:3:20: the operator of IN_PAN must be one of", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_EmbeddedDefaultPolicyText_IsValid()
    {
        var path = Write(PolicyLoading.DefaultPolicyText);

        Assert.Equal(0, PolicyCheckCommand.Run(path, new StringWriter(), new StringWriter()));
    }

    private string Write(string text)
    {
        var path = Path.Combine(_directory, "policy.yaml");
        File.WriteAllText(path, text);
        return path;
    }
}
