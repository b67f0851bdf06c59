using Envoy.Service.ExtProc.V3;
using Grpc.Core;

namespace PiiExtProc.Tests.Emulator;

/// <summary>The ext_proc side stream as the emulator uses it: the real gRPC call, or a scripted server.</summary>
internal interface IExtProcTransport : IAsyncDisposable
{
    /// <summary>Writes one message (Envoy never half-closes between messages).</summary>
    Task SendAsync(ProcessingRequest message);

    /// <summary>The next server event, or null when none arrives within <paramref name="timeout"/>.</summary>
    Task<TransportEvent?> ReceiveAsync(TimeSpan timeout);

    /// <summary>An event that has already arrived, without waiting.</summary>
    bool TryReceive(out TransportEvent? transportEvent);

    /// <summary>Half-closes (END_STREAM). When <paramref name="waitForStatus"/> is positive, waits that long for the
    /// server to end the call and returns its status and any replies it still sent; then resets the stream.</summary>
    Task<(Status? Status, IReadOnlyList<ProcessingResponse> LateReplies)> CloseAsync(TimeSpan waitForStatus);

    /// <summary>Resets the stream without END_STREAM (downstream reset, or after a local reply).</summary>
    Task ResetAsync();
}
