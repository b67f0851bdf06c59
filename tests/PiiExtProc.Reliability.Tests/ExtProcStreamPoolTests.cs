using System.Reflection;
using Envoy.Extensions.Filters.Http.ExtProc.V3;
using Envoy.Service.ExtProc.V3;
using PiiExtProc.Diagnostics;
using PiiExtProc.Processing;
using PiiExtProc.Reliability.Tests.Support;

namespace PiiExtProc.Reliability.Tests;

/// <summary>
/// The service rents its <see cref="ExtProcStream"/>s from <see cref="ExtProcStreamPool"/>: a returned stream is reset
/// to the state of a new one (nothing of the previous stream leaks), returned once, and unusable by its old owner.
/// </summary>
public sealed class ExtProcStreamPoolTests
{
    /// <summary>Fields that are not per stream: the pool link and the direction objects (checked field by field below).</summary>
    private static readonly HashSet<string> s_notPerStream = ["_pool", "_rented", "_request", "_response", "_policy", "_telemetry"];

    [Fact]
    public void Dispose_RentedStreamMidBody_NextRentEqualsNewStream()
    {
        // Arrange: a stream left in the middle of a STREAMED body with held bytes, a route, a request id and a mode.
        var pool = new ExtProcStreamPool(1);
        var policy = TestPolicies.Source();
        var used = pool.Rent(policy, NullProcessingTelemetry.Instance, "orders-policy");
        var replies = new List<ProcessingResponse>();
        used.Handle(Messages.RequestHeaders(mode: ProcessingMode.Types.BodySendMode.Streamed, contentLength: 10), replies);
        used.Handle(Messages.RequestBody("{\"note\":\"hello\",\"aadhaar\":\"2341 2341"u8, endOfStream: false), replies);
        Assert.True(replies[^1].RequestBody.Response.BodyMutation.Body.Length > 0); // a reusable body reply is in use

        // Act
        used.Dispose();
        var again = pool.Rent(policy, NullProcessingTelemetry.Instance, null);
        var fresh = new ExtProcStream(policy, NullProcessingTelemetry.Instance, null);

        // Assert: the same object, every per-stream field as in a new stream.
        Assert.Same(used, again);
        AssertSameFields(fresh, again, s_notPerStream);
        foreach (var name in new[] { "_request", "_response" })
        {
            var field = typeof(ExtProcStream).GetField(name, BindingFlags.Instance | BindingFlags.NonPublic)!;
            AssertSameFields(field.GetValue(fresh)!, field.GetValue(again)!, ["<Output>k__BackingField", "_collected", "_replies"]);

            // The reusable replies: free again (their message objects are reused, so only the in-use flags are compared).
            var freshState = (DirectionState)field.GetValue(fresh)!;
            AssertSameFields(
                freshState.Replies,
                ((DirectionState)field.GetValue(again)!).Replies,
                ["_direction", "_body", "_bodyCommon", "_bodyMutation", "_streamed", "_streamedBody", "_contentLengthDigits", "_contentLengthMutation", "_contentLengthHeader"]);
        }
    }

    [Fact]
    public void Dispose_StreamThatRewroteABody_KeepsItsArrayForTheNextStream()
    {
        var pool = new ExtProcStreamPool(1);
        var policy = TestPolicies.Source();
        var used = pool.Rent(policy, NullProcessingTelemetry.Instance, null);
        var replies = new List<ProcessingResponse>();
        used.Handle(Messages.RequestHeaders(), replies);
        used.Handle(Messages.RequestBody("{\"note\":\"hello\",\"aadhaar\":\"2341 2341 2346\"}"u8, endOfStream: true), replies);
        Assert.True(replies[^1].RequestBody.Response.BodyMutation.Body.Length > 0);
        var array = OutputArray(used);
        Assert.NotEmpty(array);

        used.Dispose();
        var again = pool.Rent(policy, NullProcessingTelemetry.Instance, null);

        // The same array, empty for the next stream; a rewrite by the next stream writes into it.
        Assert.Same(used, again);
        Assert.Same(array, OutputArray(again));
        Assert.Equal(0, RequestState(again).Output.WrittenCount);
        replies.Clear();
        again.Handle(Messages.RequestHeaders(), replies);
        again.Handle(Messages.RequestBody("{\"aadhaar\":\"2341 2341 2346\"}"u8, endOfStream: true), replies);
        Assert.DoesNotContain("2341 2341 2346", replies[^1].RequestBody.Response.BodyMutation.Body.ToStringUtf8(), StringComparison.Ordinal);
        Assert.Same(array, OutputArray(again));
    }

