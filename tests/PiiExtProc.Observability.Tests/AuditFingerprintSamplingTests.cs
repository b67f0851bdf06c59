using System.Buffers;
using System.Text;
using PiiExtProc.Diagnostics;
using PiiExtProc.Processing;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Operators;

namespace PiiExtProc.Observability.Tests;

/// <summary>
/// The scanner hashes only the values an audit event can list (the first 16 distinct per group): the event is the same
/// as when every finding carries its fingerprint.
/// </summary>
public sealed class AuditFingerprintSamplingTests
{
    private static readonly PiiScanner s_scanner = PiiScanner.Create(new ScannerOptions
    {
        Entities = new Dictionary<PiiEntity, EntitySettings>
        {
            [PiiEntity.IndianMobile] = new(new MaskOperator(keepFirst: 0, keepLast: 4)),
            [PiiEntity.Email] = new(ObserveOperator.Instance),
        },
        Combination = new CombinationRule(1),
        FingerprintKey = Encoding.UTF8.GetBytes("audit-fingerprint-sampling-test-key"),
    });

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void WriteEvent_ScannerSkipsUnlistedFingerprints_SameEventAsEveryValueHashed(int seed)
    {
        // Arrange: records whose phones, alternate phones and emails repeat from small pools, in a shuffled order, so
        // repeats fall before and after each group's 16th distinct value.
        var random = new Random(seed);
        var records = new List<string>();
        for (var i = 0; i < 80; i++)
        {
            records.Add($"{{\"phone\":\"98765{random.Next(30):00000}\",\"alt_phone\":\"87654{random.Next(20):00000}\","
                + $"\"email\":\"user{random.Next(25)}@example.com\"}}");
        }

        var body = "[" + string.Join(",", records) + "]";
        var sampled = Scan(body);
        var everyValueHashed = sampled.Select(f => f with { Fingerprint = FingerprintOf(f, body) }).ToList();

        // Act
        var fromScanner = Event(sampled);
        var reference = Event(everyValueHashed);

        // Assert: the same event, and the scanner did leave values unhashed.
        Assert.Equal(3 * records.Count, sampled.Count);
        Assert.Equal(reference, fromScanner);
        Assert.Contains(sampled, f => f.Fingerprint is null);
        Assert.All(sampled.Take(16 * 3), f => Assert.NotNull(f.Fingerprint));
    }

    [Fact]
    public void Scan_GroupPastSixteenDistinctValues_OnlyEarlierFindingsCarryFingerprints()
    {
        // Arrange: 64 emails first (the scanner groups findings from the 65th on, and hashes every earlier one); then 16
        // distinct phones with a repeat of the first as the 6th, 3 new ones and the first again.
        var emails = Enumerable.Range(0, 64).Select(i => $"{{\"email\":\"user{i}@example.com\"}}");
        var phones = Enumerable.Range(0, 16).Select(i => $"98765{i:00000}").ToList();
        phones.Insert(5, phones[0]);
        phones.AddRange(["9123400001", "9123400002", "9123400003", phones[0]]);
        var body = "[" + string.Join(",", emails.Concat(phones.Select(p => $"{{\"phone\":\"{p}\"}}")))
            + ",{\"contact\":{\"phone\":\"9123400001\"}}]";

        // Act
        var findings = Scan(body).Skip(64).ToList();

        // Assert: up to the 16th distinct value (a repeat included) findings carry fingerprints, after it none; another
        // path is its own group.
        Assert.Equal(phones.Count + 1, findings.Count);
        Assert.All(findings.Take(17), f => Assert.NotNull(f.Fingerprint));
        Assert.Equal(findings[0].Fingerprint, findings[5].Fingerprint);
        Assert.All(findings.Skip(17).Take(4), f => Assert.Null(f.Fingerprint));
        Assert.Equal("$[].contact.phone", findings[^1].JsonPath);
        Assert.Equal(FingerprintOf(findings[^1], body), findings[^1].Fingerprint);
    }

    private static List<PiiFinding> Scan(string body)
    {
        using var session = s_scanner.CreateSession(BodyFormat.Json);
        var output = new ArrayBufferWriter<byte>();
        session.Process(Encoding.UTF8.GetBytes(body), isFinal: true, output);
        return [.. session.Findings];
    }

    /// <summary>The fingerprint of a finding's value, from a scan of that value alone under the same key name.</summary>
    private static ulong? FingerprintOf(PiiFinding finding, string body)
    {
        var value = body.Substring((int)finding.Offset, finding.Length);
        var key = finding.JsonPath![(finding.JsonPath!.LastIndexOf('.') + 1)..];
        var alone = Scan($"{{\"{key}\":\"{value}\"}}");
        return Assert.Single(alone).Fingerprint;
    }

    private static string Event(List<PiiFinding> findings)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var report = new BodyScanReport(Direction.Response, "sampling", "v1", "req-1", 100, findings, findings.Count, Blocked: false);
        AuditEventSerializer.Write(new AuditEntry(DateTimeOffset.UnixEpoch, AuditSeverity.Critical, report), buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
