using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Sessions;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Equivalence of the session's value prefilter (<see cref="CleanValueRules"/> before the detector, per JSON value):
/// over generated bodies (the <see cref="CleanJsonProofPropertyTests"/> generator and the chunk-invariance generator),
/// whole and in random chunkings, the session with the prefilter gives the same output, findings, fallback to text and
/// is_pii as the session without it, read whole (the reference). The whole-body proof is off in both so that whole
/// bodies take the full path too.
/// </summary>
public sealed class ValuePrefilterPropertyTests
{
    private static readonly PiiScanner s_smallRecords = PiiScanner.Create(Scanners.GuardianOptions(maxRecordBytes: 1024));

    /// <summary>Seeded (FsCheck replay), 5000 bodies, each whole and in one random chunking.</summary>
    [Fact]
    public void Process_PrefilterOnOrOff_SameOutputFindingsAndFallback()
    {
        long skipped = 0;
        Arbitrary<(int Seed, int[] Cuts, int Generator, bool Small)> cases = Arb.From(
            from seed in Gen.Choose(0, int.MaxValue - 1)
            from cuts in Gen.ArrayOf(Gen.Choose(0, 48))
            from generator in Gen.Choose(0, 3)
            from small in Gen.Elements(false, false, false, true)
            select (seed, cuts, generator, small));
        Property property = Prop.ForAll(cases, c =>
        {
            byte[] body = c.Generator == 0
                ? BodyGenerator.Generate(c.Seed)
                : Encoding.UTF8.GetBytes(CleanJsonProofPropertyTests.Body(new Random(c.Seed)));
            skipped += Compare(body, c.Small ? s_smallRecords : Scanners.Guardian, c.Cuts);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(5000).WithReplay(20251123UL, 9091UL), property);
        Assert.True(skipped > 2000, $"the prefilter skipped only {skipped} values");
    }

    /// <summary>Every two-way split of bodies that mix PII, near misses and context words.</summary>
    [Fact]
    public void Process_EveryTwoWaySplit_SameAsWithoutPrefilter()
    {
        var random = new Random(4242);
        for (int n = 0; n < 40; n++)
        {
            byte[] body = Encoding.UTF8.GetBytes(CleanJsonProofPropertyTests.Body(random));
            for (int cut = 0; cut <= body.Length; cut++)
            {
                Compare(body, Scanners.Guardian, [cut]);
            }
        }
    }

    [Theory]
    [InlineData("{\"sku\": \"SKU-123456\", \"updated_at\": \"2026-11-05T10:23:00Z\", \"price\": {\"amount\": 1999.00}}", 3)]
    [InlineData("{\"pincode\": \"SKU-560034\", \"note\": \"deliver to pin 560034\", \"mail\": \"a@b.in\"}", 0)]
    [InlineData("{\"name\": \"Ravi Kumar\", \"slot\": \"10:30\", \"n\": \"+91 98765 43210\"}", 1)]
    [InlineData("{\"ip\": \"10:30\", \"mobile\": \"n/a 12\"}", 0)]
    public void Process_KnownValues_SkipsOnlyCleanOnes(string json, int expectedSkips)
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        Assert.Equal(expectedSkips, Compare(body, Scanners.Guardian, []));
    }

    /// <summary>Compares prefilter on (whole and chunked) with prefilter off (whole); returns the values skipped whole.</summary>
    private static long Compare(byte[] body, PiiScanner scanner, int[] cuts)
    {
        (ScanResult reference, _) = Run(body, scanner, [], prefilter: false);
        (ScanResult whole, long skipped) = Run(body, scanner, [], prefilter: true);
        (ScanResult chunked, _) = Run(body, scanner, cuts, prefilter: true);
        ScanComparison.AssertSameResult(reference, whole, "value prefilter", [], body);
        ScanComparison.AssertSameResult(reference, chunked, "value prefilter", cuts, body);
        return skipped;
    }

    /// <summary>Scans in chunks of <paramref name="cuts"/> (then the rest) with the whole-body proof off.</summary>
    private static (ScanResult Scan, long Skipped) Run(byte[] body, PiiScanner scanner, int[] cuts, bool prefilter)
    {
        BodyScanSession session = scanner.CreateSession(BodyFormat.Json);
        session.CleanProofEnabled = false;
        session.ValuePrefilterEnabled = prefilter;
        ScanResult result = Scanners.Run(session, body, [.. cuts, 0]);
        return (result, session.ValuesPrefiltered);
    }
}
