using System.Text;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Addresses written into prose without a label, ended by their PIN code, as notification texts and log messages write
/// them: an SMS gateway's <c>message</c> (<c>Dear Ravi Kumar, your order will be delivered to 12 MG Road, Koramangala,
/// Bengaluru 560034 today.</c>), a mail's body, a log line. Before, nothing named the address, so it went out, and the
/// name beside it (a quasi-identifier alone) with it.
/// </summary>
public sealed class ProseAddressTests
{
    private static readonly PiiScanner s_masks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance));

    [Theory]
    // Prose before the address's house number is no part of it.
    [InlineData("""{"to":"919845012345","message":"Dear Ravi Kumar, your order OD123 will be delivered to 12 MG Road, Koramangala, Bengaluru 560034 today."}""",
        """{"to":"9198XXXXXX45","message":"Dear RXXX KXXXX, your order OD123 will be delivered to [REDACTED_ADDRESS] today."}""")]
    // A house word and its number; a house number alone as the address's first part; a '#' house number.
    [InlineData("""{"text":"Dear Sunita Sharma, delivered to Flat 4B, Lake View Apts, Kaloor, Kochi 682017 at 10:05."}""",
        """{"text":"Dear SXXXXX SXXXXX, delivered to [REDACTED_ADDRESS] at 10:05."}""")]
    [InlineData("""{"text":"Dear Anil Nair, your parcel will reach 12, 3rd Cross, HSR Layout, Bengaluru - 560102 by 6 PM."}""",
        """{"text":"Dear AXXX NXXX, your parcel will reach [REDACTED_ADDRESS] by 6 PM."}""")]
    [InlineData("""{"text":"Hi Priya Das, pickup from #45, 2nd Main, Indiranagar, Bangalore 560038 scheduled."}""",
        """{"text":"Hi PXXXX DXX, pickup from [REDACTED_ADDRESS] scheduled."}""")]
    // Typed in lower case, as customers type addresses.
    [InlineData("""{"text":"Dear Rohan Bhatt, address updated to 18 ring road, lajpat nagar, new delhi 110024."}""",
        """{"text":"Dear RXXXX BXXXX, address updated to [REDACTED_ADDRESS]."}""")]
    // A number's thousands separator ends the reading; a part of prose with a house number in it too.
    [InlineData("""{"text":"Dear Ravi Kumar, paid Rs 1,499, 12 MG Road, Koramangala, Bengaluru 560034"}""",
        """{"text":"Dear RXXX KXXXX, paid Rs 1,499, [REDACTED_ADDRESS]"}""")]
    [InlineData("""{"text":"Dear Ravi Kumar, 12 items, shipped to 5 MG Road, Koramangala, Pune 411001"}""",
        """{"text":"Dear RXXX KXXXX, 12 items, shipped to [REDACTED_ADDRESS]"}""")]
    // A mobile number alone is no house number; a lower-case part is no place part.
    [InlineData("""{"text":"Dear Ravi Kumar, call 9876543210, Koramangala, MG Road, Pune 411001"}""",
        """{"text":"Dear RXXX KXXXX, call 98XXXXXX10, Koramangala, [REDACTED_ADDRESS]"}""")]
    [InlineData("""{"text":"Dear Ravi Kumar, meet at the park, MG Road, Pune 411001"}""",
        """{"text":"Dear RXXX KXXXX, meet at the park, [REDACTED_ADDRESS]"}""")]
    [InlineData("""{"text":"Dear Ravi Kumar, 9876543210, MG Road, Pune 411001"}""",
        """{"text":"Dear RXXX KXXXX, 9876543210, [REDACTED_ADDRESS]"}""")]
    // A part of capitalized words with a place word starts an address.
    [InlineData("""{"text":"Dear Ravi Kumar, delivered: Near Wipro Park, Koramangala, Bengaluru 560034"}""",
        """{"text":"Dear RXXX KXXXX, delivered: [REDACTED_ADDRESS]"}""")]
    // A numbered place part (Sector 21, Ward 7, Koramangala 4th Block) is a whole part: the reading goes on past it to a
    // house number (before, the number inside it started a bare, rejected address). A block letter's flat number
    // (B-204) is a house number, and a locality named Civil Lines has a place word.
    [InlineData("""{"text":"Dear Ravi Kumar, deliver at Plot 12, Sector 21, Gurugram 122001."}""",
        """{"text":"Dear RXXX KXXXX, deliver at [REDACTED_ADDRESS]."}""")]
    [InlineData("""{"text":"Dear Ravi Kumar, deliver at 45, Ward 7, Patna 800001."}""",
        """{"text":"Dear RXXX KXXXX, deliver at [REDACTED_ADDRESS]."}""")]
    [InlineData("""{"text":"Dear Ravi Kumar, delivered to 12, Koramangala 4th Block, Bengaluru 560034"}""",
        """{"text":"Dear RXXX KXXXX, delivered to [REDACTED_ADDRESS]"}""")]
    [InlineData("""{"text":"Dear Ravi Kumar, delivered to B-204 Galaxy Heights, Andheri East, Mumbai 400069"}""",
        """{"text":"Dear RXXX KXXXX, delivered to [REDACTED_ADDRESS]"}""")]
    [InlineData("""{"text":"Dear Ravi Kumar, address 22 Civil Lines, Jaipur 302006"}""",
        """{"text":"Dear RXXX KXXXX, address [REDACTED_ADDRESS]"}""")]
    [InlineData("""{"text":"Dear Ravi Kumar, deliver at 4, Vill Rampur, Sitamarhi 843330"}""",
        """{"text":"Dear RXXX KXXXX, deliver at [REDACTED_ADDRESS]"}""")]
    public void Scan_AddressInProse_Redacted(string body, string expected)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, body);

        Assert.Equal(expected, result.Text);
        PiiFinding address = Assert.Single(result.Findings, f => f.Entity == PiiEntity.PostalAddress);
        Assert.Equal("address.prose", address.Recognizer);
        ScanComparison.AssertCleanProofAndValuePrefilterSkipNothing(Encoding.UTF8.GetBytes(body));
        ScanComparison.AssertSplitsAndKeyedFastPathChangeNothing(Encoding.UTF8.GetBytes(body), Scanners.Run(Scanners.Guardian, BodyFormat.Json, body));
    }

    [Theory]
    // The addressee a delivery phrase names right before the address: courier and shop SMS write it so. The name and the
    // address make each other PII.
    [InlineData("Your order will be delivered to Ravi Kumar, 12 MG Road, Bengaluru 560001 today.",
        "Your order will be delivered to RXXX KXXXX, [REDACTED_ADDRESS] today.")]
    [InlineData("Shipment OD1 dispatched to Meena Iyer, Flat 4B, Lake View Apts, Kaloor, Kochi 682017",
        "Shipment OD1 dispatched to MXXXX IXXX, [REDACTED_ADDRESS]")]
    public void Scan_AddresseeBeforeAProseAddress_NameRedactedWithIt(string line, string expected)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, line);

        Assert.Equal(expected, result.Text);
        Assert.Contains(result.Findings, f => f.Recognizer == "name.addressee" && f.Action == FindingAction.Redacted);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, BodyFormat.Text, Encoding.UTF8.GetBytes(line), result);
    }

    [Theory]
    // No delivery verb before "to", a business, a place, one word or lower-case words: no name, the address alone
    // (redacted with the email).
    [InlineData("Welcome to Phoenix Mall, 12 MG Road, Bengaluru 560001. Mail ravi.k@example.com")]
    [InlineData("shipped to Acme Traders, 12 MG Road, Pune 411001. Mail ravi.k@example.com")]
    [InlineData("delivered to Green Park, 12 MG Road, Pune 411001. Mail ravi.k@example.com")]
    [InlineData("delivered to Ravi, 12 MG Road, Pune 411001. Mail ravi.k@example.com")]
    [InlineData("delivered to the gate guard, 12 MG Road, Pune 411001. Mail ravi.k@example.com")]
    public void Scan_NoAddresseeBeforeAProseAddress_AddressAlone(string line)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, line);

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PersonName);
        Assert.Contains(result.Findings, f => f.Recognizer == "address.prose" && f.Action == FindingAction.Redacted);
    }

    [Fact]
    public void Scan_AddressInALogLine_Redacted()
    {
        const string body = "2026-11-25 10:01:02 INFO notify user_id=42 name=Meena Iyer text=\"Your order is out for delivery to 7 Park Street, Kolkata 700016\"\n";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, body);

        Assert.Equal("2026-11-25 10:01:02 INFO notify user_id=42 name=MXXXX IXXX text=\"Your order is out for delivery to [REDACTED_ADDRESS]\"\n", result.Text);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, BodyFormat.Text, Encoding.UTF8.GetBytes(body), result);
    }

    [Theory]
    // Amounts with thousands separators, OTPs, batch numbers and quantities: no address.
    [InlineData("Dear Ravi Kumar, your order of 3 items, worth Rs 1,499, ships from Pune 411019 tomorrow.")]
    [InlineData("Hi Meena Iyer, your OTP is 482913, valid for 10 minutes, do not share it.")]
    [InlineData("Hello Kiran Rao, batch 100234, 12 units, Lot 7 dispatched.")]
    // A row of comma-separated fields: a long number alone, or a short one with no place word, starts no address.
    [InlineData("OD1,Ravi Kumar,ravi@example.com,9876543210,Pune,411001")]
    [InlineData("OD1,Ravi Kumar,ravi@example.com,12,Pune,411001")]
    // A PIN code's digits joined to letters (an air waybill, a SKU).
    [InlineData("Dear Ravi Kumar, 12 MG Road, Koramangala, ref AWB123456")]
    // A long part of prose without a house number ends the reading.
    [InlineData("Flat 2, we are sorry that the delivery was late again today and yesterday, Koramangala, Bengaluru 560034")]
    // One comma and no place word.
    [InlineData("Dear Ravi Kumar, 12 units shipped to Pune 411001")]
    // Prose of many words after a number is no street: 3 items ... to Pune.
    [InlineData("Dear Ravi Kumar, 3 items will be delivered by our partner to, Koramangala, Pune 411001")]
    // A number beside words that are no place (a size, a quantity) is no address part.
    [InlineData("Dear Ravi Kumar, Size 9, Qty 2, shipped from Pune 411001")]
    public void Scan_NoAddressBeforeThePinCode_NoAddress(string body)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, body);

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PostalAddress);
    }

    [Theory]
    // Markup is read by its labels: pages and mails list stores' and couriers' addresses in prose.
    [InlineData(BodyFormat.Markup, "<p>Ravi Kumar</p>\n<p>Visit our store at 12 MG Road, Koramangala, Bengaluru 560034</p>\n<p>ravi.k@example.com</p>\n")]
    [InlineData(BodyFormat.Json, """{"html":"<p>Dear Ravi Kumar, visit our store at 12 MG Road, Koramangala, Bengaluru 560034</p>","email":"ravi.k@example.com"}""")]
    [InlineData(BodyFormat.Json, """{"note":"Dear <b>Ravi Kumar</b>, visit our store at 12 MG Road, Koramangala, Bengaluru 560034","email":"ravi.k@example.com"}""")]
    public void Scan_ProseAddressInMarkup_NotRead(BodyFormat format, string body)
    {
        ScanResult result = Scanners.Run(s_masks, format, body);

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PostalAddress);
    }

    [Fact]
    public void Scan_ProseAddressUnderANegativeKey_NotRead()
    {
        // An order's location names a warehouse or a pickup point, not a person's address.
        const string body = """{"name":"Ravi Kumar","order_location":"Flat 4B, 12 MG Road, Pune 411001","email":"ravi.k@example.com"}""";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, body);

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PostalAddress);
    }

    [Fact]
    public void Scan_AddressAPairAlreadyFound_KeptAsThePairsFinding()
    {
        const string body = "Name: Ravi Kumar\nAddress: 12 MG Road, Koramangala, Bengaluru 560034\n";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, body);

        PiiFinding address = Assert.Single(result.Findings, f => f.Entity == PiiEntity.PostalAddress);
        Assert.NotEqual("address.prose", address.Recognizer);
    }

    [Theory]
    // A PIN code: six digits, not 0 first, alone (nothing joined to it as DigitRun joins groups, no word byte beside it).
    [InlineData("Bengaluru 560034 today", true)]
    [InlineData("Bengaluru - 560034", true)]
    [InlineData("Bengaluru 056003", false)]
    [InlineData("Bengaluru 5600341", false)]
    [InlineData("Bengaluru 12 560034", false)]
    [InlineData("Bengaluru 560034-1234", false)]
    [InlineData("Bengaluru AWB560034", false)]
    [InlineData("Bengaluru 560034_x", false)]
    public void IsPinCodeCandidate_TheSixDigitsAfterTheCity(string text, bool expected)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        int start = text.IndexOf("560034", StringComparison.Ordinal) is int at and >= 0 ? at : text.IndexOf("056003", StringComparison.Ordinal);
        int end = start;
        while (end < bytes.Length && bytes[end] is >= (byte)'0' and <= (byte)'9')
        {
            end++;
        }

        Assert.Equal(expected, Recognition.Detector.IsPinCodeCandidate(bytes, start, end));
    }

    [Theory]
    // Six digits joined to another group are no PIN code.
    [InlineData("""{"note":"Dear Ravi Kumar, 12 MG Road, Koramangala, Bengaluru 12 560034"}""")]
    [InlineData("""{"note":"Dear Ravi Kumar, 12 MG Road, Koramangala, Bengaluru 560034-1234"}""")]
    public void Scan_SixDigitsJoinedToAnotherGroup_NoProseAddress(string body)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, body);

        Assert.DoesNotContain(result.Findings, f => f.Recognizer == "address.prose");
    }
}
