using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Keys that hold a mobile without naming one, as Indian apps and telephony APIs write them: the login of a sign-in by
/// mobile number (<c>username</c>, <c>login</c>), the parties of a call (<c>caller_id</c>, call-tracking webhooks'
/// <c>CallFrom</c>/<c>CallTo</c>) and of a message (<c>sender</c>, <c>receiver</c>, <c>recipients</c>,
/// <c>wa_number</c>; all but the message parties as whole keys only: <see cref="Recognition.Keywords.IsMobileWholeKey"/>).
/// A bare 10-digit number had no key word there and went out in the clear; it is a mobile only with its 6-9 start, and
/// other values under these keys (a user name, a DLT sender ID) are none.
/// </summary>
public sealed class LoginAndCallPartyKeyTests
{
    [Theory]
    [InlineData("""{"username":"9876543210","otp_sent":true}""", "43210")]
    [InlineData("""{"auth":{"login":"9876543210","method":"otp"}}""", "43210")]
    [InlineData("""{"caller_id":"9876543210","duration":42}""", "43210")]
    [InlineData("""{"CallSid":"a1b2","CallFrom":"9876543210","Direction":"incoming"}""", "43210")]
    [InlineData("""{"sender":"SHOPIN","receiver":"9876543210"}""", "43210")]
    [InlineData("""{"campaign":"diwali","recipients":["9123456780","9876543210"]}""", "43210")]
    [InlineData("""{"wa_number":"9876543210"}""", "43210")]
    public void Process_MobileUnderALoginOrCallPartyKey_IsMasked(string body, string tail)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.DoesNotContain(tail, result.Text, StringComparison.Ordinal);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.IndianMobile && f.Action == FindingAction.Redacted);
    }

    [Theory]
    [InlineData("INFO login ok username=9876543210 ip_country=IN", "43210")]
    [InlineData("INFO push queued for recipient 9876543210 status=ok", "43210")]
    public void Process_MobileAfterALoginOrPartyWordInText_IsMasked(string line, string tail)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Text, line);

        Assert.DoesNotContain(tail, result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"username":"ravi_k_1990","login":"2026-11-25T10:05:33Z"}""")]
    [InlineData("""{"sender":"VM-FLPKRT","receiver":"SHOPIN","recipients":["ops-team"]}""")]
    [InlineData("""{"caller_id":"1234567890","receiver":"5876543210"}""")]
    // Only as whole keys: inside a longer key they name nothing (and the IP under last_login_ip keeps its fast path).
    [InlineData("""{"login_count":9876543210,"user_login_ref":"9876543210","last_login_at":"2026-11-25"}""")]
    public void Process_OtherValuesUnderThoseKeys_AreNoMobile(string body)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.Equal(body, result.Text);
        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.IndianMobile);
    }
}