    [Fact]
    public void Dispose_StreamNotKeptByAFullPool_ReturnsItsArrays()
    {
        var pool = new ExtProcStreamPool(1);
        var policy = TestPolicies.Source();
        var kept = pool.Rent(policy, NullProcessingTelemetry.Instance, null);
        var dropped = pool.Rent(policy, NullProcessingTelemetry.Instance, null);
        var replies = new List<ProcessingResponse>();
        dropped.Handle(Messages.RequestHeaders(), replies);
        dropped.Handle(Messages.RequestBody("{\"aadhaar\":\"2341 2341 2346\"}"u8, endOfStream: true), replies);
        Assert.NotEmpty(OutputArray(dropped));

        kept.Dispose();
        dropped.Dispose();

        Assert.Equal(1, pool.IdleCount);
        Assert.Empty(OutputArray(dropped));
    }

    [Fact]
    public void Dispose_Twice_StreamReturnedOnceAndUnusable()
    {
        var pool = new ExtProcStreamPool(4);
        var policy = TestPolicies.Source();
        var stream = pool.Rent(policy, NullProcessingTelemetry.Instance, null);
        stream.Dispose();
        stream.Dispose();
        Assert.Equal(1, pool.IdleCount);
        Assert.Throws<ObjectDisposedException>(() => stream.Handle(Messages.RequestHeaders(), []));

        var first = pool.Rent(policy, NullProcessingTelemetry.Instance, null);
        var second = pool.Rent(policy, NullProcessingTelemetry.Instance, null);
        Assert.Same(stream, first);
        Assert.NotSame(first, second);
    }

    [Fact]
    public void Handle_RentedStreamsAfterAbandonedOnes_SameRepliesAsNewStreams()
    {
        var random = new Random(20261124);
        var pool = new ExtProcStreamPool(2);
        var policy = TestPolicies.Source();
        for (var i = 0; i < 100; i++)
        {
            var (messages, _, _, _) = ExtProcStreamFuzzTests.RandomExchange(random);

            // A stream abandoned after a random prefix, then the whole exchange on a rented and on a new stream.
            var abandoned = pool.Rent(policy, NullProcessingTelemetry.Instance, null);
            var replies = new List<ProcessingResponse>();
            try
            {
                foreach (var message in messages.Take(random.Next(1, messages.Count + 1)))
                {
                    abandoned.Handle(message, replies);
                }
            }
            catch (ProtocolViolationException)
            {
                // Ends the stream like a reset.
            }

            abandoned.Dispose();
            Assert.Equal(Run(new ExtProcStream(policy, NullProcessingTelemetry.Instance, null), messages), Run(pool.Rent(policy, NullProcessingTelemetry.Instance, null), messages));
        }
    }

    private static string Run(ExtProcStream stream, List<ProcessingRequest> messages)
    {
        using (stream)
        {
            var all = new List<string>();
            var replies = new List<ProcessingResponse>();
            try
            {
                foreach (var message in messages)
                {
                    replies.Clear();
                    stream.Handle(message, replies);
                    all.AddRange(replies.Select(r => r.ToString()));
                    stream.OnRepliesWritten();
                }

                stream.OnRequestStreamEnded();
            }
            catch (ProtocolViolationException violation)
            {
                all.Add(violation.Cause);
            }

            return string.Join("\n", all);
        }
    }

    private static DirectionState RequestState(ExtProcStream stream) =>
        (DirectionState)typeof(ExtProcStream).GetField("_request", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(stream)!;

    private static byte[] OutputArray(ExtProcStream stream) =>
        (byte[])typeof(PooledBufferWriter).GetField("_buffer", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(RequestState(stream).Output)!;

    private static void AssertSameFields(object expected, object actual, HashSet<string> skipped)
    {
        foreach (var field in expected.GetType().GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public))
        {
            if (!skipped.Contains(field.Name))
            {
                Assert.True(Equals(field.GetValue(expected), field.GetValue(actual)), $"{expected.GetType().Name}.{field.Name} is not reset");
            }
        }
    }
}
