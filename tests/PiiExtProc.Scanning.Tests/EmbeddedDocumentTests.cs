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

    [Fact]
    public void Process_AddressObjectInStringifiedJson_PartsMaskedAsInABody()
    {
        // The street and city are parts of an address object only when the payload is read as JSON: as text, "line1" names nothing.
        const string Body = """{"Type":"Notification","Message":"{\"customer\":{\"shipping_address\":{\"line1\":\"Flat 4B, Sea View\",\"city\":\"Mumbai\",\"pincode\":\"400050\"},\"name\":\"Ravi Kumar\"}}"}""";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, Body);

        using JsonDocument outer = JsonDocument.Parse(result.Text);
        using JsonDocument inner = JsonDocument.Parse(outer.RootElement.GetProperty("Message").GetString()!);
        JsonElement customer = inner.RootElement.GetProperty("customer");
        Assert.Equal("RXXX KXXXX", customer.GetProperty("name").GetString());
        Assert.DoesNotContain("Sea View", customer.GetProperty("shipping_address").GetProperty("line1").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Mumbai", customer.GetProperty("shipping_address").GetProperty("city").GetString(), StringComparison.Ordinal);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PostalAddress && f.Recognizer == "address.parts");
    }

    [Fact]
    public void Process_StringifiedAddressUnderAnAddressKey_ReadAsAnAddressObject()
    {
        // The document is under the "shipping_address" key as a nested object would be: its line1 and city are the parts
        // of an address (before, the whole value was one street part without its city, and dropped).
        const string Body = """{"shipping_address":"{\"line1\":\"4 Park Street\",\"city\":\"Kolkata\"}","email":"a.rao@example.com"}""";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, Body);

        Assert.DoesNotContain("Park", result.Text);
        Assert.DoesNotContain("Kolkata", result.Text);
        Assert.Equal(2, result.Findings.Count(f => f.Entity == PiiEntity.PostalAddress && f.Action == FindingAction.Redacted));
    }

    [Fact]
    public void Process_StringifiedArrayUnderAnEntityKey_ElementsReadUnderIt()
    {
        // Bare ten-digit numbers need a key or a context word: the "alt_mobiles" key holding the document names them.
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, """{"alt_mobiles":"[\"9876543210\",\"9123456780\"]"}""");

        Assert.Equal(["IN_MOBILE", "IN_MOBILE"], result.Findings.Select(f => f.Entity.Name));
    }

    [Fact]
    public void Process_NameObjectInStringifiedJson_CountsWithTheEmail()
    {
        const string Body = """{"payload":"{\"name\":{\"first\":\"Ravi\",\"last\":\"Kumar\"},\"contact\":{\"email\":\"ravi.k@example.com\"}}"}""";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, Body);

        Assert.Equal("""{"payload":"{\"name\":{\"first\":\"RXXX\",\"last\":\"KXXXX\"},\"contact\":{\"email\":\"raXXX@example.com\"}}"}""", result.Text);
    }

    [Theory]
    [InlineData("""{"m":"{\"customer_name\":\"Ravi Kumar\",\"email\":\"ravi.k@example.com\"} trailing"}""")]
    [InlineData("""{"m":"{\"customer_name\":\"Ravi Kumar\",\"email\":\"ravi.k@example.com\""}""")]
    public void Process_EmbeddedJsonNotWhole_ReadAsTextPairs(string body)
    {
        // Trailing text or a missing brace: not one JSON document, so its quoted pairs are read as text, as before.
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, body);

        Assert.Contains("RXXX KXXXX", result.Text, StringComparison.Ordinal);
        Assert.Contains("raXXX@example.com", result.Text, StringComparison.Ordinal);
        Assert.Contains(result.Findings, f => f.Recognizer == "name.text_key");
    }

    [Fact]
    public void Process_EmbeddedJsonDeeperThanTheLimit_ReadAsText()
    {
        string open = string.Concat(Enumerable.Repeat("{\\\"a\\\":", 17));
        string close = new('}', 17);
        string body = "{\"m\":\"" + open + "{\\\"customer_name\\\":\\\"Ravi Kumar\\\",\\\"email\\\":\\\"ravi.k@example.com\\\"}" + close + "\"}";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, body);

        Assert.Contains(result.Findings, f => f.Recognizer == "name.text_key");
        Assert.Contains("RXXX KXXXX", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_JsonLogLineInATextBody_ReadAsJsonEveryLineItsOwnRecord()
    {
        const string Body = """
            {"level":"info","customer":{"shipping_address":{"line1":"Flat 4B, Sea View","city":"Mumbai"},"full_name":"Ravi Kumar"}}
            {"level":"info","customer":{"full_name":"Priya Sharma"}}

            """;
        byte[] body = Encoding.UTF8.GetBytes(Body);
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, body, [0]);

        Assert.Equal("""
            {"level":"info","customer":{"shipping_address":{"line1":"[REDACTED_ADDRESS]","city":"[REDACTED_ADDRESS]"},"full_name":"RXXX KXXXX"}}
            {"level":"info","customer":{"full_name":"Priya Sharma"}}

            """, result.Text);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, BodyFormat.Text, body, result);
    }

    [Fact]
    public void Process_ContextWordInASiblingValue_StillCountsAsInText()
    {
        // An attribute list: the mobile's context word is the sibling "name" value. Read only value by value, the bare
        // number would lose it; the text candidate pass over the whole document keeps it, in a text line and in a payload.
        ScanResult line = Scanners.Run(s_masks, BodyFormat.Text, """{"attributes":[{"name":"mobile","value":"9876543210"}]}""" + "\n");
        ScanResult payload = Scanners.Run(s_masks, BodyFormat.Json, """{"p":"[{\"name\":\"mobile\",\"value\":\"9876543210\"}]"}""");

        Assert.Equal("""{"attributes":[{"name":"mobile","value":"98XXXXXX10"}]}""" + "\n", line.Text);
        Assert.Equal("""{"p":"[{\"name\":\"mobile\",\"value\":\"98XXXXXX10\"}]"}""", payload.Text);
    }

    [Fact]
    public void Process_EscapedValueInsideEmbeddedJson_OffsetsStayExact()
    {
        // An inner value with its own escapes is scanned as its raw bytes: the mask lands on the right bytes.
        const string Body = """{"m":"{\"note\":\"a\\nb\",\"customer_name\":\"Ravi Kumar\",\"email\":\"ravi.k@example.com\"}"}""";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, Body);

        using JsonDocument outer = JsonDocument.Parse(result.Text);
        using JsonDocument inner = JsonDocument.Parse(outer.RootElement.GetProperty("m").GetString()!);
        Assert.Equal("a\nb", inner.RootElement.GetProperty("note").GetString());
        Assert.Equal("RXXX KXXXX", inner.RootElement.GetProperty("customer_name").GetString());
        Assert.Equal("raXXX@example.com", inner.RootElement.GetProperty("email").GetString());
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
        ScanComparison.AssertCleanProofAndValuePrefilterSkipNothing(Encoding.UTF8.GetBytes(json));
    }
}
