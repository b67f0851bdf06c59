using System.Text;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Address blocks in one value: an addressee's name on the first line of an address value (<c>"shipping_address":
/// "Ravi Kumar\n12, 3rd Cross..."</c>), an address alone under a party key (<c>"ship_to": "12, 3rd Cross, ...
/// 560102"</c>, <c>Deliver to: 12, ...</c>), and a label alone on its line inside a free-text value (<c>Ship to:\nRavi
/// Kumar\n...</c>). Before, the name line was read as part of the address (one kind in the record, below the combination
/// rule), an address under a party key was neither a name nor a party block, and a label's value was empty: all went
/// out in the clear.
/// </summary>
public sealed class AddressBlockValueTests
{
    private static readonly PiiScanner s_masks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance));

    [Theory]
    [InlineData("""{"shipping_address":"Ravi Kumar\n12, 3rd Cross, HSR Layout\nBengaluru 560102","order":"OD1"}""",
        """{"shipping_address":"RXXX KXXXX\n[REDACTED_ADDRESS]","order":"OD1"}""")]
    [InlineData("""{"address":"Anita Desai\r\nFlat 4B, Lotus Apartments\r\nMumbai 400053"}""",
        """{"address":"AXXXX DXXXX\r\n[REDACTED_ADDRESS]"}""")]
    // No PIN code: the keyed fast path (a value that holds no candidate) must not take the whole value as the address.
    [InlineData("""{"address":"Ravi Kumar\n12 MG Road, Koramangala\nBengaluru"}""",
        """{"address":"RXXX KXXXX\n[REDACTED_ADDRESS]"}""")]
    // A party key's value split by line feeds is a party block too.
    [InlineData("""{"consignee":"Ravi Kumar\n12 MG Road\nPune 411001"}""",
        """{"consignee":"RXXX KXXXX\n[REDACTED_ADDRESS]"}""")]
    public void Scan_AddresseeNameOnTheFirstLine_NameAndAddressRedacted(string body, string expected)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, body);

        Assert.Equal(expected, result.Text);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PersonName && f.Action == FindingAction.Redacted);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PostalAddress && f.Action == FindingAction.Redacted);
        ScanComparison.AssertSplitsAndKeyedFastPathChangeNothing(Encoding.UTF8.GetBytes(body), Scanners.Run(Scanners.Guardian, BodyFormat.Json, body));
    }

    [Theory]
    // A place word on the first line: the address's own first line.
    [InlineData("""{"address":"Green Park Enclave\nBengaluru 560102","email":"ravi.k@example.com"}""")]
    [InlineData("""{"address":"Lotus Towers\n12, 3rd Cross, HSR Layout\nBengaluru 560102","email":"ravi.k@example.com"}""")]
    // The lines after the first are no address on their own (no PIN code, one line break): the first line is a house's name.
    [InlineData("""{"address":"Sai Krupa\n12 MG Road\nKoramangala","email":"ravi.k@example.com"}""")]
    public void Scan_FirstLineNoName_WholeValueIsTheAddress(string body)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, body);

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PersonName);
        PiiFinding address = Assert.Single(result.Findings, f => f.Entity == PiiEntity.PostalAddress);
        Assert.Equal(FindingAction.Redacted, address.Action);
        Assert.Contains("\"address\":\"[REDACTED_ADDRESS]\"", result.Text);
        ScanComparison.AssertSplitsAndKeyedFastPathChangeNothing(Encoding.UTF8.GetBytes(body), Scanners.Run(Scanners.Guardian, BodyFormat.Json, body));
    }

    [Fact]
    public void Scan_AddressLinesWithoutCommas_AFullAddress()
    {
        // Line feeds separate an address's parts as commas do: before, this value was only a street part and, with no
        // city in the record, was dropped.
        const string body = """{"address":"12 MG Road\nKoramangala\nBengaluru","email":"ravi.k@example.com"}""";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, body);

        Assert.Equal("""{"address":"[REDACTED_ADDRESS]","email":"raXXX@example.com"}""", result.Text);
    }

    [Theory]
    [InlineData(BodyFormat.Json, """{"delivered_to":"Ravi Kumar, 12 MG Road, Pune 411001"}""",
        """{"delivered_to":"RXXX KXXXX, [REDACTED_ADDRESS]"}""")]
    [InlineData(BodyFormat.Json, """{"ship_to":"12, 3rd Cross, HSR Layout, Bengaluru 560102","email":"ravi@gmail.com"}""",
        """{"ship_to":"[REDACTED_ADDRESS]","email":"raXXX@gmail.com"}""")]
    [InlineData(BodyFormat.Json, """{"consignee":"Flat 4B, Lotus Apartments, Andheri West, Mumbai 400053","consignee_email":"ravi@gmail.com"}""",
        """{"consignee":"[REDACTED_ADDRESS]","consignee_email":"raXXX@gmail.com"}""")]
    [InlineData(BodyFormat.Json, """{"deliver_to":"4/12, Nehru Nagar, Kothrud","name":"Ravi Kumar"}""",
        """{"deliver_to":"[REDACTED_ADDRESS]","name":"RXXX KXXXX"}""")]
    [InlineData(BodyFormat.Text, "Deliver to: 12, 3rd Cross, HSR Layout, Bengaluru 560102. Call on arrival\nName: Ravi Kumar\n",
        "Deliver to: [REDACTED_ADDRESS]. Call on arrival\nName: RXXX KXXXX\n")]
    [InlineData(BodyFormat.Markup, "<p><b>Ship to:</b> 221B, Baker Street, Pune 411001</p><p>ravi@gmail.com</p>",
        "<p><b>Ship to:</b> [REDACTED_ADDRESS]</p><p>raXXX@gmail.com</p>")]
    public void Scan_AddressAloneUnderAPartyKey_Redacted(BodyFormat format, string body, string expected)
    {
        ScanResult result = Scanners.Run(s_masks, format, body);

        Assert.Equal(expected, result.Text);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, format, Encoding.UTF8.GetBytes(body), result);
    }

    [Theory]
    // Tags after a name, a company, numbers that are no address: nothing under the party key is an address.
    [InlineData("""{"customer":"Ravi Kumar, Premium, Loyal, Since 2019","email":"ravi@gmail.com"}""")]
    [InlineData("""{"driver":"Ravi Kumar 12 trips, 4.8 rating","email":"ravi@gmail.com"}""")]
    [InlineData("""{"consignee":"12 boxes, fragile, handle with care","email":"ravi@gmail.com"}""")]
    // A business before its address: no person's party block, and no address alone either.
    [InlineData("""{"shipper":"Acme Traders, 12 MG Road, Pune 411001","email":"ravi@gmail.com"}""")]
    public void Scan_PartyValueThatIsNoAddress_NoAddress(string body)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, body);

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PostalAddress);
    }

    [Theory]
    [InlineData("""{"msg":"Ship to:\nRavi Kumar\n12, 3rd Cross, HSR Layout\nBengaluru 560102\nPhone: 9876543210"}""",
        """{"msg":"Ship to:\nRXXX KXXXX\n[REDACTED_ADDRESS]\n[REDACTED_ADDRESS]\nPhone: 98XXXXXX10"}""")]
    [InlineData("""{"message":"Dear Ravi Kumar,\nYour order will be delivered to:\nRavi Kumar\n12, 3rd Cross, HSR Layout\nBengaluru 560102\nTrack: https://shop.example/t/AB12"}""",
        """{"message":"Dear RXXX KXXXX,\nYour order will be delivered to:\nRXXX KXXXX\n[REDACTED_ADDRESS]\n[REDACTED_ADDRESS]\nTrack: https://shop.example/t/AB12"}""")]
    [InlineData("""{"note":"Shipping address:\r\nRavi Kumar\r\n12 MG Road, Koramangala\r\nBengaluru 560034\r\n\r\nThanks"}""",
        """{"note":"Shipping address:\r\nRXXX KXXXX\r\n[REDACTED_ADDRESS]\r\n[REDACTED_ADDRESS]\r\n\r\nThanks"}""")]
    // Prose after the PIN code's line (and a state's line) ends the block, as in a text body.
    [InlineData("""{"note":"Ship to:\nRavi Kumar\n12, 3rd Cross, HSR Layout\nBengaluru 560102\nKarnataka\nThanks for shopping with us"}""",
        """{"note":"Ship to:\nRXXX KXXXX\n[REDACTED_ADDRESS]\n[REDACTED_ADDRESS]\n[REDACTED_ADDRESS]\nThanks for shopping with us"}""")]
    public void Scan_LabelAloneOnItsLineInFreeText_LinesRedacted(string body, string expected)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, body);

        Assert.Equal(expected, result.Text);
        ScanComparison.AssertSplitsAndKeyedFastPathChangeNothing(Encoding.UTF8.GetBytes(body), Scanners.Run(Scanners.Guardian, BodyFormat.Json, body));
    }

    [Fact]
    public void Scan_ValueOnTheLabelsOwnLine_ReadWhole()
    {
        // Only a label alone on its line takes the lines after it; a value after the colon is the label's value.
        const string body = """{"msg":"Ship to: Ravi Kumar\n12 MG Road, Koramangala\nBengaluru 560034\nEmail: ravi@gmail.com"}""";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, body);

        Assert.Contains("Ship to: RXXX KXXXX\\n", result.Text);
        Assert.Contains("Email: raXXX@gmail.com", result.Text);
    }

    [Theory]
    // Prose lines after the label, a note, one line only: no address.
    [InlineData("""{"msg":"Address:\nPlease call before delivery\nThe gate is locked after 9","email":"ravi@gmail.com"}""")]
    [InlineData("""{"msg":"Ship to:\nSame as billing","email":"ravi@gmail.com"}""")]
    [InlineData("""{"msg":"Delivery address:\nKoramangala\n\nOrder 411001 shipped","email":"ravi@gmail.com"}""")]
    public void Scan_LabelFollowedByNoAddress_NoAddress(string body)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, body);

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PostalAddress);
    }
}
