using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// XML and HTML bodies (<see cref="BodyFormat.Markup"/>): scanned as text, but the whole document is one record, so
/// quasi-identifiers on different lines of a pretty-printed document combine; the record limit still holds.
/// </summary>
public sealed class MarkupBodyTests
{
    private const string Soap = """
        <?xml version="1.0" encoding="UTF-8"?>
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
          <soap:Body>
            <ns2:getCustomerResponse>
              <ns2:customerName>Ravi Kumar</ns2:customerName>
              <ns2:emailId>ravi.k@example.com</ns2:emailId>
              <ns2:tier>GOLD</ns2:tier>
            </ns2:getCustomerResponse>
          </soap:Body>
        </soap:Envelope>
        """;

    [Fact]
    public void Process_PrettyPrintedDocument_NameAndEmailOnTwoLinesCombine()
    {
        ScanResult markup = Scanners.Run(Scanners.Guardian, BodyFormat.Markup, Soap);
        ScanResult text = Scanners.Run(Scanners.Guardian, BodyFormat.Text, Soap);

        Assert.True(markup.ContainsPii);
        Assert.Contains("<ns2:customerName>[PERSON_NAME]</ns2:customerName>", markup.Text, StringComparison.Ordinal);
        Assert.Contains("<ns2:emailId>[EMAIL_ADDRESS]</ns2:emailId>", markup.Text, StringComparison.Ordinal);
        Assert.Contains("<ns2:tier>GOLD</ns2:tier>", markup.Text, StringComparison.Ordinal);
        Assert.Equal(Soap, text.Text);
    }

    [Fact]
    public void Process_OneQuasiIdentifierInTheDocument_LeavesItAsItIs()
    {
        string body = "<order>\n  <id>OD1234</id>\n  <customerName>Ravi Kumar</customerName>\n  <city>Pune</city>\n</order>\n";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Markup, body);

