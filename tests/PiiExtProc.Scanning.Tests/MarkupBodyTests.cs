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

    [Fact]
    public void Process_EveryTwoWaySplit_SameAsWhole()
    {
        byte[] body = Encoding.UTF8.GetBytes(Soap + "\n<note>call 9876543210</note>\n<address>12 MG Road, Bengaluru 560001</address>");
        ScanResult whole = Scanners.Run(Scanners.Guardian, BodyFormat.Markup, body, [0]);
        Assert.Equal(4, whole.Findings.Count(f => f.Action == FindingAction.Redacted));
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(Scanners.Guardian, BodyFormat.Markup, body, whole);
    }
}
