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
    public void Run_WithContentType_ParsesTheBodyAsTheServerWould()
    {
        // A form post: as text the encoded email is not an email and the names lack their pair; as a form they are decoded.
        var input = Write("txnid=T1&firstname=Rajesh&lastname=Kumar&email=rajesh.kumar%40email.com");
        var asText = new StringWriter();
        var asForm = new StringWriter();

        Assert.Equal(0, ExplainCommand.Run(null, "json", input, asText, new StringWriter()));
        Assert.Equal(0, ExplainCommand.Run(null, "json", input, asForm, new StringWriter(), new RouteRequest { ContentType = "application/x-www-form-urlencoded" }));

        using var text = JsonDocument.Parse(asText.ToString());
        using var form = JsonDocument.Parse(asForm.ToString());
        Assert.False(text.RootElement.GetProperty("contains_pii").GetBoolean());
        Assert.True(form.RootElement.GetProperty("contains_pii").GetBoolean());
        var email = Assert.Single(form.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("entity").GetString() == "EMAIL_ADDRESS");
        Assert.Equal("redacted", email.GetProperty("action").GetString());
        AssertNoValues(asForm.ToString());
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
