using Envoy.Extensions.Filters.Http.ExtProc.V3;
using PiiExtProc.Diagnostics;
using PiiExtProc.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace PiiExtProc.Reliability.Tests;

/// <summary>Small gzip, deflate and br bodies that inflate to gigabytes are stopped at the body limit with bounded memory.</summary>
public sealed class CompressionBombTests(ITestOutputHelper output)
{
    private const long Limit = 1024 * 1024;

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public void Handle_CompressedBombFailClosed_Answers413WithBoundedMemory(string encoding)
    {
        var (bomb, inflated) = CompressionBombs.For(encoding);
        var telemetry = new RecordingTelemetry();
        var policy = TestPolicies.Source(TestPolicies.Policy(maxBodyBytes: Limit, failClosed: true));
        var statistics = new CaseStatistics($"bomb-{encoding}-fail-closed");
        StreamDriver.Outcome? outcome = null;
        long allocated = 0;
        CaseStatistics.Guard(encoding, CaseStatistics.HangGuard, () => statistics.Run(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            outcome = StreamDriver.Run(policy, [Messages.RequestHeaders(contentEncoding: encoding), Messages.RequestBody(bomb, endOfStream: true)], telemetry);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }));
        var growth = statistics.Report(output);
        output.WriteLine($"bomb {encoding}: compressed={bomb.Length} bytes inflates to {inflated} bytes; allocated while handling={CaseStatistics.Mib(allocated)}; retained growth={CaseStatistics.Mib(growth)}");

        Assert.Null(outcome!.Violation);
        Assert.Equal(413, outcome.ImmediateStatus);
        Assert.Equal(1, telemetry.Skipped[SkipReason.Size]);
        // The inflated size is gigabytes: allocating a small multiple of the limit proves decoding stopped there.
        Assert.True(allocated < 64 * Limit + (2L * bomb.Length), $"allocated {allocated} bytes for a {Limit}-byte limit");
        Assert.True(growth < 64L * 1024 * 1024, $"retained {growth} bytes after the case");
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public void Handle_CompressedBombFailOpen_PassesOriginalBytesAndCountsSkip(string encoding)
    {
        var (bomb, _) = CompressionBombs.For(encoding);
        var telemetry = new RecordingTelemetry();
        var policy = TestPolicies.Source(TestPolicies.Policy(maxBodyBytes: Limit, failClosed: false));

        var outcome = StreamDriver.Run(policy, [Messages.RequestHeaders(contentEncoding: encoding), Messages.RequestBody(bomb, endOfStream: true)], telemetry);

        Assert.Null(outcome.Violation);
        Assert.Null(outcome.ImmediateStatus);
        Assert.Equal(2, outcome.Replies.Count);
        Assert.Equal(1, telemetry.Skipped[SkipReason.Size]);
        // Fail-open forwards the body as it came (compressed), never an empty or truncated one.
        Assert.Equal(bomb, StreamDriver.ForwardedBody([bomb], [outcome.Replies[1]]));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public void Handle_CompressedBombInStreamedChunks_Answers413(string encoding)
    {
        var (bomb, _) = CompressionBombs.For(encoding);
        var policy = TestPolicies.Source(TestPolicies.Policy(maxBodyBytes: Limit, failClosed: true));
        var messages = new List<Envoy.Service.ExtProc.V3.ProcessingRequest> { Messages.RequestHeaders(contentEncoding: encoding, mode: ProcessingMode.Types.BodySendMode.Streamed) };
        var chunk = Math.Max(1, bomb.Length / 7);
        for (var offset = 0; offset < bomb.Length; offset += chunk)
        {
            var length = Math.Min(chunk, bomb.Length - offset);
            messages.Add(Messages.RequestBody(bomb.AsSpan(offset, length), endOfStream: offset + length == bomb.Length));
        }

        var outcome = StreamDriver.Run(policy, messages);

        Assert.Null(outcome.Violation);
        Assert.Equal(413, outcome.ImmediateStatus);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public void Handle_CorruptCompressedBody_FailsClosedWith413(string encoding)
    {
        var random = new Random(9);
        var statistics = new CaseStatistics($"corrupt-{encoding}");
        var policy = TestPolicies.Source(TestPolicies.Policy(maxBodyBytes: Limit, failClosed: true));
        for (var i = 0; i < 200; i++)
        {
            var garbage = new byte[random.Next(0, 4096)];
            random.NextBytes(garbage);
            if (garbage.Length > 0 && encoding == "gzip")
            {
                // A valid gzip magic so the decoder gets past the header and into the corrupt data.
                garbage[0] = 0x1f;
                if (garbage.Length > 1)
                {
                    garbage[1] = 0x8b;
                }
            }

            StreamDriver.Outcome? outcome = null;
            statistics.RunGuarded(() => outcome = StreamDriver.Run(policy, [Messages.RequestHeaders(contentEncoding: encoding), Messages.RequestBody(garbage, endOfStream: true)]));
            Assert.Null(outcome!.Violation);
            // Empty input decodes to an empty body (scanned, passes); anything corrupt is blocked, never forwarded unscanned.
            Assert.True(outcome.ImmediateStatus is 413 or null, $"case {i}: status {outcome.ImmediateStatus}");
        }

        statistics.Report(output);
    }
}
