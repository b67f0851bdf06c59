using System.Text;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// URL query strings in text (access log lines) and in JSON values (callback and return URLs): encoded values (<c>email=ravi.k%40example.com</c>,
/// <c>name=Meera+Iyer</c>) are decoded and scanned with their key, masked from the decoded bytes and encoded again; the
/// finding covers the encoded bytes and fingerprints as the plain value does.
/// </summary>
public sealed class EncodedQueryValueTests
{
    private static readonly PiiScanner s_masks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance));

    [Fact]
    public void Scan_AccessLogLine_EncodedValuesMaskedAndEncodedAgain()
    {
        // The name and the email make the line PII, so its client IP (a quasi-identifier) is masked too.
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text,
            "10.0.0.7 - - [23/Nov/2026:10:15:05 +0530] \"GET /api/v1/profile?name=Meera%20Iyer&email=meera.iyer%40example.in&page=2 HTTP/1.1\" 200 512\n");

        Assert.Equal(
            "[REDACTED_IP] - - [23/Nov/2026:10:15:05 +0530] \"GET /api/v1/profile?name=MXXXX+IXXX&email=meXXX%40example.in&page=2 HTTP/1.1\" 200 512\n",
            result.Text);
    }

    [Fact]
    public void Scan_EncodedPhoneAndMobileInsideAComment_OnlyTheirBytesRewritten()
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text,
            "GET /cb?phone=%2B91+98765+43210&comment=call+me+on+9845012345+please&x=%zz HTTP/1.1");

        Assert.Equal("GET /cb?phone=%2B91+98XXX+XXX10&comment=call+me+on+98XXXXXX45+please&x=%zz HTTP/1.1", result.Text);
    }

    [Fact]
    public void Scan_FindingCoversTheEncodedBytes_FingerprintAsThePlainValue()
    {
        byte[] key = Encoding.UTF8.GetBytes("query-test-key");
        PiiScanner scanner = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance) with { FingerprintKey = key });
        string line = "GET /v1/search?email=ravi.k%40example.com&name=Ravi+Kumar";
        ScanResult text = Scanners.Run(scanner, BodyFormat.Text, line);
        ScanResult json = Scanners.Run(scanner, BodyFormat.Json, """{"email":"ravi.k@example.com","name":"Ravi Kumar"}""");

        PiiFinding encoded = Assert.Single(text.Findings, f => f.Entity == PiiEntity.Email);
        Assert.Equal("ravi.k%40example.com", line.Substring((int)encoded.Offset, encoded.Length));
        Assert.Equal(Assert.Single(json.Findings, f => f.Entity == PiiEntity.Email).Fingerprint, encoded.Fingerprint);
        Assert.Equal(
            Assert.Single(json.Findings, f => f.Entity == PiiEntity.PersonName).Fingerprint,
            Assert.Single(text.Findings, f => f.Entity == PiiEntity.PersonName).Fingerprint);
    }

    [Fact]
    public void Scan_ReturnUrlInJson_EncodedValuesMaskedSameWithFastPathsAndSplits()
    {
        byte[] body = Encoding.UTF8.GetBytes(
            """{"order_id":"OD1","return_url":"https://shop.example.in/pay/return?email=ravi.k%40example.com&name=Ravi+Kumar&status=ok","amount":499}""");
        ScanResult whole = Scanners.Run(s_masks, BodyFormat.Json, body, [0]);

        Assert.Equal(
            """{"order_id":"OD1","return_url":"https://shop.example.in/pay/return?email=raXXX%40example.com&name=RXXX+KXXXX&status=ok","amount":499}""",
            whole.Text);
        ScanResult guardian = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body, [0]);
        ScanComparison.AssertSplitsAndKeyedFastPathChangeNothing(body, guardian);
    }

    [Theory]
    [InlineData("Is this right? email=ravi.k%40example.com")]
    [InlineData("GET /v1/items?q=steel+bottle&sort=price%20asc")]
    public void Scan_NotAQueryOrNothingInIt_LeftAsItIs(string line)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, line);

        Assert.Equal(line, result.Text);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Scan_EveryTwoWaySplit_SameAsWhole()
    {
        byte[] body = Encoding.UTF8.GetBytes(
            "GET /cb?name=Meera%20Iyer&email=meera.iyer%40example.in HTTP/1.1\nPOST /x?phone=%2B91+98765+43210 200\n");
        ScanResult whole = Scanners.Run(s_masks, BodyFormat.Text, body, [0]);
        Assert.Equal(3, whole.Findings.Count(f => f.Action == FindingAction.Redacted));

        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, BodyFormat.Text, body, whole);
    }
}
