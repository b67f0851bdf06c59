using System.Text;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Recognition;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Dash pairs at the start of text lines and after tags (<c>Name - Ravi Kumar</c>, <c>Address – 12 MG Road, Pune
/// 411001</c>, <c>&lt;br&gt;Email - ...</c>), the way order messages and mails write a form: read like
/// <c>Name: Ravi Kumar</c>, and the lines of a text body group into one record.
/// Before, the name and the address were not found, so the email stayed below the combination rule and all went out.
/// </summary>
public sealed class DashPairTests
{
    private static readonly PiiScanner s_masks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance));

    [Theory]
    [InlineData("Name - Ravi Kumar\nEmail - ravi.kumar@example.com\nAddress - 12 MG Road, Pune 411001\n",
        "Name - RXXX KXXXX\nEmail - raXXX@example.com\nAddress - [REDACTED_ADDRESS]\n")]
    [InlineData("Customer Name \u2013 Priya Sharma\nMobile \u2013 9876543210\nDelivery Address \u2014 Flat 4, Lake View, Kolkata 700019\n",
        "Customer Name \u2013 PXXXX SXXXXX\nMobile \u2013 98XXXXXX10\nDelivery Address \u2014 [REDACTED_ADDRESS]\n")]
    [InlineData("- Name - Ravi Kumar\r\n- Email - ravi.kumar@example.com\r\n", "- Name - RXXX KXXXX\r\n- Email - raXXX@example.com\r\n")]
    [InlineData("  - Name - Ravi Kumar\n  - Email - ravi.kumar@example.com\n", "  - Name - RXXX KXXXX\n  - Email - raXXX@example.com\n")]
    [InlineData("Order OD1234 placed.\n\nName   -   Ravi Kumar\nEmail - ravi.kumar@example.com\n",
        "Order OD1234 placed.\n\nName   -   RXXX KXXXX\nEmail - raXXX@example.com\n")]
    public void Process_DashPairLines_ReadAsPairsOfOneRecord(string body, string expected)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, body);

        Assert.Equal(expected, result.Text);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, BodyFormat.Text, Encoding.UTF8.GetBytes(body), result);
    }

    [Theory]
    // No space around the dash, no value, a key that names no role, a name before the dash, prose.
    [InlineData("Name -Ravi Kumar\nEmail - ravi.kumar@example.com\n")]
    [InlineData("Name-Ravi Kumar\nEmail - ravi.kumar@example.com\n")]
    [InlineData("File name - Ravi Kumar\nEmail - ravi.kumar@example.com\n")]
    [InlineData("Ravi Kumar - ravi.kumar@example.com\n")]
    [InlineData("Order shipped - Ravi Kumar\nEmail - ravi.kumar@example.com\n")]
    public void Process_NoDashPair_NameNotFound(string body)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, body);

        Assert.DoesNotContain(result.Findings, f => f.Entity.Name == "PERSON_NAME");
        Assert.Equal(body, result.Text);
    }

    [Theory]
    [InlineData("<p>Name - Ravi Kumar<br>Email - ravi.kumar@example.com<br/>Address - 12 MG Road, Pune 411001</p>\n",
        "<p>Name - RXXX KXXXX<br>Email - raXXX@example.com<br/>Address - [REDACTED_ADDRESS]</p>\n")]
    [InlineData("<div>\n  Name \u2013 Ravi Kumar\n  <span>Email \u2013 ravi.kumar@example.com</span>\n</div>\n",
        "<div>\n  Name \u2013 RXXX KXXXX\n  <span>Email \u2013 raXXX@example.com</span>\n</div>\n")]
    public void Process_DashPairsInMarkup_ReadAfterATagOrALineStart(string body, string expected)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Markup, body);

        Assert.Equal(expected, result.Text);
    }

    [Fact]
    public void Process_DashPairInAnEmbeddedDocument_Read()
    {
        // An HTML mail body in a JSON value is an embedded document: always scanned in full, so its pairs are read.
        const string Body = """{"html":"<p>Name - Ravi Kumar<br>Email - ravi.kumar@example.com</p>"}""";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, Body);

        Assert.Equal("""{"html":"<p>Name - RXXX KXXXX<br>Email - raXXX@example.com</p>"}""", result.Text);
        ScanComparison.AssertCleanProofAndValuePrefilterSkipNothing(Encoding.UTF8.GetBytes(Body));

        // Its lines too: a text mail after a tag, one pair per line.
        const string Lines = """{"body":"<b>New order</b>\nName - Ravi Kumar\nEmail - ravi.kumar@example.com"}""";
        Assert.Equal(
            """{"body":"<b>New order</b>\nName - RXXX KXXXX\nEmail - raXXX@example.com"}""",
            Scanners.Run(s_masks, BodyFormat.Json, Lines).Text);
    }

    [Fact]
    public void Process_DashPairInAJsonValue_NotRead()
    {
        // A JSON value without a trigger byte is clean to the value prefilter and the clean proofs: the detector does
        // not read dash pairs in it, so the fast paths and the full scan agree.
        byte[] body = Encoding.UTF8.GetBytes("""{"note":"Name - Ravi Kumar","device_id":"web-abcdefgh"}""");
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, body, [body.Length]);

        Assert.DoesNotContain(result.Findings, f => f.Entity.Name == "PERSON_NAME");
    }

    [Theory]
    [InlineData("Name - Ravi Kumar", true)]
    [InlineData("Email \u2013 x", true)]
    [InlineData("  * Mobile - 98", true)]
    [InlineData("Order shipped - see details", false)]
    [InlineData("Name -Ravi", false)]
    [InlineData("Name - ", false)]
    [InlineData("Name -\n", false)]
    [InlineData("Name \u2212 Ravi", false)]
    [InlineData("Name\u2013 Ravi", false)]
    public void IsKeyValueLine_DashPairs(string line, bool expected) =>
        Assert.Equal(expected, Detector.IsKeyValueLine(Encoding.UTF8.GetBytes(line), Scanners.Guardian.Keywords));
}
