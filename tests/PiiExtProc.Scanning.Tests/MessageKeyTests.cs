using System.Text;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// A JSON key that ends in <c>message</c> or <c>msg</c> holds prose (a log event's message, an error text, an SMS):
/// it does not make the numbers in the prose negative, so an IP address in a structured log line
/// (<c>"message": "ravi@example.com logged in from 49.36.12.7"</c>) is found and, with the email, makes the record
/// PII. Before, the key suppressed every pattern-only number in its value and both went out in the clear. The prose's
/// own words still say what a number is (<c>Order 9876543210</c>), and <c>message_id</c> stays negative.
/// </summary>
public sealed class MessageKeyTests
{
    [Theory]
    [InlineData("message")]
    [InlineData("msg")]
    [InlineData("error_message")]
    [InlineData("logMessage")]
    public void Process_IpAndEmailInAMessage_BothMasked(string key)
    {
        string body = $$"""{"level":"info","{{key}}":"ravi.kumar@example.com logged in from 49.36.12.7"}""";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.True(result.ContainsPii);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.IpAddress && f.Action == FindingAction.Redacted);
        Assert.DoesNotContain("49.36.12.7", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ravi.kumar", result.Text, StringComparison.Ordinal);
        ScanComparison.AssertSplitsAndKeyedFastPathChangeNothing(Encoding.UTF8.GetBytes(body), result);
    }

    [Theory]
    [InlineData("""{"message":"Order 9876543210 shipped","to":"ravi.kumar@example.com"}""")]
    [InlineData("""{"message":"build 10.2.3.4 deployed","by":"ravi.kumar@example.com"}""")]
    [InlineData("""{"message_id":"9876543210","to":"ravi.kumar@example.com"}""")]
    [InlineData("""{"msg_seq":9876543210,"to":"ravi.kumar@example.com"}""")]
    public void Process_NumbersTheirWordsCallNoPersonalData_Kept(string body)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.IndianMobile || f.Entity == PiiEntity.IpAddress);
        Assert.False(result.ContainsPii);
    }
}
