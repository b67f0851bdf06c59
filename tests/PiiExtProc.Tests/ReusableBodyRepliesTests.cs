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
    public void Body_AfterWritten_SameReplyWithNewBytesAndNoHeaderMutation()
    {
        var replies = new ReusableBodyReplies(Direction.Request);
        var first = replies.Body("{\"a\":1}"u8.ToArray(), contentLength: 7);
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
    public void Body_ContentLength_SetsTheDigitsEqualToANewReply()
    {
        var replies = new ReusableBodyReplies(Direction.Response);
        var reply = replies.Body("{\"name\":\"[REDACTED]\"}"u8.ToArray(), contentLength: 21);

        Assert.Equal(ProcessingResponses.Body(Direction.Response, "{\"name\":\"[REDACTED]\"}"u8.ToArray(), ProcessingResponses.ContentLength(21)), reply);
        var header = Assert.Single(reply.ResponseBody.Response.HeaderMutation.SetHeaders).Header;
        Assert.Equal("content-length", header.Key);
        Assert.Equal("21", header.RawValue.ToStringUtf8());
    }

    [Fact]
    public void Body_ContentLengthReusedAfterWritten_NewDigitsAndTheFirstReplyUnchangedUntilWritten()
    {
        var replies = new ReusableBodyReplies(Direction.Request);
        var first = replies.Body(new byte[1_000_000], contentLength: 1_000_000);
        var second = replies.Body(new byte[5], contentLength: 5);

        // In use: the second reply of the message is new, and the first keeps its digits.
        Assert.NotSame(first, second);
        Assert.Equal("1000000", first.RequestBody.Response.HeaderMutation.SetHeaders[0].Header.RawValue.ToStringUtf8());
        Assert.Equal("5", second.RequestBody.Response.HeaderMutation.SetHeaders[0].Header.RawValue.ToStringUtf8());
        replies.OnWritten();

        var third = replies.Body(new byte[42], contentLength: 42);
        Assert.Same(first, third);
        Assert.Equal("42", third.RequestBody.Response.HeaderMutation.SetHeaders[0].Header.RawValue.ToStringUtf8());
        replies.OnWritten();

        var fourth = replies.Body(new byte[3], contentLength: null);
        Assert.Same(first, fourth);
        Assert.Null(fourth.RequestBody.Response.HeaderMutation);
        Assert.Equal(int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Reused(replies, int.MaxValue).RequestBody.Response.HeaderMutation.SetHeaders[0].Header.RawValue.ToStringUtf8());
    }

    [Fact]
    public void Body_EmptyReplacement_ClearsTheBody()
    {
        var reply = new ReusableBodyReplies(Direction.Request).Body(ReadOnlyMemory<byte>.Empty, null);
        Assert.True(reply.RequestBody.Response.BodyMutation.ClearBodyFlag);
    }

    private static ProcessingResponse Reused(ReusableBodyReplies replies, int contentLength)
    {
        replies.OnWritten();
        return replies.Body(new byte[1], contentLength);
    }
}
