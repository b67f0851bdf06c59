using Envoy.Extensions.Filters.Http.ExtProc.V3;
using Envoy.Service.ExtProc.V3;
using PiiExtProc.Diagnostics;
using PiiExtProc.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace PiiExtProc.Reliability.Tests;

/// <summary>Bodies at and beyond DirectionPolicy.MaxBodyBytes in every body mode: fail-closed gives 413, fail-open passes and counts.</summary>
public sealed class BodyLimitTests(ITestOutputHelper output)
{
    private const int Limit = 64 * 1024;

    public static TheoryData<ProcessingMode.Types.BodySendMode> Modes => new()
    {
        ProcessingMode.Types.BodySendMode.Buffered,
        ProcessingMode.Types.BodySendMode.Streamed,
        ProcessingMode.Types.BodySendMode.FullDuplexStreamed,
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public void Handle_BodyOneByteOverLimitFailClosed_Answers413(ProcessingMode.Types.BodySendMode mode)
    {
        var telemetry = new RecordingTelemetry();
        var body = PlainBody(Limit + 1);
        var outcome = StreamDriver.Run(
            TestPolicies.Source(TestPolicies.Policy(maxBodyBytes: Limit, failClosed: true)),
            Chunked(mode, body, 3),
            telemetry,
            checkOneReplyPerMessage: mode != ProcessingMode.Types.BodySendMode.FullDuplexStreamed);

        Assert.Null(outcome.Violation);
        Assert.Equal(413, outcome.ImmediateStatus);
        Assert.Equal(1, telemetry.Skipped[SkipReason.Size]);
    }

    [Theory]
    [InlineData(ProcessingMode.Types.BodySendMode.Buffered)]
    [InlineData(ProcessingMode.Types.BodySendMode.Streamed)]
    [InlineData(ProcessingMode.Types.BodySendMode.FullDuplexStreamed)]
    public void Handle_BodyOverLimitFailOpen_PassesEveryByteAndCountsSkip(ProcessingMode.Types.BodySendMode mode)
    {
        var telemetry = new RecordingTelemetry();
        var body = PlainBody(Limit * 3);
        var messages = Chunked(mode, body, mode == ProcessingMode.Types.BodySendMode.Buffered ? 1 : 5);
        var outcome = StreamDriver.Run(
            TestPolicies.Source(TestPolicies.Policy(maxBodyBytes: Limit, failClosed: false)),
            messages,
            telemetry,
            checkOneReplyPerMessage: mode != ProcessingMode.Types.BodySendMode.FullDuplexStreamed);

        Assert.Null(outcome.Violation);
        Assert.Null(outcome.ImmediateStatus);
        Assert.Equal(1, telemetry.Skipped[SkipReason.Size]);
        var chunks = messages.Skip(1).Select(message => message.RequestBody.Body.ToByteArray()).ToList();
        Assert.Equal(body, StreamDriver.ForwardedBody(chunks, outcome.Replies.Skip(1).ToList()));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Handle_BodyExactlyAtLimit_IsScannedNotBlocked(ProcessingMode.Types.BodySendMode mode)
    {
        var telemetry = new RecordingTelemetry();
        var body = PlainBody(Limit);
        var outcome = StreamDriver.Run(
            TestPolicies.Source(TestPolicies.Policy(maxBodyBytes: Limit, failClosed: true)),
            Chunked(mode, body, 4),
            telemetry,
            checkOneReplyPerMessage: mode != ProcessingMode.Types.BodySendMode.FullDuplexStreamed);

        Assert.Null(outcome.Violation);
        Assert.Null(outcome.ImmediateStatus);
        Assert.False(telemetry.Skipped.ContainsKey(SkipReason.Size));
        Assert.Single(telemetry.Reports);
        output.WriteLine($"{mode}: {body.Length}-byte body at the {Limit}-byte limit scanned, {outcome.Replies.Count} replies");
    }

    [Fact]
    public void Handle_BufferedPartialBodyCutShortFailClosed_Answers413()
    {
        var messages = new List<ProcessingRequest>
        {
            Messages.RequestHeaders(mode: ProcessingMode.Types.BodySendMode.BufferedPartial),
            Messages.RequestBody(PlainBody(1024), endOfStream: false),
        };

        var outcome = StreamDriver.Run(TestPolicies.Source(TestPolicies.Policy(maxBodyBytes: Limit, failClosed: true)), messages);

        Assert.Equal(413, outcome.ImmediateStatus);
    }

    internal static byte[] PlainBody(int length)
    {
        var body = new byte[length];
        body.AsSpan().Fill((byte)'a');
        "{\"note\":\""u8.CopyTo(body);
        "\"}"u8.CopyTo(body.AsSpan(length - 2));
        return body;
    }

    internal static List<ProcessingRequest> Chunked(ProcessingMode.Types.BodySendMode mode, byte[] body, int pieces)
    {
        var messages = new List<ProcessingRequest> { Messages.RequestHeaders(mode: mode) };
        if (mode == ProcessingMode.Types.BodySendMode.Buffered)
        {
            messages.Add(Messages.RequestBody(body, endOfStream: true));
            return messages;
        }

        var size = (body.Length + pieces - 1) / pieces;
        for (var offset = 0; offset < body.Length; offset += size)
        {
            var length = Math.Min(size, body.Length - offset);
            messages.Add(Messages.RequestBody(body.AsSpan(offset, length), endOfStream: offset + length == body.Length));
        }

        return messages;
    }
}
