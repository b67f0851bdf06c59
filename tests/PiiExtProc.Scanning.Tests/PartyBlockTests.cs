using System.Text;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Party blocks: a name and an address in one value under a party key (<c>"shipTo": "Ravi Kumar, 12 MG Road, Pune
/// 411001"</c>, <c>Deliver to: Ravi Kumar, ...</c>), as courier labels and order exports write the addressee. Before,
/// the value was no name as a whole and no address under a name key, and went out in the clear: a full name and an
/// address together, PII under Guardian B.
/// </summary>
public sealed class PartyBlockTests
{
    private static readonly PiiScanner s_masks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance));

    [Theory]
    [InlineData(BodyFormat.Json, """{"shipTo":"Ravi Kumar, 12 MG Road, Pune 411001"}""",
        """{"shipTo":"RXXX KXXXX, [REDACTED_ADDRESS]"}""")]
    [InlineData(BodyFormat.Json, """{"awb":"1234","consignee":"Anita Desai, Flat 4B, Green Park, New Delhi 110016, Delhi"}""",
        """{"awb":"1234","consignee":"AXXXX DXXXX, [REDACTED_ADDRESS]"}""")]
    // A PIN code at the end, and a house number first with no PIN code.
    [InlineData(BodyFormat.Json, """{"consignee":"Meera Iyer, Flat 4B, Green Park, Delhi 110016"}""",
        """{"consignee":"MXXXX IXXX, [REDACTED_ADDRESS]"}""")]
    [InlineData(BodyFormat.Json, """{"shipTo":"Farhan Ali, 7 Park Street, Park Circus, Kolkata"}""",
        """{"shipTo":"FXXXXX AXX, [REDACTED_ADDRESS]"}""")]
    [InlineData(BodyFormat.Json, """{"consignee":"Sunita Devi, Flat 4B, Green Park, New Delhi"}""",
        """{"consignee":"SXXXXX DXXX, [REDACTED_ADDRESS]"}""")]
    [InlineData(BodyFormat.Json, """{"shipTo":"Mohan Lal, H.No 12-3, Kothrud, Pune"}""",
        """{"shipTo":"MXXXX LXX, [REDACTED_ADDRESS]"}""")]
    [InlineData(BodyFormat.Text, "Deliver to: Ravi Kumar, 12 MG Road, Koramangala, Bengaluru 560034. Mob 9876543210",
        "Deliver to: RXXX KXXXX, [REDACTED_ADDRESS]. Mob 98XXXXXX10")]
    [InlineData(BodyFormat.Text, """label consignee="Farhan Ali, 7 Park Street, Kolkata 700016" awb=8812""",
        """label consignee="FXXXXX AXX, [REDACTED_ADDRESS]" awb=8812""")]
    // After the PIN code, a state's and a country's parts belong to the address; an email or a label and its number
    // after a comma do not (the email was swallowed into the address, and with a name the address could not take, it
    // went out with it).
    [InlineData(BodyFormat.Text, "Deliver to: Ravi Kumar, 12 Anna Salai, Chennai 600002, Tamil Nadu, India, email ravi.k@example.com",
        "Deliver to: RXXX KXXXX, [REDACTED_ADDRESS], email raXXX@example.com")]
    [InlineData(BodyFormat.Text, "Deliver to: Ravi Kumar, 12 MG Road, Pune 411001, Mob 9876543210, Tamil Nadu",
        "Deliver to: RXXX KXXXX, [REDACTED_ADDRESS], Mob 98XXXXXX10, Tamil Nadu")]
    public void Scan_NameAndAddressUnderAPartyKey_BothRedacted(BodyFormat format, string body, string expected)
    {
        ScanResult result = Scanners.Run(s_masks, format, body);

        Assert.Equal(expected, result.Text);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PersonName && f.Action == FindingAction.Redacted);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PostalAddress && f.Action == FindingAction.Redacted);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, format, Encoding.UTF8.GetBytes(body), result);
    }

    [Theory]
    [InlineData("<td>Ship to:</td><td>Ravi Kumar, 12 MG Road, Pune 411001</td>",
        "<td>Ship to:</td><td>RXXX KXXXX, [REDACTED_ADDRESS]</td>")]
    [InlineData("<table>\n<tr><td>Ship to</td>\n<td>Ravi Kumar, 12 MG Road, Pune 411001</td></tr>\n</table>",
        "<table>\n<tr><td>Ship to</td>\n<td>RXXX KXXXX, [REDACTED_ADDRESS]</td></tr>\n</table>")]
    [InlineData("<order><shipTo>Ravi Kumar, 12 MG Road, Pune 411001</shipTo></order>",
        "<order><shipTo>RXXX KXXXX, [REDACTED_ADDRESS]</shipTo></order>")]
    [InlineData("<form><input name=\"consignee\" value=\"Ravi Kumar, Flat 4B, Green Park, Delhi 110016\"></form>",
        "<form><input name=\"consignee\" value=\"RXXX KXXXX, [REDACTED_ADDRESS]\"></form>")]
    public void Scan_PartyBlockInMarkup_BothRedacted(string body, string expected)
    {
        // A label and its cell (on one line or the next), an XML element and a form control read their value as a
        // party key's: before, only a whole name or a whole address was taken there.
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Markup, body);

        Assert.Equal(expected, result.Text);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, BodyFormat.Markup, Encoding.UTF8.GetBytes(body), result);
    }

    [Theory]
    // An organisation is no party name; a comma with no address after it is none either.
    [InlineData("""{"consignee":"Acme Traders Pvt Ltd, 12 MG Road, Pune 411001"}""")]
    [InlineData("""{"customer":"Ravi Kumar, Gold member"}""")]
    [InlineData("""{"customer":"Ravi Kumar, 2 items"}""")]
    // Tags after the name have an address's commas, but no PIN code and no house number first.
    [InlineData("""{"customer":"Ravi Kumar, Premium, Loyal, Since 2019","email":"ravi.k@example.com"}""")]
    [InlineData("""{"customer":"Ravi Kumar, Unit Head, Sales, Region 2","email":"ravi.k@example.com"}""")]
    // Not a party key: a note that starts with a name.
    [InlineData("""{"product":"Ravi Kumar, 12 MG Road, Pune 411001"}""")]
    public void Scan_NoPartyBlock_NothingRedacted(string body)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, body);

        Assert.Equal(body, result.Text);
    }

    [Fact]
    public void Scan_SurnameFirstNameUnderAPartyKey_StaysOneName()
    {
        // "Kumar, Ravi" is a whole name (bank and airline records), not a name and an address.
        const string Body = """{"passenger":"Kumar, Ravi","email":"ravi.k@example.com"}""";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, Body);

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PostalAddress);
        Assert.Single(result.Findings, f => f.Entity == PiiEntity.PersonName && f.Action == FindingAction.Redacted);
    }
}
