using System.Text;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Recognition;
using PiiExtProc.Scanning.Sessions;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Names after a salutation or honorific at the start of a line (<c>Dear Ravi Kumar,</c>), as notification, e-mail and
/// SMS templates write them: a PERSON_NAME (<c>name.salutation</c>) that counts with a second kind in its record, like
/// any full name; generic addressees, first names alone and title-case prose are not names.
/// </summary>
public sealed class SalutationNameTests
{
    private static readonly PiiScanner s_masks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance));

    [Theory]
    [InlineData("Dear Ravi Kumar, your order is out for delivery to ravi.k@gmail.com",
        "Dear RXXX KXXXX, your order is out for delivery to raXXX@gmail.com")]
    [InlineData("Hi Anita Desai! Your refund was sent to anita.desai@example.com",
        "Hi AXXXX DXXXX! Your refund was sent to anXXX@example.com")]
    [InlineData("Hello Mr. Ravi Kumar thanks for writing from ravi.k@gmail.com",
        "Hello Mr. RXXX KXXXX thanks for writing from raXXX@gmail.com")]
    [InlineData("Thank you, Farhan Ali. A receipt went to farhan.ali@example.com",
        "Thank you, FXXXXX AXX. A receipt went to faXXX@example.com")]
    [InlineData("  Smt. Sunita Devi: invoice mailed to sunita.devi@example.in",
        "  Smt. SXXXXX DXXX: invoice mailed to suXXX@example.in")]
    [InlineData("DEAR RAVI KUMAR, PLEASE VERIFY RAVI.K@GMAIL.COM",
        "DEAR RXXX KXXXX, PLEASE VERIFY RAXXX@GMAIL.COM")]
    // A capitalized honorific inside a line (after a space or '(') is a name's context word too.
    [InlineData("Order OD4821 delivered to Mr. Ravi Kumar, receipt sent to ravi.k@gmail.com",
        "Order OD4821 delivered to Mr. RXXX KXXXX, receipt sent to raXXX@gmail.com")]
    [InlineData("call back Smt Anita Desai at anita.desai@example.com",
        "call back Smt AXXXX DXXXX at anXXX@example.com")]
    [InlineData("batch 7 ok\ncall back Smt Anita Desai at anita.desai@example.com\n",
        "batch 7 ok\ncall back Smt AXXXX DXXXX at anXXX@example.com\n")]
    [InlineData("refund approved (Dr. Farhan Ali) mail farhan.ali@example.com",
        "refund approved (Dr. FXXXXX AXX) mail faXXX@example.com")]
    [InlineData("Dear Mr. Ravi Kumar, your receipt went to ravi.k@gmail.com; cc Shri Mohan Lal",
        "Dear Mr. RXXX KXXXX, your receipt went to raXXX@gmail.com; cc Shri MXXXX LXX")]
    // A greeting, then the speaker's own name (support chats, SMS webhooks); Indian English "Myself ...".
    [InlineData("Hello, I am Priya Sharma. Email priya.s@example.com",
        "Hello, I am PXXXX SXXXXX. Email prXXX@example.com")]
    [InlineData("Hi this is Ravi Kumar, email ravi.k@gmail.com",
        "Hi this is RXXX KXXXX, email raXXX@gmail.com")]
    [InlineData("hey i'm Anita Desai - anita.desai@example.com",
        "hey i'm AXXXX DXXXX - anXXX@example.com")]
    [InlineData("Myself Ravi Kumar, calling about my refund to ravi.k@gmail.com",
        "Myself RXXX KXXXX, calling about my refund to raXXX@gmail.com")]
    // A full stop after a word that is no initial ends the name: before, "Your" was read as a third word of it, and a
    // name with a word that is no name's was no name at all.
    [InlineData("Dear Ravi Kumar. Your order shipped to ravi.k@gmail.com",
        "Dear RXXX KXXXX. Your order shipped to raXXX@gmail.com")]
    [InlineData("Hello Mr. Ravi K. Sharma. Your receipt went to ravi.k@gmail.com",
        "Hello Mr. RXXX K. SXXXXX. Your receipt went to raXXX@gmail.com")]
    public void Scan_SalutationNameWithAnEmail_BothRedacted(string line, string expected)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, line);

        Assert.Equal(expected, result.Text);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PersonName && f.Recognizer == "name.salutation" && f.Action == FindingAction.Redacted);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, BodyFormat.Text, Encoding.UTF8.GetBytes(line), result);
    }

    [Theory]
    [InlineData("Dear Valued Customer, your invoice was mailed to ravi.k@gmail.com")]
    [InlineData("Hi Support Team, please reply to ravi.k@gmail.com")]
    [InlineData("Welcome To Flipkart Plus, ravi.k@gmail.com")]
    [InlineData("Dear Sir/Madam, please reply to grievance@example.in")]
    [InlineData("Hi Ravi, your order shipped to ravi.k@gmail.com")]
    [InlineData("Dr. Ambedkar Road is closed, write to traffic@example.in")]
    [InlineData("Hello World Example Program Output Here ravi.k@gmail.com")]
    [InlineData("Greetings from Bengaluru! Contact ravi.k@gmail.com")]
    [InlineData("Order for Ravi Kumar placed by ravi.k@gmail.com")]
    [InlineData("Hi Ravi Kumar2 ravi.k@gmail.com")]
    // What a speaker says of themselves is no name, and "Thanks" is no greeting to introduce oneself after.
    [InlineData("Hi, I am Very Disappointed, mail ravi.k@gmail.com")]
    [InlineData("Hello, I am Still Waiting for my refund, ravi.k@gmail.com")]
    [InlineData("Thanks, this is Really Helpful, mail ravi.k@gmail.com")]
    [InlineData("Thanks, I am Big Fan of your store, mail ravi.k@gmail.com")]
    public void Scan_NoSalutationName_NothingRedacted(string line)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, line);

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PersonName);
        Assert.Equal(line, result.Text);
    }

    [Theory]
    [InlineData("visit Dr. Reddy's Laboratories, mail care@example.in")]
    [InlineData("Delivered via MG Road hub, mail care@example.in")]
    [InlineData("assigned to Mr. Ravi, mail ravi.k@gmail.com")]
    [InlineData("escalated to Ms Support Team, mail care@example.in")]
    [InlineData("contact Dr Ambedkar Road branch, mail care@example.in")]
    [InlineData("paid by Mrs. Ravi Kumar2 via ravi.k@gmail.com")]
    [InlineData("OrderMr. Ravi Kumar via ravi.k@gmail.com")]
    public void Scan_NoNameAfterAnHonorificInsideALine_NoName(string line)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, line);

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PersonName);
    }

    [Theory]
    [InlineData("""{"to":"ravi.k@gmail.com","message":"Parcel handed to Mr. Ravi Kumar at the gate"}""")]
    [InlineData("""{"to":"ravi.k@gmail.com","message":"handed\u0020to\u0020Dr.\u0020Ravi\u0020Nair"}""")]
    [InlineData("""{"to":"ravi.k@gmail.com","message":"handed to\nthe guard (Dr. Ravi Nair)"}""")]
    [InlineData("""{"items":[{"sku":"A1"},{"email":"anita.desai@example.com","note":"call back Smt Anita Desai"}]}""")]
    public void ValuePrefilter_NeverSkipsAnHonorificNameInsideALine(string json)
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        ScanResult whole = Scanners.Run(s_masks, BodyFormat.Json, body, [0]);

        Assert.Contains(whole.Findings, f => f.Entity == PiiEntity.PersonName && f.Action == FindingAction.Redacted);
        ScanComparison.AssertCleanProofAndValuePrefilterSkipNothing(body);
        ScanComparison.AssertSplitsAndKeyedFastPathChangeNothing(body, Scanners.Run(Scanners.Guardian, BodyFormat.Json, body, [0]));
    }

    [Fact]
    public void Scan_SalutationNameAlone_NotReported()
    {
        // Below the combination threshold a salutation name is dropped, not reported: the clean-body proof does not look
        // for salutations, so a body it proves clean and the same body scanned in chunks must agree.
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, "Dear Ravi Kumar, your order 40512 shipped. Call 9876543210");

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PersonName);
        Assert.StartsWith("Dear Ravi Kumar,", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"title":"Order shipped","message":"Dear Ravi Kumar, your parcel is on its way"}""")]
    [InlineData("""{"items":[{"sku":"A1"},{"note":"Hi Anita Desai"}]}""")]
    [InlineData("""{"template":{"body":"Namaste Shri Mohan Lal"}}""")]
    public void Scan_SalutationNameAloneInJson_SameWholeChunkedAndWithoutTheFastPaths(string json)
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        ScanResult whole = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body, [0]);

        Assert.Empty(whole.Findings);
        Assert.Equal(body, whole.Output);
        ScanComparison.AssertSplitsAndKeyedFastPathChangeNothing(body, whole);
    }

    [Fact]
    public void Scan_SalutationOnALaterLineOfAJsonValue_CountsWithTheRecordsEmail()
    {
        byte[] body = Encoding.UTF8.GetBytes("""{"to":"ravi.k@gmail.com","body":"Order 40512\nDear Ravi Kumar,\nit shipped."}""");
        ScanResult whole = Scanners.Run(s_masks, BodyFormat.Json, body, [0]);

        Assert.Equal("""{"to":"raXXX@gmail.com","body":"Order 40512\nDear RXXX KXXXX,\nit shipped."}""", whole.Text);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, BodyFormat.Json, body, whole);
    }

    [Theory]
    [InlineData(BodyFormat.Markup, "<html><body><p>Hi Ravi Kumar,</p><p>Registered email: ravi.k@gmail.com</p></body></html>",
        "<html><body><p>Hi RXXX KXXXX,</p><p>Registered email: raXXX@gmail.com</p></body></html>")]
    [InlineData(BodyFormat.Json, """{"to":"ravi.k@gmail.com","html":"<table><tr><td>Dear Anita Desai,</td></tr></table>"}""",
        """{"to":"raXXX@gmail.com","html":"<table><tr><td>Dear AXXXX DXXXX,</td></tr></table>"}""")]
    public void Scan_SalutationAfterATag_StartsALine(BodyFormat format, string body, string expected)
    {
        // An HTML mail (a body, or a mail API's "html" value) greets the customer right after a tag, not at a line start:
        // the name went out while the email beside it waited for a second list-B item.
        ScanResult whole = Scanners.Run(s_masks, format, body);

        Assert.Equal(expected, whole.Text);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, format, Encoding.UTF8.GetBytes(body), whole);
    }

    [Theory]
    [InlineData("""{"to":"ravi.k@gmail.com","message":"Dear Ravi Kumar, your parcel is on its way"}""")]
    [InlineData("""{"items":[{"sku":"A1"},{"email":"anita.desai@example.com","note":"Order 40512\nHi Anita Desai"}]}""")]
    public void ValuePrefilter_NeverSkipsASalutationNameThatIsPii(string json)
    {
        // The per-value prefilter (clean-value rules) does not model salutations: the session looks for them itself.
        ScanComparison.AssertCleanProofAndValuePrefilterSkipNothing(Encoding.UTF8.GetBytes(json));
    }

    [Theory]
    [InlineData("Dear Ravi Kumar, thanks")]
    [InlineData("Order 40512\nHi Anita Desai")]
    [InlineData("delivered to Mr. Ravi Kumar")]
    [InlineData("sms sent: Dear Ravi Kumar, thanks")]
    public void RolePath_NeverReadsSalutationNames(string value)
    {
        // Under no key the detector finds the name; under a key role (the only case CannotHoldCandidate serves) it does
        // not, so CannotHoldCandidate need not look for salutations.
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        Detector detector = Scanners.Guardian.Detector;
        var free = new List<RawMatch>();
        var role = new List<RawMatch>();
        detector.Scan(bytes, KeyClass.None, default, free);
        detector.Scan(bytes, detector.Keywords.ClassifyKey("shipping_address"u8), default, role);

        Assert.Contains(free, m => m.Recognizer == "name.salutation");
        Assert.DoesNotContain(role, m => m.Recognizer == "name.salutation");
    }
}
