using System.Text;
using PiiExtProc.Reliability.Tests.Support;
using PiiExtProc.Scanning;
using Xunit.Abstractions;

namespace PiiExtProc.Reliability.Tests;

/// <summary>Random bytes and random chunkings through the scan session: no crash, no hang, chunking never changes the output.</summary>
public sealed class ScanSessionFuzzTests(ITestOutputHelper output)
{
    private const int Cases = 3000;

    [Theory]
    [InlineData(BodyFormat.Json, 20260901)]
    [InlineData(BodyFormat.Text, 20260902)]
    public void Process_RandomBodiesAndChunkings_SameOutputAsWholeBody(BodyFormat format, int seed)
    {
        var random = new Random(seed);
        var scanner = TestPolicies.DefaultScanner;
        var statistics = new CaseStatistics($"session-fuzz-{format}");
        var seededLeaks = 0;
        CaseStatistics.Guard("session fuzz", TimeSpan.FromSeconds(120), () =>
        {
            for (var i = 0; i < Cases; i++)
            {
                var body = HostileBodies.Next(random, 2048);
                var chunks = HostileBodies.Chunk(random, body);
                statistics.Run(() =>
                {
                    var whole = SessionRunner.Run(scanner, format, [body], out var wholeFindings);
                    var chunked = SessionRunner.Run(scanner, format, chunks, out var chunkedFindings);
                    Assert.True(whole.AsSpan().SequenceEqual(chunked), $"seed {seed} case {i}: chunked output differs from whole-body output");
                    Assert.Equal(wholeFindings, chunkedFindings);
                    var at = whole.AsSpan().IndexOf(" 234123412346 "u8);
                    if (at >= 0)
                    {
                        seededLeaks++;
                        var from = Math.Max(0, at - 20);
                        output.WriteLine($"LEAK case {i}: {Convert.ToHexString(whole.AsSpan(from, at - from))} | {Encoding.ASCII.GetString(whole.AsSpan(from, Math.Min(whole.Length, at + 34) - from)).Replace("\n", "\\n")}");
                    }
                });
            }
        });

        statistics.Report(output);
        output.WriteLine($"seeded ' 234123412346 ' still present in {seededLeaks} whole-body outputs");

        // The fragments are space-delimited and form no negative context word: a surviving value is a detection gap.
        Assert.Equal(0, seededLeaks);
    }
}
