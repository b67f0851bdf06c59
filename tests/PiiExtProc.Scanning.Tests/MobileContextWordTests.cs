using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// A bare 10-digit mobile in text scores below the threshold unless a context word names a phone (Presidio's rule); the
/// inflected forms of "call" that call-centre and delivery logs write count as that word, and so do the words of Indian
/// support notes and OTP logs (<c>alt no</c>, <c>alternate</c>, <c>OTP sent to</c>, <c>phn</c>), also under a key that is
/// otherwise negative (<c>message</c>, <c>event</c>). <c>number</c> counts unless the word before it is a negative or
/// another entity's word (<c>order number</c>, <c>account number</c>).
/// </summary>
public sealed class MobileContextWordTests
{
    [Theory]
    [InlineData("Customer called from 9876543210 about a refund")]
    [InlineData("caller 9876543210 asked for the delivery slot")]
    [InlineData("Calling 9876543210 now")]
    [InlineData("callback requested on 98765 43210")]
    [InlineData("rider phoned 9876543210 twice")]
    [InlineData("texted 9876543210 the OTP")]
    [InlineData("agent dialled 9876543210")]
    [InlineData("contacted 9876543210 on whatsapp")]
    [InlineData("alt no 9876543210")]
    [InlineData("alternate no. 98765 43210, ring after 6")]
    [InlineData("OTP sent to 9876543210")]
    [InlineData("Phn 9876543210")]
    [InlineData("my number is 9876543210, please call back")]
    [InlineData("Number: 98765 43210")]
    [InlineData("registered mobile number 9876543210")]
    public void Process_BareMobileAfterACallWord_IsMasked(string text)
    {
        foreach (string key in new[] { "comment", "message", "event" })
        {
            ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, $$"""{"{{key}}":"{{text}}"}""");

            Assert.DoesNotContain("43210", result.Text, StringComparison.Ordinal);
            Assert.Contains(result.Findings, f => f.Entity == PiiEntity.IndianMobile);
        }
    }

    [Theory]
    [InlineData("Customer wrote from 9876543210 about a refund")]
    [InlineData("called back order 1699999999")]
    [InlineData("recall batch 9876543210")]
    [InlineData("otp 482913 for order 9876543210")]
    [InlineData("alternate sku 9876543210")]
    [InlineData("order number 9876543210 shipped")]
    [InlineData("invoice number 9876543210")]
    [InlineData("consumer number 9876543210 on the power bill")]
    [InlineData("policy number 9876543210 renewed")]
    [InlineData("ticket number 9876543210 raised")]
    public void Process_NoCallWordOrNoMobile_LeavesTheNumber(string text)
    {
        string body = $$"""{"comment":"{{text}}"}""";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.Equal(body, result.Text);
    }
}
