using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

public sealed class ChunkInvarianceTests
{
    // Fingerprints on: which findings carry one (FingerprintGroups) must not depend on the chunking either.
    private static readonly PiiScanner s_smallRecords = PiiScanner.Create(Scanners.GuardianOptions(maxRecordBytes: 1024) with { FingerprintKey = "chunk-test-key"u8.ToArray() });
    private static readonly PiiScanner s_guardian = PiiScanner.Create(Scanners.GuardianOptions() with { FingerprintKey = "chunk-test-key"u8.ToArray() });

    /// <summary>Seeded (FsCheck replay), 4000 cases: any body, any chunking, same output and findings as whole.</summary>
    [Fact]
    public void Process_AnyChunking_SameOutputAndFindingsAsWhole()
    {
        Arbitrary<(int Seed, int[] Cuts, bool Json, bool Small)> cases = Arb.From(
            from seed in Gen.Choose(0, int.MaxValue - 1)
            from cuts in Gen.ArrayOf(Gen.Choose(0, 64))
            from json in Gen.Elements(true, true, false)
            from small in Gen.Elements(false, false, true)
            select (seed, cuts, json, small));
        Property property = Prop.ForAll(cases, c => CheckCase(c.Seed, c.Cuts, c.Json, c.Small));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(4000).WithReplay(20251122UL, 1357UL), property);
    }

    [Fact]
    public void Process_EveryTwoWaySplit_SameAsWhole()
    {
        for (int seed = 0; seed < 60; seed++)
        {
            byte[] body = BodyGenerator.Generate(seed);
            ScanResult whole = Scanners.Run(s_guardian, BodyFormat.Json, body, [body.Length]);
            for (int cut = 0; cut <= body.Length; cut++)
            {
                ScanResult split = Scanners.Run(s_guardian, BodyFormat.Json, body, [cut, body.Length - cut]);
                Assert.Equal(whole.Output, split.Output);
                Assert.Equal(whole.Findings, split.Findings);
            }
        }
    }

    private static bool CheckCase(int seed, int[] cuts, bool json, bool small)
    {
        byte[] body = BodyGenerator.Generate(seed);
        PiiScanner scanner = small ? s_smallRecords : s_guardian;
        BodyFormat format = json ? BodyFormat.Json : BodyFormat.Text;
        ScanResult whole = Scanners.Run(scanner, format, body, [body.Length]);
        var sizes = cuts.Select(c => c).Append(0).ToArray();
        ScanResult chunked = Scanners.Run(scanner, format, body, sizes);
        if (!whole.Output.AsSpan().SequenceEqual(chunked.Output) || !whole.Findings.SequenceEqual(chunked.Findings)
            || whole.ContainsPii != chunked.ContainsPii)
        {
            throw new InvalidOperationException($"Chunking changed the result for seed {seed}, cuts [{string.Join(",", cuts)}], json {json}, small {small}.");
        }

        if (json && IsValidJsonSequence(body) && !IsValidJsonSequence(whole.Output))
        {
            throw new InvalidOperationException($"Redaction broke valid JSON for seed {seed}.");
        }

        return true;
    }

    internal static bool IsValidJsonSequence(byte[] bytes)
    {
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true });
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.String)
                {
                    _ = reader.GetString();
                }
            }

            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false;
        }
    }
}
