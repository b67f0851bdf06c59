using System.Text;
using PiiExtProc.Scanning.Recognition;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Messaging keys (<see cref="Keywords.IsMobileWholeKey"/>): <c>to</c>, <c>from</c>, <c>dest</c>, <c>numbers</c> on their
/// own name a mobile in string values, as WhatsApp Cloud API messages and webhooks and SMS gateways send them; JSON numbers
/// under them (range bounds) and longer keys (<c>valid_to</c>) name nothing.
/// </summary>
public sealed class MessagingKeyTests
{
    [Theory]
    [InlineData("""{"messages":[{"from":"919876543210","type":"text","text":{"body":"where is my order"}}]}""", "43210")]
    [InlineData("""{"messaging_product":"whatsapp","to":"919876543210","type":"template"}""", "43210")]
    [InlineData("""{"sms":[{"message":"Your OTP is 482913","to":["9876543210","9123456780"]}]}""", "56780")]
    [InlineData("""{"sender":"SHOPIN","dest":"+91 98765 43210"}""", "43210")]
    [InlineData("""{"event":"{\"to\":\"919876543210\"}"}""", "43210")]
    public void Process_MobileUnderAMessagingKey_IsMasked(string body, string tail)
    {
        // Before, a bare mobile under to/from had no key word and no context word: WhatsApp webhooks sent the customer's
        // number out in the clear.
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.DoesNotContain(tail, result.Text, StringComparison.Ordinal);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.IndianMobile && f.Action == FindingAction.Redacted);
    }

    [Theory]
    [InlineData("""{"ids":{"from":6000000000,"to":6999999999}}""")]
    [InlineData("""{"price":{"from":7000000000},"nums":{"to":[9876543210]},"obj":{"from":{"x":8000000000}}}""")]
    [InlineData("""{"from":"2026-01-01","to":"2026-01-31","page":{"from":0,"to":50}}""")]
    [InlineData("""{"valid_to":"9876543210","reply_to":"9876543210","from_date":"9876543210"}""")]
    [InlineData("""{"payload":"{\"range\":{\"from\":6000000000,\"to\":6999999999}}"}""")]
    public void Process_NumbersAndLongerKeys_AreNoMobile(string body)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.Equal(body, result.Text);
        Assert.Empty(result.Findings);
    }

    [Theory]
    [InlineData("to", true)]
    [InlineData("From", true)]
    [InlineData("destination", true)]
    [InlineData("numbers", true)]
    [InlineData("valid_to", false)]
    [InlineData("fromDate", false)]
    public void ClassifyKey_MessagingKeys_NameAMobileForStringsOnly(string key, bool messaging)
    {
        KeyClass classified = Scanners.Guardian.Detector.Keywords.ClassifyKey(Encoding.UTF8.GetBytes(key));

        Assert.Equal(messaging, classified.MobileInStringsOnly);
        Assert.Equal(messaging, (classified.Entities & BuiltInId.Bit(BuiltInId.Mobile)) != 0);
        Assert.Equal(0u, classified.ForNumber.Entities & BuiltInId.Bit(BuiltInId.Mobile));
    }

    [Fact]
    public void Process_MessagingKeysInEveryTwoWaySplitAndKeyedFastPathOff_SameAsWhole()
    {
        string text = """{"to":"919876543210","ids":{"from":6000000000,"to":"6999999999"},"from":"2026-01-01","sms":[{"to":["9123456780"]}]}""";
        ScanResult whole = Scanners.Run(Scanners.Guardian, BodyFormat.Json, text);
        Assert.Equal(3, whole.Findings.Count(f => f.Entity == PiiEntity.IndianMobile));
        ScanComparison.AssertSplitsAndKeyedFastPathChangeNothing(Encoding.UTF8.GetBytes(text), whole);
    }
}
