using System.Text;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Mobiles written with a group in parentheses (<c>+91 (98765) 43210</c>, <c>(+91) 98765 43210</c>): the digit run joins
/// the groups through the parentheses, only the mobile recognizer accepts that join, and a parenthesis that is not closed
/// joins nothing through it. Before, <c>+91 (98765) 43210</c> was two 5-digit groups and went out in the clear, under a phone key too.
/// </summary>
public sealed class ParenthesisedPhoneTests
{
    [Theory]
    [InlineData("+91 (98765) 43210")]
    [InlineData("+91-(98765)-43210")]
    [InlineData("+91(98765)43210")]
    [InlineData("(+91) 98765 43210")]
    [InlineData("(+91)-98765-43210")]
    [InlineData("(0) 98765 43210")]
    [InlineData("(+91) (98765) 43210")]
    [InlineData("0 (98765) 43210")]
    [InlineData("(98765 43210")]
    [InlineData("+91 (98765 43210")]
    public void Process_PhoneKey_MasksTheMobile(string phone)
    {
        string body = $$"""{"phone":"{{phone}}"}""";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        PiiFinding finding = Assert.Single(result.Findings);
        Assert.Equal(PiiEntity.IndianMobile, finding.Entity);
        Assert.DoesNotContain("43210", result.Text, StringComparison.Ordinal);
        ScanComparison.AssertSplitsAndKeyedFastPathChangeNothing(Encoding.UTF8.GetBytes(body), result);
    }

    [Theory]
    [InlineData("Call me at +91 (98765) 43210 tomorrow")]
    [InlineData("rider: +91-(98765)-43210")]
    [InlineData("alt no (98765) 43210")]
    public void Process_FreeText_MasksTheMobile(string text)
    {
        foreach (BodyFormat format in new[] { BodyFormat.Text, BodyFormat.Json })
        {
            string body = format == BodyFormat.Json ? $$"""{"comment":"{{text}}"}""" : text;
            ScanResult result = Scanners.Run(Scanners.Guardian, format, body);

            Assert.Contains(result.Findings, f => f.Entity == PiiEntity.IndianMobile);
            Assert.DoesNotContain("43210", result.Text, StringComparison.Ordinal);
        }
    }

    /// <summary>The clean-body proof and the value prefilter must not skip a value the parenthesised join makes a mobile.</summary>
    [Theory]
    [InlineData("""{"sku":"A1","comment":"call (98765) 43210"}""")]
    [InlineData("""{"note":"+91 (98765) 43210","items":[{"id":"SKU-1"}]}""")]
    public void Process_ProofAndPrefilter_DoNotSkipTheJoin(string body) =>
        ScanComparison.AssertCleanProofAndValuePrefilterSkipNothing(Encoding.UTF8.GetBytes(body));

    [Theory]
    [InlineData("phone", "98765) 43210")]
    [InlineData("phone", "98765 (43210")]
    [InlineData("comment", "landline (022) 2345 6789")]
    [InlineData("comment", "pack (2) 12345")]
    public void Process_UnclosedOrNotAMobile_LeavesTheNumber(string key, string value)
    {
        string body = $$"""{"{{key}}":"{{value}}"}""";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.IndianMobile);
    }

    /// <summary>
    /// Only the mobile recognizer takes a parenthesised join: a valid Aadhaar or card number, found on its pattern when
    /// grouped by spaces, is no match when a group is in parentheses (not how either is written).
    /// </summary>
    [Theory]
    [InlineData("2896 8953 2095", "(2896) 8953 2095")]
    [InlineData("4111 1111 1111 1111", "(4111) 1111 1111 1111")]
    public void Process_ParenthesisedJoin_IsNotAnAadhaarOrCard(string spaced, string parenthesised)
    {
        ScanResult control = Scanners.Run(Scanners.Guardian, BodyFormat.Json, $$"""{"note":"{{spaced}}"}""");
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, $$"""{"note":"{{parenthesised}}"}""");

        Assert.Single(control.Findings);
        Assert.Empty(result.Findings);
    }
}
