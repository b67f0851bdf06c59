using System.Text;
using PiiExtProc.Scanning.Recognition;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Text bodies: consecutive <c>Key: value</c> lines (a contact form's summary, a support ticket, a message's header
/// block) are one record for the combination rule, as a JSON object is; other lines (log lines) stay a record each.
/// Before, <c>Name: Ravi Kumar</c> and <c>Email: ...</c> on two lines were two records, each below the threshold, and
/// both went out in the clear.
/// </summary>
public sealed class KeyValueBlockTests
{
    [Theory]
    [InlineData("Name: Ravi Kumar\nOrder ID: OD1234\nEmail: ravi.kumar@example.com\nMessage: deliver after 6\n")]
    [InlineData("Name: Ravi Kumar\n\nEmail: ravi.kumar@example.com\n")]
    [InlineData("  - Customer Name: Ravi Kumar\r\n  - Email: ravi.kumar@example.com\r\n")]
    [InlineData("Full name:   Ravi Kumar\nPAN: ABCPK1234Z\nEmail address: ravi.kumar@example.com")]
    public void Process_KeyValueLines_OneRecord(string body)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Text, body);

        Assert.True(result.ContainsPii);
        Assert.DoesNotContain("Kumar", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ravi.kumar@", result.Text, StringComparison.Ordinal);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(Scanners.Guardian, BodyFormat.Text, Encoding.UTF8.GetBytes(body), result);
    }

    /// <summary>Lines that are not Key: value lines keep a record each: log lines, level words, prose between fields.</summary>
    [Theory]
    [InlineData("2026-11-22T10:00:01Z INFO name: Ravi Kumar\n2026-11-22T10:00:02Z INFO mail to ravi.kumar@example.com\n")]
    [InlineData("INFO: Name: Ravi Kumar\nINFO: mail sent to ravi.kumar@example.com\n")]
    [InlineData("Name: Ravi Kumar\nThanks for shopping with us.\nEmail: ravi.kumar@example.com\n")]
    [InlineData("Name: Ravi Kumar\nhttps://example.com/a\nEmail: ravi.kumar@example.com\n")]
    public void Process_OtherLines_RecordPerLine(string body)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Text, body);

        Assert.False(result.ContainsPii);
        Assert.Equal(body, result.Text);
        Assert.Contains(result.Findings, f => f.Action == FindingAction.BelowCombinationThreshold);
    }

    /// <summary>Two forms one after another, separated by prose, are two records: a name in one and an email in the other
    /// do not combine.</summary>
    [Fact]
    public void Process_TwoBlocks_TwoRecords()
    {
        const string body = "Name: Ravi Kumar\nCity: Pune\n--- next ticket ---\nEmail: priya.s@example.com\nCity: Goa\n";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Text, body);

        Assert.Equal(body, result.Text);
    }

    [Theory]
    [InlineData("Name: Ravi Kumar", true)]
    [InlineData("Order ID: OD1234\n", true)]
    [InlineData("\t* Email: x\r\n", true)]
    [InlineData("Subject:\n", true)]
    [InlineData("PAN: ABCPK1234Z", true)]
    [InlineData("DOB: 1990-01-01", true)]
    [InlineData("INFO: started", false)]
    [InlineData("WARN: retry", false)]
    [InlineData("SHIPPING: started", false)]
    [InlineData("Shipping: express", true)]
    [InlineData("2026-11-22 Name: Ravi", false)]
    [InlineData("Name:Ravi", false)]
    [InlineData("Name:- Ravi Kumar", true)]
    [InlineData("Email :- ravi@example.in\n", true)]
    [InlineData("Name:-5", false)]
    [InlineData("Order shipped - see details", false)]
    [InlineData("Name - Ravi Kumar", true)] // a dash pair whose key names a role (DashPairTests)
    [InlineData("https://example.com", false)]
    [InlineData("one two three four: x", false)]
    [InlineData("Thanks for your order.", false)]
    [InlineData("", false)]
    public void IsKeyValueLine(string line, bool expected) =>
        Assert.Equal(expected, Detector.IsKeyValueLine(Encoding.UTF8.GetBytes(line), Scanners.Guardian.Detector.Keywords));
}
