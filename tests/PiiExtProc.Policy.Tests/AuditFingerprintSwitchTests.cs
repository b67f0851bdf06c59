using System.Text;
using PiiExtProc.Policy.Commands;
using PiiExtProc.Scanning;

namespace PiiExtProc.Policy.Tests;

/// <summary>
/// `serve --audit off` builds its policies without the audit fingerprint key: no audit event reads the fingerprints, so
/// the keyed SipHash per finding is not computed; with the audit on (the default) every finding has one.
/// </summary>
public sealed class AuditFingerprintSwitchTests
{
    private const string Body = """{"phone": "9876543210", "aadhar": "234123412346"}""";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void DefaultPolicy_FingerprintsOnlyWhenTheAuditReadsThem(bool auditFingerprints)
    {
        using var provider = new PolicyProvider(null, auditFingerprints: auditFingerprints);

        var result = BodyScanner.Scan(provider.Current.Resolve(default), Encoding.UTF8.GetBytes(Body), BodyFormat.Json);

        Assert.Equal(2, result.Findings.Count);
        Assert.All(result.Findings, finding => Assert.Equal(auditFingerprints, finding.Fingerprint is not null));
        Assert.Equal("""{"phone": "98XXXXXX10", "aadhar": "XXXXXXXX2346"}""", Encoding.UTF8.GetString(result.Output));
    }
}
