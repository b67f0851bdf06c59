using System.Text;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// An address part whose value holds a PIN code stands for the city: an address sent as an array of its lines
/// (<c>"addressLines": ["12 MG Road", "Koramangala", "Bengaluru 560034"]</c>, Google's PostalAddress shape) or as flat
/// line fields (<c>address_line2: "Pune 411001"</c>) is a full address. Before, every line was a street part, the record
/// held no city part, and the lines and the name beside them went out in the clear.
/// </summary>
public sealed class AddressPartPinCodeTests
{
    private static readonly PiiScanner s_masks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance));

    [Theory]
    [InlineData("""{"recipient":{"addressLines":["12 MG Road","Koramangala","Bengaluru 560034"],"name":"Ravi Kumar"}}""",
        """{"recipient":{"addressLines":["[REDACTED_ADDRESS]","[REDACTED_ADDRESS]","[REDACTED_ADDRESS]"],"name":"RXXX KXXXX"}}""")]
    [InlineData("""{"shipping":{"address":["Flat 4B, Lotus Apartments","Andheri West","Mumbai 400053"]},"email":"ravi@gmail.com"}""",
        """{"shipping":{"address":["[REDACTED_ADDRESS]","[REDACTED_ADDRESS]","[REDACTED_ADDRESS]"]},"email":"raXXX@gmail.com"}""")]
    [InlineData("""{"address_line1":"12 MG Road","address_line2":"Pune 411001","email":"ravi@gmail.com"}""",
        """{"address_line1":"[REDACTED_ADDRESS]","address_line2":"[REDACTED_ADDRESS]","email":"raXXX@gmail.com"}""")]
    // A line field that holds the whole address is a full address, and completes the city field beside it.
    [InlineData("""{"name":"Ravi Kumar","address1":"12 MG Road, Koramangala, Bengaluru 560034","city":"Bengaluru"}""",
        """{"name":"RXXX KXXXX","address1":"[REDACTED_ADDRESS]","city":"[REDACTED_ADDRESS]"}""")]
    public void Scan_AddressLinesWithAPinCodeLine_AFullAddress(string body, string expected)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, body);

        Assert.Equal(expected, result.Text);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PostalAddress && f.Recognizer == "address.parts" && f.Action == FindingAction.Redacted);
        Assert.DoesNotContain(result.Findings, f => f.Action == FindingAction.BelowCombinationThreshold);
        ScanComparison.AssertSplitsAndKeyedFastPathChangeNothing(Encoding.UTF8.GetBytes(body), Scanners.Run(Scanners.Guardian, BodyFormat.Json, body));
    }

    [Theory]
    // Street lines without a PIN code or a city: no full address.
    [InlineData("""{"address":["12 MG Road","Koramangala"],"email":"ravi@gmail.com"}""")]
    // A line with a PIN code alone is a city part alone.
    [InlineData("""{"address":["Bengaluru 560034"],"email":"ravi@gmail.com"}""")]
    public void Scan_AddressLinesWithoutBothParts_NotRedacted(string body)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, body);

        Assert.Equal(body, result.Text);
    }
}
