using System.Text.Json;
using PiiExtProc.Policy.Commands;

namespace PiiExtProc.Policy.Tests.Commands;

public sealed class ExplainCommandTests : IDisposable
{
    private const string Body = """{"name": "Rajesh Kumar", "email": "rajesh.kumar@email.com", "phone": "9876543210", "pin_code": "560001"}""";
    private readonly string _directory = Directory.CreateTempSubdirectory("pii-policy-explain-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Run_Json_ListsFindingsWithoutValues()
    {
        var input = Write(Body);
        var output = new StringWriter();

        var code = ExplainCommand.Run(null, "json", input, output, new StringWriter());

        Assert.Equal(0, code);
        using var document = JsonDocument.Parse(output.ToString());
        var root = document.RootElement;
        Assert.Equal("default", root.GetProperty("rule").GetString());
        Assert.True(root.GetProperty("contains_pii").GetBoolean());
        var findings = root.GetProperty("findings").EnumerateArray().ToArray();
        var phone = Assert.Single(findings, f => f.GetProperty("entity").GetString() == "IN_MOBILE");
        Assert.Equal("$.phone", phone.GetProperty("json_path").GetString());
        Assert.Equal("redacted", phone.GetProperty("action").GetString());
        Assert.Equal("mask(default)", phone.GetProperty("operator").GetString());
        Assert.Equal(Body.IndexOf("9876543210", StringComparison.Ordinal), phone.GetProperty("offset").GetInt32());
        Assert.Equal(10, phone.GetProperty("length").GetInt32());
        AssertNoValues(output.ToString());
    }

    [Fact]
    public void Run_Text_ListsFindingsWithoutValues()
    {
        var input = Write(Body);
        var output = new StringWriter();

        var code = ExplainCommand.Run(null, "text", input, output, new StringWriter());

        Assert.Equal(0, code);
        Assert.Contains("contains PII: yes", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("IN_MOBILE", output.ToString(), StringComparison.Ordinal);
        AssertNoValues(output.ToString());
    }

    [Fact]
    public void Run_BadFormatOrMissingInput_ExitTwo()
    {
        Assert.Equal(2, ExplainCommand.Run(null, "yaml", Write(Body), new StringWriter(), new StringWriter()));
        Assert.Equal(2, ExplainCommand.Run(null, "json", Path.Combine(_directory, "missing.json"), new StringWriter(), new StringWriter()));
    }

    private static void AssertNoValues(string text)
    {
        foreach (var value in new[] { "Rajesh", "rajesh.kumar", "9876543210", "560001" })
        {
            Assert.DoesNotContain(value, text, StringComparison.Ordinal);
        }
    }

    private string Write(string text)
    {
        var path = Path.Combine(_directory, "body.json");
        File.WriteAllText(path, text);
        return path;
    }
}
