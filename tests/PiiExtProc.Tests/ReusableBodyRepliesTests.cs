using Envoy.Service.ExtProc.V3;
using PiiExtProc.Processing;

namespace PiiExtProc.Tests;

/// <summary>Body-mutation replies reused once written, never shared between replies of one message.</summary>
public sealed class ReusableBodyRepliesTests
{
    [Fact]
    public void Body_TwoBeforeWritten_DistinctRepliesEachWithItsBytes()
    {
        var replies = new ReusableBodyReplies(Direction.Response);
        var first = replies.Body("first"u8.ToArray(), null);
        var second = replies.Body("second"u8.ToArray(), null);

        Assert.NotSame(first, second);
        Assert.Equal("first", first.ResponseBody.Response.BodyMutation.Body.ToStringUtf8());
        Assert.Equal("second", second.ResponseBody.Response.BodyMutation.Body.ToStringUtf8());
    }

    [Fact]
    public void Body_AfterWritten_SameReplyWithNewBytesAndHeaderMutation()
    {
        var replies = new ReusableBodyReplies(Direction.Request);
        var mutation = new HeaderMutation();
        var first = replies.Body("{\"a\":1}"u8.ToArray(), mutation);
        var expected = ProcessingResponses.Body(Direction.Request, "{\"b\":2}"u8.ToArray(), null);
        replies.OnWritten();

        var second = replies.Body("{\"b\":2}"u8.ToArray(), null);

        Assert.Same(first, second);
        Assert.Equal(expected, second);
        Assert.Null(second.RequestBody.Response.HeaderMutation);
    }

    [Fact]
    public void StreamedBody_AfterWritten_SameReplyWithNewBytesAndEnd()
    {
        var replies = new ReusableBodyReplies(Direction.Response);
        var first = replies.StreamedBody("abc"u8.ToArray(), endOfStream: false);
        Assert.NotSame(first, replies.StreamedBody("def"u8.ToArray(), endOfStream: false));
        replies.OnWritten();

        var again = replies.StreamedBody("xyz"u8.ToArray(), endOfStream: true);

        Assert.Same(first, again);
        Assert.Equal(ProcessingResponses.StreamedBody(Direction.Response, "xyz"u8.ToArray(), endOfStream: true), again);
    }

    [Fact]
    public void Body_EmptyReplacement_ClearsTheBody()
    {
        var reply = new ReusableBodyReplies(Direction.Request).Body(ReadOnlyMemory<byte>.Empty, null);
        Assert.True(reply.RequestBody.Response.BodyMutation.ClearBodyFlag);
    }
}
