using System.Buffers;
using System.Text;
using System.Text.Json;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Sessions;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Documents inside values (<c>Detector.IsEmbeddedDocument</c>): stringified JSON in a webhook or log event, XML in a JSON
/// string, JSON in a form field. Their key-value pairs and elements are read, so their names and addresses count in the
/// enclosing record; the clean-body proof and the value prefilter never skip them.
/// </summary>
public sealed class EmbeddedDocumentTests
{
    private static readonly PiiScanner s_masks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance));

    [Fact]
    public void Process_StringifiedJsonPayload_NameAndEmailMaskedOutputStillJson()
    {
        const string Body = """{"event":"order.created","payload":"{\"customer_name\":\"Priya Sharma\",\"email\":\"priya.s@example.com\",\"sku\":\"SKU-1\"}"}""";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, Body);

        using JsonDocument outer = JsonDocument.Parse(result.Text);
        string payload = outer.RootElement.GetProperty("payload").GetString()!;
        using JsonDocument inner = JsonDocument.Parse(payload);
        Assert.Equal("PXXXX SXXXXX", inner.RootElement.GetProperty("customer_name").GetString());
        Assert.Equal("prXXX@example.com", inner.RootElement.GetProperty("email").GetString());
        Assert.Equal("SKU-1", inner.RootElement.GetProperty("sku").GetString());
        Assert.Equal("order.created", outer.RootElement.GetProperty("event").GetString());
    }

    [Fact]
    public void Process_XmlInAJsonString_NameAndEmailMasked()
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json,
            """{"soap":"<ns:customerName>Ravi Kumar</ns:customerName><ns:email>ravi.k@example.com</ns:email>"}""");

        Assert.Equal("""{"soap":"<ns:customerName>RXXX KXXXX</ns:customerName><ns:email>raXXX@example.com</ns:email>"}""", result.Text);
    }

    [Fact]
    public void Process_NameInAnEmbeddedDocument_CountsInTheEnclosingRecord()
    {
        // The payload's name and the record's own email make two quasi-identifiers: both are masked.
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json,
            """[{"email":"ravi.k@example.com","meta":"<name>Ravi Kumar</name>"},{"email":"priya.s@example.com","meta":"<p>gift</p>"}]""");

        Assert.Equal("""[{"email":"raXXX@example.com","meta":"<name>RXXX KXXXX</name>"},{"email":"priya.s@example.com","meta":"<p>gift</p>"}]""", result.Text);
    }

    [Fact]
    public void Process_JsonInAFormField_Masked()
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.FormUrlEncoded,
            "event=signup&data=%7B%22full_name%22%3A%22Ravi+Kumar%22%2C%22email%22%3A%22ravi.k%40example.com%22%7D");

        Assert.Equal("event=signup&data=%7B%22full_name%22%3A%22RXXX+KXXXX%22%2C%22email%22%3A%22raXXX%40example.com%22%7D", result.Text);
    }

    [Theory]
    [InlineData("""{"description":"<p>Soft cotton kurta, <b>machine wash</b></p>","tags":"[festive, cotton]"}""")]
    [InlineData("""{"filter":"{\"status\":\"SHIPPED\",\"city\":\"Pune\"}"}""")]
    public void Process_EmbeddedDocumentsWithoutPii_LeftAsTheyAre(string body)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, body);

        Assert.Equal(body, result.Text);
        Assert.Empty(result.Findings);
    }

    [Theory]
    [InlineData("""{"note":"<name>Ravi Kumar</name>"}""")]
    [InlineData("""{"items":[{"sku":"A1","meta":"{\"customer_name\":\"Ravi Kumar\"}"}]}""")]
    [InlineData("""{"v":"<city>Pune</city><street>MG Road</street>","w":"x"}""")]
    public void Process_CleanProofAndValuePrefilter_DoNotSkipEmbeddedDocuments(string json)
    {
        // Each body has a finding (below the threshold: one quasi-identifier) with no digit, @ or colon to trigger on.
        byte[] body = Encoding.UTF8.GetBytes(json);
        ScanResult full = Run(body, proof: false, prefilter: false);
        Assert.NotEmpty(full.Findings);

        ScanComparison.AssertSameResult(full, Run(body, proof: true, prefilter: true), "clean proof and value prefilter", [], body);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(Scanners.Guardian, BodyFormat.Json, body, full);
    }

    private static ScanResult Run(byte[] body, bool proof, bool prefilter)
    {
        BodyScanSession session = Scanners.Guardian.CreateSession(BodyFormat.Json);
        session.CleanProofEnabled = proof;
        session.ValuePrefilterEnabled = prefilter;
        return Scanners.Run(session, body, [0]);
    }
}
