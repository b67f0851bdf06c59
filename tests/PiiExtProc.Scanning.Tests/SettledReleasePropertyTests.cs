using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Sessions;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Equivalence of the release of settled bytes (<see cref="BodyScanSession.ReleaseSettledBytes"/>): over generated
/// bodies (records with PII, listings after a customer, malformed JSON, text, random bytes) in random chunkings, the
/// session that releases settled bytes gives the same output, findings, fallback and is_pii as the body scanned whole,
/// or, only for a body that is not valid JSON, throws <see cref="ReleasedBytesChangedException"/>.
/// </summary>
public sealed class SettledReleasePropertyTests
{
    private static readonly PiiScanner s_smallRecords = PiiScanner.Create(Scanners.GuardianOptions(maxRecordBytes: 1024));

    /// <summary>Seeded (FsCheck replay), 4000 bodies, each whole (the reference) and in one random chunking.</summary>
    [Fact]
    public void Process_ReleasingSettledBytes_SameResultAsWholeOrThrowsOnMalformedJson()
    {
        var tally = new Tally();
        Arbitrary<(int Seed, int[] Cuts, bool Listing, bool Small)> cases = Arb.From(
            from seed in Gen.Choose(0, int.MaxValue - 1)
            from cuts in Gen.ArrayOf(Gen.Choose(0, 400))
            from listing in Gen.Elements(true, false)
            from small in Gen.Elements(false, false, false, true)
            select (seed, cuts, listing, small));
        Property property = Prop.ForAll(cases, c =>
        {
            byte[] body = c.Listing ? Encoding.UTF8.GetBytes(CleanElementSkipPropertyTests.Body(new Random(c.Seed))) : BodyGenerator.Generate(c.Seed);
            Check(body, c.Small ? s_smallRecords : Scanners.Guardian, c.Cuts, tally);
        });
        global::FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(4000).WithReplay(20261124UL, 1125UL), property);

        // The release is taken: many chunks that would have been shifted by a held tail come back unchanged.
        Assert.True(tally.UnchangedOnlyWhenSettled > 2000, $"only {tally.UnchangedOnlyWhenSettled} chunks came back unchanged by settled bytes");
        Assert.True(tally.Thrown < tally.Bodies / 100, $"{tally.Thrown} of {tally.Bodies} bodies threw");
    }

    /// <summary>Every two-way split of listings whose customer has PII: the same output as whole, never a throw.</summary>
    [Fact]
    public void Process_EveryTwoWaySplitOfValidListings_SameAsWhole()
    {
        var random = new Random(1124);
        var tally = new Tally();
        int checkedBodies = 0;
        while (checkedBodies < 12)
        {
            byte[] body = Encoding.UTF8.GetBytes(CleanElementSkipPropertyTests.Body(random));
            if (!ChunkInvarianceTests.IsValidJsonSequence(body))
            {
                continue;
            }

            checkedBodies++;
            for (int cut = 0; cut <= body.Length; cut += 1 + (body.Length / 400))
            {
                Check(body, Scanners.Guardian, [cut], tally);
            }
        }

        Assert.Equal(0, tally.Thrown);
        Assert.True(tally.UnchangedOnlyWhenSettled > 0);
    }

    private static void Check(byte[] body, PiiScanner scanner, int[] cuts, Tally tally)
    {
        tally.Bodies++;
        int[] chunks = [.. cuts, 0];
        ScanResult whole = Scanners.Run(scanner, BodyFormat.Json, body, [body.Length]);
        int unchangedWithout = CountUnchanged(scanner, body, chunks, settled: false, out _);
        int unchangedWith;
        ScanResult settled;
        try
        {
            unchangedWith = CountUnchanged(scanner, body, chunks, settled: true, out settled);
        }
        catch (ReleasedBytesChangedException)
        {
            if (ChunkInvarianceTests.IsValidJsonSequence(body))
            {
                Assert.Fail($"Valid JSON threw (cuts [{string.Join(",", cuts)}]): {Encoding.UTF8.GetString(body)}");
            }

            tally.Thrown++;
            return;
        }

        ScanComparison.AssertSameResult(whole, settled, "release of settled bytes", cuts, body);
        tally.UnchangedOnlyWhenSettled += unchangedWith - unchangedWithout;
    }

    /// <summary>Scans in the given chunks; the number of chunks that came back unchanged.</summary>
    private static int CountUnchanged(PiiScanner scanner, byte[] body, int[] chunks, bool settled, out ScanResult result)
    {
        BodyScanSession session = scanner.CreateSession(BodyFormat.Json);
        session.ReleaseSettledBytes = settled;
        int unchanged = 0;
        result = Scanners.Run(session, body, chunks, chunk => unchanged += chunk.IsUnchanged ? 1 : 0);
        return unchanged;
    }

    private sealed class Tally
    {
        public int Bodies { get; set; }

        public int Thrown { get; set; }

        public long UnchangedOnlyWhenSettled { get; set; }
    }
}
