using System.Buffers;
using System.Text;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Sessions;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Repeated values in JSON bodies: a full name or email that its record makes PII is redacted again where the body
/// repeats it later in free text (a subject, a message body, an item's gift message), whatever that value's own record
/// holds; never before the original, never when its record is below the combination threshold, and the same in any
/// chunking.
/// </summary>
public sealed class RepeatedValueTests
{
    private static readonly PiiScanner s_masks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance));

    [Theory]
    // The third line's name is the detector's own (under name=) and a repeat of the first line's: it is decided with
    // the first line, and it is the third line's name too, so its address is that of a named person.
    [InlineData("INFO name=Ravi Kumar email=ravi.k@gmail.com\nINFO order=OD1 total=499\nINFO name=Ravi Kumar address1=12 MG Road, Koramangala address2=Bengaluru 560034\n",
        "INFO name=RXXX KXXXX email=raXXX@gmail.com\nINFO order=OD1 total=499\nINFO name=RXXX KXXXX address1=[REDACTED_ADDRESS] address2=[REDACTED_ADDRESS]\n")]
    // The same in a block of Key: value lines, a record that waits for its end.
    [InlineData("Name: Ravi Kumar\nEmail: ravi.k@gmail.com\n\nOrder shipped today\nName: Ravi Kumar\nAddress: 12 MG Road, Koramangala, Bengaluru 560034\n",
        "Name: RXXX KXXXX\nEmail: raXXX@gmail.com\n\nOrder shipped today\nName: RXXX KXXXX\nAddress: [REDACTED_ADDRESS]\n")]
    public void TextLines_NameFoundAgainWithAnAddress_CountsInItsOwnRecordToo(string body, string expected)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, body);

        Assert.Equal(expected, result.Text);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, BodyFormat.Text, Encoding.UTF8.GetBytes(body), result);
    }

    [Fact]
    public void TextLines_NameOnlyRepeatedInProse_DoesNotCountInItsLine()
    {
        // A repeat the remembered-value search found in prose is decided with its original, but is not a name the line
        // itself holds: the address beside it stays below the combination rule.
        const string body = "INFO name=Ravi Kumar email=ravi.k@gmail.com\nINFO shipped for Ravi Kumar address: 12 MG Road, Koramangala, Bengaluru 560034\n";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, body);

        Assert.Equal(
            "INFO name=RXXX KXXXX email=raXXX@gmail.com\nINFO shipped for RXXX KXXXX address: 12 MG Road, Koramangala, Bengaluru 560034\n",
            result.Text);
    }

    [Fact]
    public void MailPayload_NameRepeatedInSubjectAndContent_Redacted()
    {
        // SendGrid v3 mail/send: the recipient record holds the name and the email; subject and content are other records.
        ScanResult result = Run("""
            {"personalizations":[{"to":[{"email":"ravi.k@gmail.com","name":"Ravi Kumar"}]}],"subject":"Hi Ravi Kumar","content":[{"type":"text/plain","value":"Dear Ravi Kumar, your order shipped"}]}
            """);

        Assert.Equal("""
            {"personalizations":[{"to":[{"email":"raXXX@gmail.com","name":"RXXX KXXXX"}]}],"subject":"Hi RXXX KXXXX","content":[{"type":"text/plain","value":"Dear RXXX KXXXX, your order shipped"}]}
            """, result.Text);
        Assert.Equal(2, result.Findings.Count(f => f.Recognizer == "name.repeated" && f.Action == FindingAction.Redacted)
            + result.Findings.Count(f => f.Recognizer == "name.salutation" && f.Action == FindingAction.Redacted));
    }

    [Fact]
    public void Order_NameAndEmailRepeatedWhileTheirRecordIsOpen_RedactedWithIt()
    {
        // The customer object belongs to the root record, which closes last: the gift message waits for it.
        ScanResult result = Run("""
            {"customer":{"name":"Ravi Kumar","email":"ravi.k@gmail.com"},"items":[{"sku":"A1","title":"Cotton Shirt"},{"sku":"B2","gift_message":"Happy birthday Ravi Kumar!"}],"note":"receipt to ravi.k@gmail.com."}
            """);

        Assert.Equal("""
            {"customer":{"name":"RXXX KXXXX","email":"raXXX@gmail.com"},"items":[{"sku":"A1","title":"Cotton Shirt"},{"sku":"B2","gift_message":"Happy birthday RXXX KXXXX!"}],"note":"receipt to raXXX@gmail.com."}
            """, result.Text);
        Assert.Contains(result.Findings, f => f.Recognizer == "name.repeated" && f.JsonPath == "$.items[].gift_message");
    }

    [Fact]
    public void AttributeList_ValuesMoveWithTheirRecord()
    {
        // The attribute elements are records merged into the customer's at their close: the repeat follows them.
        ScanResult result = Run("""
            {"customer":{"attributes":[{"name":"full_name","value":"Ravi Kumar"},{"name":"email","value":"ravi.k@gmail.com"}]},"items":[{"gift":"for Ravi Kumar"}]}
            """);

        Assert.EndsWith("\"items\":[{\"gift\":\"for RXXX KXXXX\"}]}", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AttributeList_BelowTheThreshold_RepeatNotRedacted()
    {
        ScanResult result = Run("""
            {"customer":{"attributes":[{"name":"full_name","value":"Ravi Kumar"},{"name":"phone","value":"9876543210"}]},"items":[{"gift":"for Ravi Kumar"}]}
            """);

        Assert.EndsWith("\"items\":[{\"gift\":\"for Ravi Kumar\"}]}", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.Recognizer == "name.repeated");
    }

    [Fact]
    public void RecordBelowTheThreshold_RepeatNotRedactedNorReported()
    {
        // A name with a phone is one kind of list B: not PII, and neither is its repeat.
        const string body = """{"customer":{"name":"Ravi Kumar","phone":"9876543210"},"items":[{"gift_message":"for Ravi Kumar"}]}""";
        ScanResult result = Run(body);

        Assert.Contains("\"gift_message\":\"for Ravi Kumar\"", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.Recognizer == "name.repeated");
    }

    [Fact]
    public void Repeat_BeforeTheOriginal_NotFound()
    {
        ScanResult result = Run("""[{"note":"for Ravi Kumar"},{"name":"Ravi Kumar","email":"ravi.k@gmail.com"}]""");

        Assert.Contains("\"note\":\"for Ravi Kumar\"", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RAVI KUMAR", "RXXX KXXXX")]
    [InlineData("ravi kumar", "rXXX kXXXX")]
    [InlineData("Ravi KUMAR", "RXXX KXXXX")]
    public void NameRepeatedInAnotherCase_Redacted(string text, string masked)
    {
        ScanResult result = Run($$"""[{"name":"Ravi Kumar","email":"ravi.k@gmail.com"},{"sku":"A1","note":"ship to {{text}} today"}]""");

        Assert.Contains($"\"note\":\"ship to {masked} today\"", result.Text, StringComparison.Ordinal);
        Assert.Contains(result.Findings, f => f.Recognizer == "name.repeated" && f.Action == FindingAction.Redacted);
    }

    [Fact]
    public void TextLines_NameRepeatedUpperCase_Redacted()
    {
        const string log = "order placed by Ravi Kumar <ravi.k@gmail.com>\nlabel printed: RAVI KUMAR, 12 MG ROAD\n";
        byte[] body = Encoding.UTF8.GetBytes(log);
        ScanResult whole = Scanners.Run(s_masks, BodyFormat.Text, body, [0]);

        Assert.Contains("label printed: RXXX KXXXX,", whole.Text, StringComparison.Ordinal);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, BodyFormat.Text, body, whole);
    }

    [Fact]
    public void NonAsciiName_RepeatedExactly()
    {
        // Devanagari has no case: the repeat is the same bytes.
        ScanResult result = Run("""[{"name":"रवि कुमार","email":"ravi.k@gmail.com"},{"sku":"A1","note":"ship to रवि कुमार today"}]""");

        Assert.DoesNotContain("ship to रवि कुमार", result.Text, StringComparison.Ordinal);
        Assert.Contains(result.Findings, f => f.Recognizer == "name.repeated");
    }

    [Theory]
    [InlineData("Ravi Kumar2")]
    [InlineData("Ravi Kumars")]
    [InlineData("RAVI KUMARS")]
    [InlineData("xravi.k@gmail.com")]
    [InlineData("ravi.k@gmail.com.au")]
    [InlineData("ravi.k@gmail.community")]
    public void PartOfALongerWord_NotARepeat(string text)
    {
        ScanResult result = Run($$"""[{"name":"Ravi Kumar","email":"ravi.k@gmail.com"},{"sku":"A1","note":"see {{text}} now"}]""");

        Assert.Contains($"\"note\":\"see {text} now\"", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.Recognizer == "name.repeated");
    }

    [Fact]
    public void CleanSiblings_StillSkippedUnlessTheyHoldARememberedName()
    {
        var items = string.Join(",", Enumerable.Range(0, 40).Select(i => $$"""{"sku":"A{{i}}","title":"Cotton Shirt"}"""));
        byte[] without = Encoding.UTF8.GetBytes($$"""{"customer":{"name":"Ravi Kumar","email":"ravi.k@gmail.com"},"items":[{{items}}]}""");
        byte[] with = Encoding.UTF8.GetBytes($$"""{"customer":{"name":"Ravi Kumar","email":"ravi.k@gmail.com"},"items":[{{items}},{"gift":"to Ravi Kumar"}]}""");

        BodyScanSession skipping = s_masks.CreateSession(BodyFormat.Json);
        Scanners.Run(skipping, without, [0]);
        BodyScanSession reading = s_masks.CreateSession(BodyFormat.Json);
        ScanResult result = Scanners.Run(reading, with, [0]);

        Assert.True(skipping.BytesProvedClean > 1000, $"proved {skipping.BytesProvedClean} bytes");
        Assert.EndsWith("""{"gift":"to RXXX KXXXX"}]}""", result.Text, StringComparison.Ordinal);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, BodyFormat.Json, with, result);
    }

    [Fact]
    public void RememberedValues_AreCappedPerBody()
    {
        // 17 customers with name and email: 34 values, of which the first 16 are remembered.
        var customers = string.Join(",", Enumerable.Range(0, 17).Select(i => $$"""{"name":"Ravi Kumar{{(char)('a' + i)}}","email":"ravi{{i}}@gmail.com"}"""));
        ScanResult result = Run($$"""{"customers":[{{customers}}],"notes":[{"n":"Ravi Kumara"},{"n":"Ravi Kumarq"}]}""");

        Assert.Contains("""{"n":"RXXX KXXXXX"}""", result.Text, StringComparison.Ordinal);
        Assert.Contains("""{"n":"Ravi Kumarq"}""", result.Text, StringComparison.Ordinal);
        Assert.Equal(16, BodyScanSession.MaxRepeatedValues);
    }

    [Fact]
    public void PooledSession_ForgetsTheLastBodysValues()
    {
        BodyScanSession session = s_masks.RentSession(BodyFormat.Json);
        Scanners.Run(session, Encoding.UTF8.GetBytes("""{"name":"Ravi Kumar","email":"ravi.k@gmail.com"}"""), [0]);
        session.Reset(BodyFormat.Json);

        ScanResult next = Scanners.Run(session, Encoding.UTF8.GetBytes("""{"note":"for Ravi Kumar"}"""), [0]);

        Assert.Empty(next.Findings);
    }

    [Fact]
    public void TextLines_NameRepeatedOnALaterLine_Redacted()
    {
        const string log = "10:00:01 INFO order placed by Ravi Kumar <ravi.k@gmail.com>\n10:00:02 INFO payment ok for Ravi Kumar\n"
            + "10:00:03 WARN sms to ravi.k@gmail.com failed\nMeena Pillai called\n";
        byte[] body = Encoding.UTF8.GetBytes(log);
        ScanResult whole = Scanners.Run(s_masks, BodyFormat.Text, body, [0]);

        Assert.Equal("10:00:01 INFO order placed by RXXX KXXXX <raXXX@gmail.com>\n10:00:02 INFO payment ok for RXXX KXXXX\n"
            + "10:00:03 WARN sms to raXXX@gmail.com failed\nMeena Pillai called\n", whole.Text);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, BodyFormat.Text, body, whole);
    }

    [Theory]
    [InlineData("Name: Anita Desai\nCity: Pune\nEmail: anita@example.com\n\ndelivered to Anita Desai today\n",
        "Name: AXXXX DXXXX\nCity: Pune\nEmail: anXXX@example.com\n\ndelivered to AXXXX DXXXX today\n")]
    [InlineData("Name: Anita Desai\nPhone: 9876543210\n\ndelivered to Anita Desai today\n",
        "Name: Anita Desai\nPhone: 98XXXXXX10\n\ndelivered to Anita Desai today\n")]
    public void TextKeyValueBlock_RepeatFollowsTheBlocksDecision(string text, string expected)
    {
        byte[] body = Encoding.UTF8.GetBytes(text);
        ScanResult whole = Scanners.Run(s_masks, BodyFormat.Text, body, [0]);

        Assert.Equal(expected, whole.Text);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, BodyFormat.Text, body, whole);
    }

    [Fact]
    public void ValuesWithoutSpace_SurnameFirstNameAndEmailRepeats_Redacted()
    {
        // The repeat search is skipped in a value with no space, comma or email match (MayHoldRepeat): these values
        // have no space, and still hold repeats (a surname-first name written with its comma, a bare email).
        ScanResult result = Run("""
            {"customer":{"name":"KUMAR,RAVI","email":"ravi.k@gmail.com"},"items":[{"sku":"A1","ref":"to:KUMAR,RAVI"},{"sku":"B2","ref":"ravi.k@gmail.com"}]}
            """);

        Assert.Contains(result.Findings, f => f.Recognizer == "name.repeated" && f.JsonPath == "$.items[].ref" && f.Action == FindingAction.Redacted);
        Assert.DoesNotContain("KUMAR,RAVI", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ravi.k@gmail.com", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ForgottenEmail_DoesNotHideARememberedName()
    {
        // The contact's email is remembered, then forgotten when its record is below the threshold; the customer's
        // name is still remembered and its repeat in the note still redacted.
        ScanResult result = Run("""
            {"customer":{"name":"Ravi Kumar","email":"ravi.k@gmail.com"},"contacts":[{"email":"anita.d@gmail.com","sku":"A1"}],"note":"call Ravi Kumar"}
            """);

        Assert.Contains("\"email\":\"anita.d@gmail.com\"", result.Text, StringComparison.Ordinal);
        Assert.EndsWith("\"note\":\"call RXXX KXXXX\"}", result.Text, StringComparison.Ordinal);
    }

    private static ScanResult Run(string json)
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        ScanResult whole = Scanners.Run(s_masks, BodyFormat.Json, body, [0]);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, BodyFormat.Json, body, whole);
        return whole;
    }
}
