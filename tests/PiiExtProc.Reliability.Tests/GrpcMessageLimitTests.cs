using Envoy.Service.ExtProc.V3;
using Grpc.Core;
using PiiExtProc.Reliability.Tests.Support;

namespace PiiExtProc.Reliability.Tests;

/// <summary>A gRPC message above ServeOptions.MaxMessageBytes ends the call with a non-OK status, never OK.</summary>
public sealed class GrpcMessageLimitTests
{
    [Fact]
    public async Task Process_MessageAboveMaxMessageBytes_EndsCallNonOk()
    {
        const int limit = 256 * 1024;
        await using var server = await InProcessServer.StartAsync(TestPolicies.Source(), options => options with { MaxMessageBytes = limit });
        using var channel = server.CreateChannel();
        var client = new ExternalProcessor.ExternalProcessorClient(channel);
        using var call = client.Process(deadline: DateTime.UtcNow.AddSeconds(30));

        await call.RequestStream.WriteAsync(Messages.RequestHeaders());
        Assert.True(await call.ResponseStream.MoveNext());
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await call.RequestStream.WriteAsync(Messages.RequestBody(BodyLimitTests.PlainBody(limit + 1), endOfStream: true));
            await call.RequestStream.CompleteAsync();
            while (await call.ResponseStream.MoveNext())
            {
            }
        });

        var status = error is RpcException rpc ? rpc.StatusCode : call.GetStatus().StatusCode;
        // The server ends the call with ResourceExhausted; the client may observe it as Cancelled when its own write is
        // cut short. Either way never OK, so Envoy fails closed (status_on_error).
        Assert.NotEqual(StatusCode.OK, status);
    }
}
