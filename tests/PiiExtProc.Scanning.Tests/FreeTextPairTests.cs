using System.Text;
using System.Text.Json;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Sessions;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Key-value pairs inside free-text values (a value whose key names no role and no entity): a JSON log event's message,
/// a GraphQL query's inline arguments, a form field's note. Their names and addresses are read as in a text body and
/// count in the enclosing record; the clean-body proof and the value prefilter never skip them.
/// </summary>
public sealed class FreeTextPairTests
{
    private static readonly PiiScanner s_masks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance));

    [Fact]
    public void Process_LogEventMessage_NameAndEmailMasked()
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json,
            """{"level":"info","message":"Created order for Name: Ravi Kumar, Email: ravi.kumar@example.com","order_id":"OD1234"}""");

        Assert.Equal("""{"level":"info","message":"Created order for Name: RXXX KXXXX, Email: raXXX@example.com","order_id":"OD1234"}""", result.Text);
    }

    [Fact]
    public void Process_LogfmtInAMessage_NameAndEmailMasked()
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json,
            """{"msg":"customer name=Ravi Kumar email=ravi.kumar@example.com status=ok"}""");

        Assert.Equal("""{"msg":"customer name=RXXX KXXXX email=raXXX@example.com status=ok"}""", result.Text);
    }

    [Fact]
    public void Process_GraphQlInlineArguments_MaskedAndStillJson()
    {
        const string Body = """{"query":"mutation { updateCustomer(input: {name: \"Ravi Kumar\", email: \"ravi.kumar@example.com\"}) { id } }"}""";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, Body);

        using JsonDocument document = JsonDocument.Parse(result.Text);
        Assert.Equal("mutation { updateCustomer(input: {name: \"RXXX KXXXX\", email: \"raXXX@example.com\"}) { id } }",
            document.RootElement.GetProperty("query").GetString());
    }

    [Fact]
    public void Process_NoteInAForm_NameAndEmailMasked()
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.FormUrlEncoded,
            "sku=A1&note=Name%3A+Ravi+Kumar%2C+Email%3A+ravi.kumar%40example.com");

        Assert.Equal("sku=A1&note=Name%3A+RXXX+KXXXX%2C+Email%3A+raXXX%40example.com", result.Text);
    }

    [Fact]
    public void Process_NameInAMessage_CountsWithTheRecordsEmail()
    {
        // One quasi-identifier in the message, one under the record's own key: two in one record, both masked.
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json,
            """[{"email":"ravi.k@example.com","note":"name: Ravi Kumar"},{"email":"priya.s@example.com","note":"gift wrap"}]""");

        Assert.Equal("""[{"email":"raXXX@example.com","note":"name: RXXX KXXXX"},{"email":"priya.s@example.com","note":"gift wrap"}]""", result.Text);
    }

    [Theory]
    [InlineData("""{"title":"Product Name: Steel Bottle","seller":"shop@example.com"}""")]
    [InlineData("""{"message":"file name=report.pdf status=ok","by":"ops@example.com"}""")]
    [InlineData("""{"query":"{ products(first: 10) { name price } }"}""")]
    [InlineData("""{"log":"city=Pune state=MH","who":"a@example.com"}""")]
    public void Process_FreeTextWithoutPersonalPairs_LeftAsItIs(string body)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, body);

        Assert.Equal(body, result.Text);
    }

    [Theory]
    [InlineData("""{"note":"name: Ravi Kumar"}""")]
    [InlineData("""{"items":[{"sku":"A","msg":"order for Name: Ravi Kumar"}]}""")]
    [InlineData("""{"v":"city=Pune","w":"street: MG Road"}""")]
    [InlineData("""[{"a":"x"},{"q":"update(name: 'Ravi Kumar')"}]""")]
    public void Process_CleanProofAndValuePrefilter_DoNotSkipFreeTextPairs(string json)
    {
        // Each body has a finding (below the threshold: one quasi-identifier) and no digit, @ or ? to trigger on.
        ScanComparison.AssertCleanProofAndValuePrefilterSkipNothing(Encoding.UTF8.GetBytes(json));
    }
}
