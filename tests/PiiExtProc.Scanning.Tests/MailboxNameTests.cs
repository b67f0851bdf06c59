using System.Text;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Display names of mailboxes (<c>"Anita Desai" &lt;anita.desai@example.com&gt;</c>, <c>To: Anita Desai &lt;...&gt;</c>) in
/// mail logs and notification payloads: the name is a PERSON_NAME and counts with the email, except for role mailboxes
/// (<c>support@</c>, <c>noreply@</c>), whose display names name a service.
/// </summary>
public sealed class MailboxNameTests
{
    private static readonly PiiScanner s_masks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance));

    [Theory]
    [InlineData(BodyFormat.Json,
        "{\"toRecipients\":[{\"emailAddress\":{\"name\":\"Ravi Kumar\",\"address\":\"ravi.k@example.com\"}}],\"subject\":\"Hello\"}",
        "{\"toRecipients\":[{\"emailAddress\":{\"name\":\"RXXX KXXXX\",\"address\":\"raXXX@example.com\"}}],\"subject\":\"Hello\"}")]
    [InlineData(BodyFormat.Json,
        "{\"name\":\"Ravi Kumar\",\"address\":\" ravi.k@example.com \"}",
        "{\"name\":\"RXXX KXXXX\",\"address\":\" raXXX@example.com \"}")]
    [InlineData(BodyFormat.Csv,
        "name,address\nRavi Kumar,ravi.k@example.com\n",
        "name,address\nRXXX KXXXX,raXXX@example.com\n")]
    public void Process_EmailUnderAnAddressKey_IsTheEmailNoStreet(BodyFormat format, string body, string expected)
    {
        // A mail API's recipient ({"name": ..., "address": "ravi.k@example.com"}): one token with an @ under an address
        // key was taken whole as a street part, which its record never completed, so the email went out and the name
        // with it. It is the email, and with the name it makes the record PII.
        ScanResult result = Scanners.Run(s_masks, format, body);

        Assert.Equal(expected, result.Text);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.Email && f.Action == FindingAction.Redacted);
    }

    [Theory]
    [InlineData("ERROR failed to notify customer \"Anita Desai\" <anita.desai@example.com>",
        "ERROR failed to notify customer \"AXXXX DXXXX\" <anXXX@example.com>")]
    [InlineData("To: Anita Desai <anita.desai@example.com>, Ravi Kumar <ravi.k@example.com>",
        "To: AXXXX DXXXX <anXXX@example.com>, RXXX KXXXX <raXXX@example.com>")]
    [InlineData("sent to Anita Desai <anita.desai@example.com>", "sent to AXXXX DXXXX <anXXX@example.com>")]
    [InlineData("Assigned to Priya Sharma (priya.sharma@example.com) by Anil Mehta (anil@example.com)",
        "Assigned to PXXXX SXXXXX (prXXX@example.com) by AXXX MXXXX (anXXX@example.com)")]
    [InlineData("User Ravi Kumar (ravi.k@example.com) logged in", "User RXXX KXXXX (raXXX@example.com) logged in")]
    [InlineData("Customer Ravi Kumar (ravi.k@example.com)", "Customer RXXX KXXXX (raXXX@example.com)")]
    [InlineData("Reply from ravi.k@example.com (Ravi Kumar): thanks", "Reply from raXXX@example.com (RXXX KXXXX): thanks")]
    public void Scan_MailboxDisplayName_IsANameAndCountsWithTheEmail(string line, string expected)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, line);

        Assert.Equal(expected, result.Text);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PersonName && f.Recognizer == "name.mailbox");
    }

    [Theory]
    // A mailto: link's text: mails and order pages link the customer's address under their name.
    [InlineData(BodyFormat.Markup, "<p>Order by <a href=\"mailto:ravi.kumar@gmail.com\">Ravi Kumar</a></p>",
        "<p>Order by <a href=\"mailto:raXXX@gmail.com\">RXXX KXXXX</a></p>")]
    [InlineData(BodyFormat.Markup, "<a class='x' href='mailto:anita.d@gmail.com' target='_blank'> Anita Desai </a>",
        "<a class='x' href='mailto:anXXX@gmail.com' target='_blank'> AXXXX DXXXX </a>")]
    [InlineData(BodyFormat.Json, """{"html":"<a href=\"mailto:ravi.kumar@gmail.com\">Ravi Kumar</a>"}""",
        """{"html":"<a href=\"mailto:raXXX@gmail.com\">RXXX KXXXX</a>"}""")]
    public void Scan_MailtoLinkText_IsANameAndCountsWithTheEmail(BodyFormat format, string body, string expected)
    {
        ScanResult result = Scanners.Run(s_masks, format, body);

        Assert.Equal(expected, result.Text);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PersonName && f.Recognizer == "name.mailbox");
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, format, Encoding.UTF8.GetBytes(body), result);
    }

    [Theory]
    // A role mailbox, an organisation, the address itself or one word as the link's text.
    [InlineData("<a href=\"mailto:care@shop.in\">Customer Care</a> <a href=\"mailto:ravi.k@gmail.com\">ravi.k@gmail.com</a>")]
    [InlineData("<a href=\"mailto:rahul@acme.in\">Acme Traders</a> <a href=\"mailto:ravi.k@gmail.com\">Ravi</a>")]
    [InlineData("<a href=\"mailto:ravi.k@gmail.com\">write to us</a> <a href=\"mailto:ravi.k@gmail.com\">click here</a>")]
    public void Scan_MailtoLinkTextThatIsNoPerson_NoName(string body)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Markup, body);

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PersonName);
    }

    [Theory]
    [InlineData("From: Flipkart Support <support@flipkart.com>")]
    [InlineData("Reply-To: \"ACME Orders\" <orders@acme.in>")]
    [InlineData("From: Team Updates <NoReply@example.com>")]
    [InlineData("notify customer anita <anita.desai@example.com>")]
    [InlineData("\"Anita Desai\" anita.desai@example.com")]
    [InlineData("Escalated by Acme Traders (rahul@acme.in)")]
    [InlineData("Escalated to Support Team (support@shop.in)")]
    [InlineData("Signed in as ravi@example.in (Android App)")]
    [InlineData("Signed in as ravi@example.in (web)")]
    [InlineData("Session of ravi@example.in (logged out)")]
    [InlineData("Escalated by ravi (ravi@example.in)")]
    [InlineData("Ticket (ravi@example.in) closed")]
    [InlineData("Sent (ravi%40example.in) ok")]
    public void Scan_NotAPersonsMailbox_NoName(string line)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, line);

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PersonName);
        Assert.Equal(line, result.Text);
    }

    [Fact]
    public void Scan_MailboxInAJsonValue_SameWithSplitsAndKeyedFastPath()
    {
        byte[] body = Encoding.UTF8.GetBytes("""{"to":"Anita Desai <anita.desai@example.com>","email":"Ravi Kumar <ravi.k@example.com>","subject":"Your order"}""");
        ScanResult whole = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body, [0]);

        Assert.Equal(2, whole.Findings.Count(f => f.Recognizer == "name.mailbox" && f.Action == FindingAction.Redacted));
        ScanComparison.AssertSplitsAndKeyedFastPathChangeNothing(body, whole);
    }
}
