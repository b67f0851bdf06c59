using System.Text;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// A name that a text names by key (a log line's <c>name=</c>, a one-line XML element, a message's <c>Name:</c>) and
/// repeats further on in the same text: the copy is decided with the name, masked exactly when the name is.
/// </summary>
public sealed class InLineRepeatedNameTests
{
    private static readonly PiiScanner s_defaultMasks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance));

    [Theory]
    [InlineData(BodyFormat.Text,
        "INFO name=Ravi Kumar email=ravi.k@example.com msg=\"Ravi Kumar asked for a refund\"\n",
        "INFO name=RXXX KXXXX email=raXXX@example.com msg=\"RXXX KXXXX asked for a refund\"\n")]
    [InlineData(BodyFormat.Markup,
        "<customer><name>Ravi Kumar</name><email>ravi.k@example.com</email><note>Called Ravi Kumar about delivery</note></customer>",
        "<customer><name>RXXX KXXXX</name><email>raXXX@example.com</email><note>Called RXXX KXXXX about delivery</note></customer>")]
    [InlineData(BodyFormat.Json,
        "{\"message\":\"Name: Ravi Kumar, Email: ravi.k@example.com. Ravi Kumar called twice.\"}",
        "{\"message\":\"Name: RXXX KXXXX, Email: raXXX@example.com. RXXX KXXXX called twice.\"}")]
    [InlineData(BodyFormat.Text,
        "name=Ravi Kumar email=ravi.k@example.com note=\"RAVI KUMAR, ravi kumar\"\n",
        "name=RXXX KXXXX email=raXXX@example.com note=\"RXXX KXXXX, rXXX kXXXX\"\n")]
    public void Process_NameRepeatedInTheSameText_CopyMaskedWithTheName(BodyFormat format, string body, string expected)
    {
        ScanResult result = Scanners.Run(s_defaultMasks, format, body);

        Assert.Equal(expected, result.Text);
        Assert.Contains(result.Findings, f => f.Recognizer == "name.repeated" && f.Action == FindingAction.Redacted);
    }

    [Theory]
    [InlineData("INFO name=Ravi Kumar msg=\"Ravi Kumar logged in\"\n")]
    [InlineData("INFO name=Ravi Kumar email=ravi.k@example.com msg=\"Ravi Kumaran logged in\"\n")]
    [InlineData("INFO name=Ravi Kumar email=ravi.k@example.com msg=\"XRavi Kumar logged in\"\n")]
    public void Process_CopyOfANameThatIsNotPiiOrNoWholeCopy_Unchanged(string body)
    {
        // A name alone is no PII (one quasi-identifier): its copy stays as the name does. "Ravi Kumaran" and
        // "XRavi Kumar" hold the bytes but not as a whole name.
        string copy = body[body.IndexOf("msg=", StringComparison.Ordinal)..];

        ScanResult result = Scanners.Run(s_defaultMasks, BodyFormat.Text, body);

        Assert.EndsWith(copy, result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.Recognizer == "name.repeated" && f.Action == FindingAction.Redacted);
    }

    [Fact]
    public void Process_CopyBeforeTheName_NotAnInLineRepeat()
    {
        // Only copies after the name: the text before it was read without knowing the name.
        const string Body = "msg=\"Ravi Kumar asked\" name=Ravi Kumar email=ravi.k@example.com\n";

        ScanResult result = Scanners.Run(s_defaultMasks, BodyFormat.Text, Body);

        Assert.StartsWith("msg=\"Ravi Kumar asked\" name=RXXX KXXXX", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_RepeatsInLogLines_EveryTwoWaySplitSameAsWhole()
    {
        byte[] body = Encoding.UTF8.GetBytes(
            "INFO name=Ravi Kumar email=ravi.k@example.com msg=\"Ravi Kumar asked, Ravi Kumar again\"\n" +
            "<n><name>Priya Sharma</name><phone>9123456780</phone><email>priya.s@example.com</email><note>Priya Sharma</note></n>\n" +
            "INFO name=Anil Rao msg=\"Anil Rao logged in\"\n");
        ScanResult whole = Scanners.Run(s_defaultMasks, BodyFormat.Text, body, [0]);

        Assert.Equal(3, whole.Findings.Count(f => f.Recognizer == "name.repeated" && f.Action == FindingAction.Redacted));
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_defaultMasks, BodyFormat.Text, body, whole);
    }
}