        Assert.Equal(body, result.Text);
        Assert.False(result.ContainsPii);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PersonName && f.Action == FindingAction.BelowCombinationThreshold);
    }

    [Fact]
    public void Process_QuasiIdentifierFurtherBackThanTheRecordLimit_IsRedactedAsPii()
    {
        PiiScanner small = PiiScanner.Create(Scanners.GuardianOptions(maxRecordBytes: 1024));
        var body = new StringBuilder("<customer>\n<name>Ravi Kumar</name>\n");
        for (int i = 0; i < 60; i++)
        {
            body.Append("<item><sku>SKU-").Append(i).Append("</sku></item>\n");
        }

        body.Append("</customer>\n");
        ScanResult result = Scanners.Run(small, BodyFormat.Markup, body.ToString());

        Assert.Contains("<name>[PERSON_NAME]</name>", result.Text, StringComparison.Ordinal);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PersonName && f.Action == FindingAction.Redacted);
    }

    /// <summary>Seeded, 1,500 cases: generated bodies as markup, small and large record limits, any chunking.</summary>
    [Fact]
    public void Process_AnyChunking_SameOutputAndFindingsAsWhole()
    {
        PiiScanner small = PiiScanner.Create(Scanners.GuardianOptions(maxRecordBytes: 1024));
        Arbitrary<(int Seed, int[] Cuts, bool Small)> cases = Arb.From(
            from seed in Gen.Choose(0, int.MaxValue - 1)
            from cuts in Gen.ArrayOf(Gen.Choose(0, 64))
            from isSmall in Gen.Elements(false, true)
            select (seed, cuts, isSmall));
        Property property = Prop.ForAll(cases, c =>
        {
            byte[] body = BodyGenerator.Generate(c.Seed);
            PiiScanner scanner = c.Small ? small : Scanners.Guardian;
            ScanResult whole = Scanners.Run(scanner, BodyFormat.Markup, body, [body.Length]);
            ScanComparison.AssertSameResult(whole, Scanners.Run(scanner, BodyFormat.Markup, body, c.Cuts.Append(0).ToArray()), "chunking", c.Cuts, body);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1500).WithReplay(20261124UL, 977UL), property);
    }

    [Theory]
    [InlineData(
        "<order><customer><name>Ravi Kumar</name><email>ravi.k@example.com</email><address><line1>12 MG Road</line1><city>Pune</city></address></customer></order>",
        "{\"customer\":{\"name\":\"Ravi Kumar\",\"email\":\"ravi.k@example.com\",\"address\":{\"line1\":\"12 MG Road\",\"city\":\"Pune\"}}}")]
    [InlineData(
        "<c:customer><c:customerName><c:first>Ravi</c:first><c:last>Kumar</c:last></c:customerName><c:email>ravi.k@example.com</c:email></c:customer>",
        "{\"customer\":{\"customerName\":{\"first\":\"Ravi\",\"last\":\"Kumar\"},\"email\":\"ravi.k@example.com\"}}")]
    public void Process_OneLineDocumentWithAddressOrNameElements_MasksTheSameValuesAsJson(string xml, string json)
    {
        // An element of elements that names an address or a name gives its members their part roles, as a JSON object
        // does: the street and city (first and last name) are masked where the JSON record's are.
        ScanResult markup = Scanners.Run(s_redacts, BodyFormat.Markup, xml);
        ScanResult asJson = Scanners.Run(s_redacts, BodyFormat.Json, json);

        Assert.Equal(Values(asJson.Text, '"'), Values(markup.Text, '<'));
        Assert.DoesNotContain("Ravi", markup.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_PrettyPrintedAddressElement_MembersOnLaterLinesMaskedAsOnOneLine()
    {
        // The address element's start tag, members and end tag on lines of their own: the street and city are read in
        // it (carried across lines), exactly as when the document is on one line.
        const string OneLine = "<customer><name>Ravi Kumar</name><email>ravi.k@example.com</email><shipping><line1>12 MG Road</line1><city>Pune</city><state>MH</state></shipping><line1>Express lane</line1></customer>";
        const string Pretty = "<customer>\n  <name>Ravi Kumar</name>\n  <email>ravi.k@example.com</email>\n  <shipping>\n    <line1>12 MG Road</line1>\n"
            + "    <city>Pune</city>\n    <state>MH</state>\n  </shipping>\n  <line1>Express lane</line1>\n</customer>\n";

        ScanResult oneLine = Scanners.Run(s_redacts, BodyFormat.Markup, OneLine);
        ScanResult pretty = Scanners.Run(s_redacts, BodyFormat.Markup, Pretty);

        Assert.Equal(Values(oneLine.Text, '<'), Values(pretty.Text, '<'));
        Assert.DoesNotContain("MG Road", pretty.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Pune", pretty.Text, StringComparison.Ordinal);
        Assert.Contains("<line1>Express lane</line1>", pretty.Text, StringComparison.Ordinal);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_redacts, BodyFormat.Markup, Encoding.UTF8.GetBytes(Pretty), pretty);
    }

    /// <summary>
    /// Seeded, 400 generated XML documents (one-line or pretty-printed, address, address holder and name elements with
    /// members, names, emails and phones): each in three random chunkings gives the output and findings of the whole.
    /// </summary>
    [Fact]
    public void Process_GeneratedAddressDocuments_AnyChunkingSameAsWhole()
    {
        var random = new Random(20261125);
        int parts = 0;
        for (int n = 0; n < 400; n++)
        {
            byte[] body = Encoding.UTF8.GetBytes(AddressDocument(random));
            ScanResult whole = Scanners.Run(s_redacts, BodyFormat.Markup, body, [0]);
            parts += whole.Findings.Count(f => f.Recognizer == "address.parts" || f.Recognizer == "name.parts");
            int[] cuts = [random.Next(1, body.Length + 1), random.Next(1, 40), random.Next(1, 200)];
            ScanComparison.AssertSameResult(whole, Scanners.Run(s_redacts, BodyFormat.Markup, body, [.. cuts, 0]), "chunking", cuts, body);
        }

        Assert.True(parts > 200, $"only {parts} part findings in 400 documents");
    }

    private static string AddressDocument(Random random)
    {
        string[] values = ["Ravi Kumar", "12 MG Road", "Pune", "ravi.k@example.com", "MH", "Ravi", "Kumar", "9876543210", "Flat 4B, Anna Salai"];
        string gap = random.Next(2) == 0 ? "" : "\n  ";
        var xml = new StringBuilder("<customer>");
        int children = random.Next(1, 6);
        for (int c = 0; c < children; c++)
        {
            string Value() => values[random.Next(values.Length)];
            switch (random.Next(4))
            {
                case 0:
                    xml.Append(gap).Append("<name>").Append(Value()).Append("</name>");
                    break;
                case 1:
                    xml.Append(gap).Append("<email>").Append(Value()).Append("</email>");
                    break;
                default:
                    string container = GeneratedText.Pick(random, "address", "shipping", "ns:billingAddress", "customerName", "note");
                    string[] members = container == "customerName" ? ["first", "last", "title"] : ["line1", "line2", "city", "state", "pincode"];
                    xml.Append(gap).Append('<').Append(container).Append('>');
                    int count = random.Next(1, 4);
                    for (int m = 0; m < count; m++)
                    {
                        string member = members[random.Next(members.Length)];
                        xml.Append(gap).Append("  <").Append(member).Append('>').Append(Value()).Append("</").Append(member).Append('>');
                    }

                    xml.Append(gap).Append("</").Append(container).Append('>');
                    break;
            }
        }

        return xml.Append(gap).Append("</customer>\n").ToString();
    }

    [Fact]
    public void Process_MemberAfterItsAddressElementCloses_TakesNoPartRole()
    {
        // line1 is a street only inside an address: after </address>, the shipment's own line1 is no part of it.
        const string Xml = "<shipment><name>Ravi Kumar</name><email>ravi.k@example.com</email><address><line1>12 MG Road</line1><city>Pune</city></address><line1>Express lane</line1></shipment>";

        ScanResult result = Scanners.Run(s_redacts, BodyFormat.Markup, Xml);

        Assert.DoesNotContain("12 MG Road", result.Text, StringComparison.Ordinal);
        Assert.Contains("<line1>Express lane</line1>", result.Text, StringComparison.Ordinal);
    }

    /// <summary>The text values of <paramref name="document"/>, in order: XML text nodes (<paramref name="end"/> '&lt;')
    /// or JSON string values, without the names and the whitespace between elements.</summary>
    private static string[] Values(string document, char end) =>
        [.. System.Text.RegularExpressions.Regex.Matches(document, end == '<' ? ">([^<>]+)<" : ":\"([^\"]*)\"")
            .Select(m => m.Groups[1].Value).Where(value => !string.IsNullOrWhiteSpace(value))];

    private static readonly PiiScanner s_redacts = PiiScanner.Create(Scanners.GuardianOptions(PiiExtProc.Scanning.Operators.DefaultMaskOperator.Instance));

    [Fact]
    public void Process_EveryTwoWaySplit_SameAsWhole()
    {
        byte[] body = Encoding.UTF8.GetBytes(Soap + "\n<note>call 9876543210</note>\n<address>12 MG Road, Bengaluru 560001</address>"
            + "\n<billing><name>Ravi Kumar</name><address><line1>4 Park St</line1><city>Kolkata</city></address></billing>");
        ScanResult whole = Scanners.Run(Scanners.Guardian, BodyFormat.Markup, body, [0]);
        Assert.Equal(7, whole.Findings.Count(f => f.Action == FindingAction.Redacted));
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(Scanners.Guardian, BodyFormat.Markup, body, whole);
    }
}
