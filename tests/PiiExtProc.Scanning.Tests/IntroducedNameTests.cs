using System.Text;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Names a speaker introduces in support chats, call notes and tickets (<c>my name is Ravi Kumar</c>,
/// <c>mera naam Ravi Kumar hai</c>): a PERSON_NAME (<c>name.introduced</c>) that counts with a second list-B item in its
/// record, like any full name. Before, the email next to it was found and the name went out in the clear.
/// </summary>
public sealed class IntroducedNameTests
{
    private static readonly PiiScanner s_masks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance));

    [Theory]
    [InlineData("Hi, my name is Ravi Kumar, email ravi.k@example.com",
        "Hi, my name is RXXX KXXXX, email raXXX@example.com")]
    [InlineData("customer's name is: Anita Desai. Email anita@example.com",
        "customer's name is: AXXXX DXXXX. Email anXXX@example.com")]
    [InlineData("Caller name is Farhan Ali and he wrote from farhan.ali@example.com",
        "Caller name is FXXXXX AXX and he wrote from faXXX@example.com")]
    [InlineData("My name is Ravi K. Sharma, ravi.k@example.com",
        "My name is RXXX K. SXXXXX, raXXX@example.com")]
    [InlineData("chat: Mera naam Ravi Kumar hai, mera email ravi.k@example.com hai",
        "chat: Mera naam RXXX KXXXX hai, mera email raXXX@example.com hai")]
    [InlineData("Name is Anita Desai, write to anita@example.com",
        "Name is AXXXX DXXXX, write to anXXX@example.com")]
    // Cues past the first 32 bytes (the vector search's later blocks) and in its scalar tail.
    [InlineData("ticket opened in the app chat; the customer wrote that her name is Anita Desai, see anita@example.com",
        "ticket opened in the app chat; the customer wrote that her name is AXXXX DXXXX, see anXXX@example.com")]
    [InlineData("anita@example.com wrote in the app chat today: mera naam Anita Desai",
        "anXXX@example.com wrote in the app chat today: mera naam AXXXX DXXXX")]
    public void Scan_IntroducedNameWithASecondItem_BothRedacted(string line, string expected)
    {
        foreach (string body in new[] { line, $$"""{"message":"{{line.Replace("\"", "\\\"", StringComparison.Ordinal)}}"}""" })
        {
            BodyFormat format = body[0] == '{' ? BodyFormat.Json : BodyFormat.Text;
            ScanResult result = Scanners.Run(s_masks, format, body);

            Assert.Contains(format == BodyFormat.Json ? $$"""{"message":"{{expected}}"}""" : expected, result.Text, StringComparison.Ordinal);
            Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PersonName && f.Recognizer == "name.introduced" && f.Action == FindingAction.Redacted);
            ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, format, Encoding.UTF8.GetBytes(body), result);
        }
    }

    [Theory]
    // Whose name it is must be said: a product's or a file's name is no person's.
    [InlineData("product name is Cotton Kurta, contact seller@example.com")]
    [InlineData("the file name is Annual Report, mail it to ravi.k@example.com")]
    [InlineData("username is Ravi Kumar, contact ravi.k@example.com")]
    [InlineData("my surname is Kumar Singh, contact ravi.k@example.com")]
    // Lower case and one word are not read; a placeholder or an organisation is no name.
    [InlineData("my name is ravi kumar, contact ravi.k@example.com")]
    [InlineData("my name is Ravi, contact ravi.k@example.com")]
    [InlineData("my name is Support Team, contact care@example.com")]
    [InlineData("hamara naam Ravi Kumar hai, email ravi.k@example.com")]
    [InlineData("maine naam Ravi Kumar diya, email ravi.k@example.com")]
    public void Scan_NoIntroducedName_NoName(string line)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, line);

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PersonName);
    }

    [Fact]
    public void Scan_IntroducedNameAlone_IsNotRedactedOrReported()
    {
        // A full name with a mobile is no combination (Guardian B needs two list-B items; the mobile is PII alone).
        const string Line = "my name is Ravi Kumar and my number is 9876543210";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, Line);

        Assert.Equal("my name is Ravi Kumar and my number is 98XXXXXX10", result.Text);
        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PersonName);
    }

    [Fact]
    public void Scan_IntroducedNameInAJsonMessage_PrefilterDoesNotSkipIt()
    {
        // The message has no trigger of the clean-value rules (no digit, '@', ':' or '='): only the name check keeps the
        // per-value prefilter from skipping it; the email is in a sibling value of the same record.
        const string Body = """{"message":"hello, my name is Ravi Kumar","from":"ravi.k@example.com"}""";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, Body);

        Assert.Equal("""{"message":"hello, my name is RXXX KXXXX","from":"raXXX@example.com"}""", result.Text);
    }
}
