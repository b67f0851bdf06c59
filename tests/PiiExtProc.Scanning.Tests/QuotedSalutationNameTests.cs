using System.Text;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Recognition;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Names after a salutation that opens a message quoted inside a line (<see cref="SalutationName.TryFindNextQuoted"/>),
/// as SMS, WhatsApp and e-mail gateways log what they sent: <c>sms sent: Dear Ravi Kumar, ...</c>,
/// <c>text="Hi Ravi Kumar, ..."</c>. The salutation is not at a line start there, so the name went out while the
/// customer's email beside it was masked. The cue search (32- and 16-byte vector steps, then bytes) finds the same cue
/// at every offset, and the per-chunk check is true whenever a slice holds such a name.
/// </summary>
public sealed class QuotedSalutationNameTests
{
    private static readonly PiiScanner s_masks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance));

    [Theory]
    [InlineData("2026-11-25T10:05:33.123Z INFO sms sent: Dear Meena Iyer, your order is out for delivery. Contact meena.iyer@example.com",
        "2026-11-25T10:05:33.123Z INFO sms sent: Dear MXXXX IXXX, your order is out for delivery. Contact meXXX@example.com")]
    [InlineData("INFO template rendered text=\"Hi Ravi Kumar, your OTP is valid\" to=ravi.k@gmail.com",
        "INFO template rendered text=\"Hi RXXX KXXXX, your OTP is valid\" to=raXXX@gmail.com")]
    [InlineData("INFO mailer body='Hello Anita Desai, thanks for shopping' rcpt=anita.desai@example.com",
        "INFO mailer body='Hello AXXXX DXXXX, thanks for shopping' rcpt=anXXX@example.com")]
    [InlineData("INFO mailer body: \"Namaste, Smt. Sunita Devi\" rcpt=sunita.devi@example.in",
        "INFO mailer body: \"Namaste, Smt. SXXXXX DXXX\" rcpt=suXXX@example.in")]
    [InlineData("agent said \"Hello, I am Priya Sharma\" from priya.s@example.com",
        "agent said \"Hello, I am PXXXX SXXXXX\" from prXXX@example.com")]
    [InlineData("WARN retry 2/3: Congratulations Farhan Ali! coupon mailed to farhan.ali@example.com",
        "WARN retry 2/3: Congratulations FXXXXX AXX! coupon mailed to faXXX@example.com")]
    public void Scan_QuotedSalutationNameWithAnEmail_BothRedacted(string line, string expected)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, line);

        Assert.Equal(expected, result.Text);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PersonName && f.Recognizer == "name.salutation" && f.Action == FindingAction.Redacted);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, BodyFormat.Text, Encoding.UTF8.GetBytes(line), result);
    }

    [Theory]
    // A capitalized word after a cue that is no salutation; a salutation before an addressee that is no one's name.
    [InlineData("INFO status: Delivered To Customer Care, mail care@example.in")]
    [InlineData("INFO sms sent: Dear Valued Customer, reply to care@example.in")]
    [InlineData("INFO sms sent: Hi Ravi, your order shipped to ravi.k@gmail.com")]
    [InlineData("INFO banner=\"Welcome To Flipkart Plus\" owner=care@example.in")]
    [InlineData("INFO app said \"Hello World\" to ravi.k@gmail.com")]
    // No cue: the salutation after a word, a lower-case salutation, a colon with no space.
    [InlineData("INFO queued Dear Ravi Kumar template for ravi.k@gmail.com")]
    [InlineData("INFO sms sent: dear ravi kumar, mail ravi.k@gmail.com")]
    [InlineData("INFO code:Hi Ravi Kumar mail ravi.k@gmail.com")]
    public void Scan_NoQuotedSalutationName_NoName(string line)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, line);

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PersonName);
    }

    [Fact]
    public void Scan_QuotedSalutationBeforeAnHonorific_OneName()
    {
        // The name after "Dear Mr." is also a name after an honorific inside the line: one finding, not two.
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, "INFO msg: \"Dear Mr. Suresh Raina, welcome\" email=s.raina@example.com");

        Assert.Single(result.Findings, f => f.Entity == PiiEntity.PersonName);
        Assert.Equal("INFO msg: \"Dear Mr. SXXXXX RXXXX, welcome\" email=s.XXX@example.com", result.Text);
    }

    [Theory]
    [InlineData("""{"to":"meena.iyer@example.com","log":"sms sent: Dear Meena Iyer, your order is out for delivery"}""",
        """{"to":"meXXX@example.com","log":"sms sent: Dear MXXXX IXXX, your order is out for delivery"}""")]
    [InlineData("""{"email":"ravi.k@gmail.com","line":"render text=\"Hi Ravi Kumar, your OTP\" ok"}""",
        """{"email":"raXXX@gmail.com","line":"render text=\"Hi RXXX KXXXX, your OTP\" ok"}""")]
    [InlineData("""{"items":[{"sku":"A1"},{"email":"anita.desai@example.com","event":"wa sent: Hello Anita Desai, thanks"}]}""",
        """{"items":[{"sku":"A1"},{"email":"anXXX@example.com","event":"wa sent: Hello AXXXX DXXXX, thanks"}]}""")]
    public void Scan_QuotedSalutationInAJsonValue_RedactedWholeChunkedAndWithoutTheFastPaths(string json, string expected)
    {
        // A log aggregator ships log lines as JSON values: the value prefilter and the clean-body proof must not skip it.
        byte[] body = Encoding.UTF8.GetBytes(json);
        ScanResult whole = Scanners.Run(s_masks, BodyFormat.Json, body, [0]);

        Assert.Equal(expected, whole.Text);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, BodyFormat.Json, body, whole);
        ScanComparison.AssertCleanProofAndValuePrefilterSkipNothing(body);
    }

    [Theory]
    [InlineData(": Dear Ravi Kumar,", 7)]
    [InlineData("=\"Hi Ravi Kumar\"", 5)]
    [InlineData(" 'Hello Ravi Kumar,", 8)]
    // Short enough to end in the byte loop after the vector steps.
    [InlineData(" \"Hi Ravi Kumar\"", 5)]
    public void NameAtEveryOffset_FoundOnceAtItsOffset(string cue, int nameOffset)
    {
        for (int length = 0; length < 100; length++)
        {
            for (int at = 0; at + cue.Length <= length; at++)
            {
                byte[] text = new byte[length];
                Array.Fill(text, (byte)'x');
                Encoding.ASCII.GetBytes(cue).CopyTo(text, at);
                int position = 0;
                Assert.True(SalutationName.TryFindNextQuoted(text, ref position, out int start, out int end), $"length {length} at {at}");
                Assert.Equal((at + nameOffset, at + nameOffset + "Ravi Kumar".Length), (start, end));
                Assert.False(SalutationName.TryFindNextQuoted(text, ref position, out _, out _));
                Assert.True(SalutationName.MayHoldQuotedSalutation(text));
                Assert.True(SalutationName.MayHoldInLineOrIntroducedName(text));
            }
        }
    }

    [Fact]
    public void RandomTexts_EverySliceWithAQuotedSalutationNameIsInATextThatMayHoldOne()
    {
        // Words that build cues and near-misses; slices cut them anywhere.
        string[] words = ["sent:", ":", "=\"Hi", "'Dear", "\"Hello", "Dear", "Hi", "dear", "Ravi", "Kumar", "Anita", "x=", "\"", "'", "Welcome", "\n"];
        var random = new Random(20261125);
        int withName = 0;
        for (int round = 0; round < 3_000; round++)
        {
            var builder = new StringBuilder();
            int count = random.Next(0, 12);
            for (int w = 0; w < count; w++)
            {
                builder.Append(words[random.Next(words.Length)]).Append(random.Next(4) == 0 ? "" : " ");
            }

            byte[] text = Encoding.ASCII.GetBytes(builder.ToString());
            bool mayHold = SalutationName.MayHoldQuotedSalutation(text);
            for (int start = 0; start < text.Length; start++)
            {
                for (int end = start; end <= text.Length; end++)
                {
                    if (SalutationName.AnyQuoted(text.AsSpan(start, end - start)))
                    {
                        withName++;
                        Assert.True(mayHold, $"round {round}: '{builder}' [{start}..{end})");
                    }
                }
            }
        }

        Assert.True(withName > 1_000, $"only {withName} slices held a quoted salutation name: the generator does not reach the case");
    }
}
