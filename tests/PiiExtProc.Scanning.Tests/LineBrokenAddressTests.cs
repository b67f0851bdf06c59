using System.Text;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Addresses an HTML mail breaks into lines after their label (<c>&lt;b&gt;Shipping address:&lt;/b&gt;&lt;br&gt;Ravi
/// Kumar&lt;br&gt;12 MG Road...</c>): each line is a POSTAL_ADDRESS match, and a first line that is a name is the name
/// (under a party label, <c>Ship to:</c>; under an address label when it has no place word and the lines after it are an
/// address). Before, only the first line was read, as a whole address, and none was found.
/// </summary>
public sealed class LineBrokenAddressTests
{
    private static readonly PiiScanner s_masks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance));

    [Theory]
    [InlineData("<p>Hi Ravi Kumar,</p><p><strong>Shipping address:</strong><br>Ravi Kumar<br>12 MG Road, Koramangala<br>Bengaluru - 560034</p>",
        "<p>Hi RXXX KXXXX,</p><p><strong>Shipping address:</strong><br>RXXX KXXXX<br>[REDACTED_ADDRESS]<br>[REDACTED_ADDRESS]</p>")]
    [InlineData("<p><b>Ship to:</b><br/>Ravi Kumar<br/>Flat 4B, Green Park<br />New Delhi 110016</p><p>ravi.k@example.com</p>",
        "<p><b>Ship to:</b><br/>RXXX KXXXX<br/>[REDACTED_ADDRESS]<br />[REDACTED_ADDRESS]</p><p>raXXX@example.com</p>")]
    public void Scan_AddressLinesAfterALabel_EachLineRedacted(string body, string expected)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Markup, body);

        Assert.Equal(expected, result.Text);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PostalAddress && f.Recognizer == "address.text_key" && f.Action == FindingAction.Redacted);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, BodyFormat.Markup, Encoding.UTF8.GetBytes(body), result);
    }

    [Theory]
    // No salutation, no email: the addressee's name and the address are the record's two kinds (Guardian B).
    [InlineData("<p><b>Shipping address:</b><br>Ravi Kumar<br>12, 3rd Cross, HSR Layout<br>Bengaluru, Karnataka 560102</p>",
        "<p><b>Shipping address:</b><br>RXXX KXXXX<br>[REDACTED_ADDRESS]<br>[REDACTED_ADDRESS]</p>")]
    [InlineData("<p>Shipping address:<br>Anita Desai<br>Flat 4B, Lotus Apartments, Andheri West, Mumbai 400053</p>",
        "<p>Shipping address:<br>AXXXX DXXXX<br>[REDACTED_ADDRESS]</p>")]
    // A paragraph of prose that ends with a party phrase labels the paragraph after it, as order mails write it.
    [InlineData("<p>Hi Ravi,</p><p>Your order will be delivered to:</p><p>Ravi Kumar<br>12, 3rd Cross, HSR Layout<br>Bengaluru, Karnataka 560102</p>",
        "<p>Hi Ravi,</p><p>Your order will be delivered to:</p><p>RXXX KXXXX<br>[REDACTED_ADDRESS]<br>[REDACTED_ADDRESS]</p>")]
    public void Scan_AddresseeNameFirstUnderAnAddressLabel_NameAndAddressRedacted(string body, string expected)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Markup, body);

        Assert.Equal(expected, result.Text);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PersonName && f.Action == FindingAction.Redacted);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, BodyFormat.Markup, Encoding.UTF8.GetBytes(body), result);
    }

    [Theory]
    // A first line with a place word is the address's own first line; with the email the lines are still redacted.
    [InlineData("<p><b>Shipping address:</b><br>Green Park Enclave<br>Bengaluru 560102</p><p>ravi.k@example.com</p>",
        "<p><b>Shipping address:</b><br>[REDACTED_ADDRESS]<br>[REDACTED_ADDRESS]</p><p>raXXX@example.com</p>")]
    // A house's name first (Sai Krupa): the lines after it are no address on their own (a house number, no PIN code
    // and one line break), so it is the address's first line, not a name.
    [InlineData("<p><b>Delivery address:</b><br>Sai Krupa<br>12 MG Road<br>Koramangala</p><p>ravi.k@example.com</p>",
        "<p><b>Delivery address:</b><br>[REDACTED_ADDRESS]<br>[REDACTED_ADDRESS]<br>[REDACTED_ADDRESS]</p><p>raXXX@example.com</p>")]
    public void Scan_PlaceFirstLineUnderAnAddressLabel_NoNameFound(string body, string expected)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Markup, body);

        Assert.Equal(expected, result.Text);
        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PersonName);
    }

    [Theory]
    // Lines with no PIN code and no house number, or one line only, are no address.
    [InlineData("<p><b>Address:</b><br>Note<br>Call before delivery</p><p>ravi.k@example.com</p>")]
    [InlineData("<p><b>Delivery address:</b><br>Same as billing<br>Leave at gate, ring twice</p><p>ravi.k@example.com</p>")]
    [InlineData("<p><b>Address:</b><br>Koramangala</p><p>Name: Ravi Kumar, ravi.k@example.com</p>")]
    // Prose that ends with a colon but no party phrase labels nothing.
    [InlineData("<p>Your parcel was handed over to:</p><p>Blue Dart<br>12 MG Road, Pune 411001</p><p>ravi.k@example.com</p>")]
    // Labels one after another are not lines of the first one's value.
    [InlineData("<p><b>Address:</b> Pune<br><b>Order:</b> 411001<br>Track 12 items</p><p>ravi.k@example.com</p>")]
    public void Scan_NoLineBrokenAddress_NoAddress(string body)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Markup, body);

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PostalAddress);
    }
}
