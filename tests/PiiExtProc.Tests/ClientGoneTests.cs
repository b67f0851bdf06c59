using Grpc.Core;
using Microsoft.AspNetCore.Connections;
using PiiExtProc.Processing;

namespace PiiExtProc.Tests;

/// <summary>
/// Which exceptions end a stream as a client close (logged as cancelled, not counted as an internal error): a load
/// generator closing its connections at the end of a run made two "internal" stream errors per run before
/// ConnectionAbortedException was recognised.
/// </summary>
public sealed class ClientGoneTests
{
    [Fact]
    public void IsClientGone_ConnectionAbortedBeforeCancellationSignalled_ClientGone()
        => Assert.True(ExternalProcessorService.IsClientGone(new ConnectionAbortedException("The connection was aborted."), cancellationRequested: false));

    [Fact]
    public void IsClientGone_IOException_ClientGone()
        => Assert.True(ExternalProcessorService.IsClientGone(new IOException("reset"), cancellationRequested: false));

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void IsClientGone_OperationCanceled_OnlyWhenTheCallWasCancelled(bool cancellationRequested, bool expected)
        => Assert.Equal(expected, ExternalProcessorService.IsClientGone(new OperationCanceledException(), cancellationRequested));

    [Fact]
    public void IsClientGone_CancelledRpcWhileCallCancelled_ClientGone()
        => Assert.True(ExternalProcessorService.IsClientGone(new RpcException(new Status(StatusCode.Cancelled, "gone")), cancellationRequested: true));

    [Fact]
    public void IsClientGone_ProgrammingError_NotClientGone()
        => Assert.False(ExternalProcessorService.IsClientGone(new InvalidOperationException("bug"), cancellationRequested: true));
}
