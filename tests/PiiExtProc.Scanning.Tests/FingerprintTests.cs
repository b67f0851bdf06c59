using System.Security.Cryptography;
using System.Text;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>Keyed audit fingerprints of finding values.</summary>
public sealed class FingerprintTests
{
    private const string Body = "{\"phone\": \"9876543210\", \"note\": \"call 9876543210\", \"aadhaar\": \"2345 6789 0124\"}";

    private static List<PiiFinding> Findings(byte[]? key, string body = Body)
    {
        ScannerOptions options = Scanners.GuardianOptions() with { FingerprintKey = key ?? ReadOnlyMemory<byte>.Empty };
        return Scanners.Run(PiiScanner.Create(options), BodyFormat.Json, body).Findings;
    }

    [Fact]
    public void Fingerprint_NoKey_Null() =>
        Assert.All(Findings(null), f => Assert.Null(f.Fingerprint));

    [Fact]
    public void Fingerprint_SameKeyAndValue_Same()
    {
        byte[] key = Encoding.UTF8.GetBytes("test-key-0123456789abcdef0123456");
        List<PiiFinding> findings = Findings(key);
        PiiFinding[] mobiles = findings.Where(f => f.Entity == PiiEntity.IndianMobile).ToArray();

        Assert.Equal(2, mobiles.Length);
        Assert.Equal(mobiles[0].Fingerprint, mobiles[1].Fingerprint);
        Assert.Equal(mobiles[0].Fingerprint, Findings(key)[0].Fingerprint);
        Assert.Matches("^[0-9a-f]{16}$", FindingFingerprint.Format(mobiles[0].Fingerprint!.Value));
    }

    [Fact]
    public void Fingerprint_DifferentKey_Different()
    {
        ulong? first = Findings(Encoding.UTF8.GetBytes("key-one"))[0].Fingerprint;
        ulong? second = Findings(Encoding.UTF8.GetBytes("key-two"))[0].Fingerprint;

        Assert.NotNull(first);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Fingerprint_DifferentValue_Different()
    {
        byte[] key = Encoding.UTF8.GetBytes("key");
        ulong? first = Findings(key, "{\"phone\": \"9876543210\"}")[0].Fingerprint;
        ulong? second = Findings(key, "{\"phone\": \"9876543211\"}")[0].Fingerprint;

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Fingerprint_EscapedString_FingerprintsTheDecodedValue()
    {
        byte[] key = Encoding.UTF8.GetBytes("key");
        ulong? plain = Findings(key, "{\"phone\": \"9876543210\"}")[0].Fingerprint;
        ulong? escaped = Findings(key, "{\"phone\": \"\\u0039876543210\"}")[0].Fingerprint;

        Assert.Equal(plain, escaped);
    }

    [Fact]
    public void Fingerprint_NeverContainsTheValue()
    {
        List<PiiFinding> findings = Findings(Encoding.UTF8.GetBytes("key"));

        Assert.NotEmpty(findings);
        foreach (PiiFinding finding in findings)
        {
            string written = FindingFingerprint.Format(finding.Fingerprint!.Value);
            Assert.DoesNotContain("9876543210", written, StringComparison.Ordinal);
            Assert.DoesNotContain("234567890124", written, StringComparison.Ordinal);
            Assert.DoesNotContain("9876543210", finding.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Fingerprint_Value_IsSipHashOfEntityZeroValueUnderTheDerivedKey()
    {
        byte[] auditKey = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
        byte[] derived = HMACSHA256.HashData(auditKey, "PiiExtProc finding fingerprint, SipHash-2-4 key"u8);
        (ulong k0, ulong k1) = SipHash24.ReadKey(derived.AsSpan(0, 16));
        ulong expected = SipHash24.Compute(k0, k1, "IN_MOBILE\09876543210"u8);

        PiiFinding mobile = Findings(auditKey, "{\"phone\": \"9876543210\"}").Single();

        Assert.Equal(PiiEntity.IndianMobile, mobile.Entity);
        Assert.Equal(expected, mobile.Fingerprint);
    }

    [Fact]
    public void Format_Fingerprint_SixteenLowerCaseHexMostSignificantFirst()
    {
        Assert.Equal("726fdb47dd0e0e31", FindingFingerprint.Format(0x726fdb47dd0e0e31UL));
        Assert.Equal("000000000000000a", FindingFingerprint.Format(10));
    }
}
