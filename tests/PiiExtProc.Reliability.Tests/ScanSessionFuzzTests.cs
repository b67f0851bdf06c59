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
                    if (Encoding.UTF8.GetString(whole).Contains(" 234123412346 ", StringComparison.Ordinal))
                    {
                        seededLeaks++;
                    }
                });
            }
        });

        statistics.Report(output);
        output.WriteLine($"seeded ' 234123412346 ' still present in {seededLeaks} whole-body outputs (known detection gap, see report)");
    }
}
