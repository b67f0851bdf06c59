using Envoy.Service.ExtProc.V3;
using PiiExtProc.Processing;

namespace PiiExtProc.Tests;

/// <summary>
/// The shared CONTINUE replies: one instance per kind, never changed. This assembly's conformance tests send them
/// through real streams at the same time, so a reply changed after it was built shows up here as a non-empty one.
/// </summary>
public sealed class ProcessingResponsesTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ContinueReplies_WithoutMutation_SharedAndEmpty(bool request)
    {
        var direction = request ? Direction.Request : Direction.Response;
        Assert.Same(ProcessingResponses.Headers(direction, null, null), ProcessingResponses.Headers(direction, null, null));
        Assert.Same(ProcessingResponses.Body(direction, null, null), ProcessingResponses.Body(direction, null, null));
        Assert.Same(ProcessingResponses.Trailers(direction), ProcessingResponses.Trailers(direction));
        Assert.Same(ProcessingResponses.Body(direction, ReadOnlyMemory<byte>.Empty, null), ProcessingResponses.Body(direction, ReadOnlyMemory<byte>.Empty, null));
        var clear = ProcessingResponses.Body(direction, ReadOnlyMemory<byte>.Empty, null);
        Assert.True((request ? clear.RequestBody : clear.ResponseBody).Response.BodyMutation.ClearBodyFlag);
        Assert.Null((request ? clear.RequestBody : clear.ResponseBody).Response.HeaderMutation);
        Assert.Equal(
            request ? new ProcessingResponse { RequestHeaders = new() } : new ProcessingResponse { ResponseHeaders = new() },
            ProcessingResponses.Headers(direction, null, null));
        Assert.Equal(
            request ? new ProcessingResponse { RequestBody = new() } : new ProcessingResponse { ResponseBody = new() },
            ProcessingResponses.Body(direction, null, null));
        Assert.Equal(
            request ? new ProcessingResponse { RequestTrailers = new() } : new ProcessingResponse { ResponseTrailers = new() },
            ProcessingResponses.Trailers(direction));
    }

    [Fact]
    public void Headers_WithModeOverride_NewInstanceAndSharedOneUntouched()
    {
        var mode = new Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode();
        var reply = ProcessingResponses.Headers(Direction.Request, null, mode);
        Assert.NotSame(ProcessingResponses.Headers(Direction.Request, null, null), reply);
        Assert.Same(mode, reply.ModeOverride);
        Assert.Null(ProcessingResponses.Headers(Direction.Request, null, null).ModeOverride);
    }
}
