using System.Text;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Address blocks of plain-text bodies: an address or party label alone on its line, then the address's lines, as
/// plain-text order mails, packing slips and notes write it. A text body is read one line at a time, so before, the label
/// line had an empty value and each address line was a record of its own with no key: a name and an address went out.
/// Now the lines are parts of one record (an addressee's name, street parts, the PIN code's line a city part).
/// </summary>
public sealed class TextAddressBlockTests
{
    private static readonly PiiScanner s_masks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance));

    [Theory]
    [InlineData("Shipping address:\nRavi Kumar\n12, 3rd Cross, HSR Layout\nBengaluru, Karnataka 560102\nIndia\n",
        "Shipping address:\nRXXX KXXXX\n[REDACTED_ADDRESS]\n[REDACTED_ADDRESS]\n[REDACTED_ADDRESS]\n")]
    [InlineData("Ship to:\r\nRavi Kumar\r\n12, 3rd Cross, HSR Layout\r\nBengaluru, Karnataka 560102\r\n",
        "Ship to:\r\nRXXX KXXXX\r\n[REDACTED_ADDRESS]\r\n[REDACTED_ADDRESS]\r\n")]
    // A name elsewhere in the block: the address lines are the second kind.
    [InlineData("Address:\n12, 3rd Cross, HSR Layout\nBengaluru, Karnataka 560102\nName: Ravi Kumar\n",
        "Address:\n[REDACTED_ADDRESS]\n[REDACTED_ADDRESS]\nName: RXXX KXXXX\n")]
    // An address on one line, then a country's line (a street part the full address completes).
    [InlineData("Address:\n12, 3rd Cross, HSR Layout, Bengaluru 560102\nIndia\nEmail: ravi@gmail.com\n",
        "Address:\n[REDACTED_ADDRESS]\n[REDACTED_ADDRESS]\nEmail: raXXX@gmail.com\n")]
    // A party block on the first line under a party label.
    [InlineData("Customer details\nShip to:\nRavi Kumar, 12 MG Road, Pune 411001\nThanks\n",
        "Customer details\nShip to:\nRXXX KXXXX, [REDACTED_ADDRESS]\nThanks\n")]
    // Prose after the PIN code's line is no line of the address.
    [InlineData("Ship to:\nRavi Kumar\n12 MG Road\nPune 411001\nMaharashtra, India\nThanks for shopping with us\n",
        "Ship to:\nRXXX KXXXX\n[REDACTED_ADDRESS]\n[REDACTED_ADDRESS]\n[REDACTED_ADDRESS]\nThanks for shopping with us\n")]
    // Prose that ends with a party phrase, as order mails write it.
    [InlineData("Order #12345 confirmed!\nYour order will be delivered to:\nRavi Kumar\n12, 3rd Cross, HSR Layout\nBengaluru, Karnataka 560102\nPhone: 9876543210\n",
        "Order #12345 confirmed!\nYour order will be delivered to:\nRXXX KXXXX\n[REDACTED_ADDRESS]\n[REDACTED_ADDRESS]\nPhone: 98XXXXXX10\n")]
    [InlineData("Shipping to:\nAnita Desai\nFlat 4B, Lotus Apartments\nMumbai 400053\n",
        "Shipping to:\nAXXXX DXXXX\n[REDACTED_ADDRESS]\n[REDACTED_ADDRESS]\n")]
    // A place word on the first line: a street part, not a name; the email is the second kind.
    [InlineData("Shipping address:\nGreen Park Enclave\nBengaluru 560102\n\nEmail: ravi@gmail.com\n",
        "Shipping address:\n[REDACTED_ADDRESS]\n[REDACTED_ADDRESS]\n\nEmail: raXXX@gmail.com\n")]
    public void Scan_AddressLinesAfterALabelLine_Redacted(string body, string expected)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, body);

        Assert.Equal(expected, result.Text);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, BodyFormat.Text, Encoding.UTF8.GetBytes(body), result);
    }

    [Theory]
    // An addressee's name with no address after it is no full name: the email is alone.
    [InlineData("Shipping address:\nCash On Delivery\n\nEmail: ravi@gmail.com\n")]
    [InlineData("Shipping address:\nRavi Kumar\nEmail: ravi@gmail.com\n")]
    // No PIN code: street parts only, never a full address.
    [InlineData("Address:\n12 MG Road\nKoramangala\nBengaluru\nEmail: ravi@gmail.com\n")]
    // A blank line ends the block before the PIN code's line.
    [InlineData("Address:\n12 MG Road\n\nBengaluru 560034 is our warehouse\nEmail: ravi@gmail.com\n")]
    public void Scan_NoFullAddressInTheBlock_NothingButTheEmailFound(string body)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, body);

        Assert.DoesNotContain(result.Findings, f => f.Action == FindingAction.Redacted);
        Assert.Equal(body, result.Text);
    }

    [Fact]
    public void Scan_KeyEndingInADigit_AKeyValueLineOfTheBlock()
    {
        // Address1: is a Key: value line like Address:, so it and the name line are one record.
        const string body = "Name: Ravi Kumar\nAddress1: 12 MG Road, Bengaluru 560001\n";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, body);

        Assert.Equal("Name: RXXX KXXXX\nAddress1: [REDACTED_ADDRESS]\n", result.Text);
    }

    [Theory]
    // Prose that ends with a colon but names no party: its lines are no address block.
    [InlineData("Your order contains:\nRavi Kumar Kurta Set\n12 units, size M, Pune warehouse 411001\nEmail: ravi@gmail.com\n")]
    [InlineData("Please find the details below:\nRavi Kumar\n12 MG Road, Pune 411001\n\nEmail: ravi@gmail.com\n")]
    public void Scan_ProseEndingWithAColonNamingNoParty_NoBlock(string body)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, body);

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PersonName);
    }

    [Fact]
    public void Scan_SeventhLineOfABlock_NotRead()
    {
        // At most six lines are read under a label: a long run of lines is a list, not an address.
        const string body = "Address:\nRavi Kumar\nA\nB\nC\nD\nE\nBengaluru 560102\n";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, body);

        Assert.DoesNotContain(result.Findings, f => f.Action == FindingAction.Redacted);
    }

    [Fact]
    public void Scan_LabelLineThenKeyValueLines_BlockEndsAtTheFirstPair()
    {
        // "Phone:" is a pair of the key-value block, not an address line; the block's record goes on.
        const string body = "Ship to:\nRavi Kumar\n12 MG Road, Koramangala\nBengaluru 560034\nPhone: 9876543210\nEmail: ravi@gmail.com\n";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, body);

        Assert.Equal("Ship to:\nRXXX KXXXX\n[REDACTED_ADDRESS]\n[REDACTED_ADDRESS]\nPhone: 98XXXXXX10\nEmail: raXXX@gmail.com\n", result.Text);
    }
}
