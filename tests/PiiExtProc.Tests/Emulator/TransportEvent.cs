using Envoy.Service.ExtProc.V3;
using Grpc.Core;

namespace PiiExtProc.Tests.Emulator;

/// <summary>Something the server did on the side stream: sent a reply, or ended the call with a status.</summary>
internal sealed record TransportEvent(ProcessingResponse? Reply, Status? Closed)
{
    public static TransportEvent Of(ProcessingResponse reply) => new(reply, null);

    public static TransportEvent End(Status status) => new(null, status);
}
