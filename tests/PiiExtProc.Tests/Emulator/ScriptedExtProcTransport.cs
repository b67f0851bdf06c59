using Envoy.Service.ExtProc.V3;
using Grpc.Core;

namespace PiiExtProc.Tests.Emulator;

/// <summary>
/// A scripted server for checking the emulator itself (its rules, not the real server): a function answers each
/// message with any events. Time is virtual: when no event is queued, a wait returns at once as if the timer fired.
/// </summary>
internal sealed class ScriptedExtProcTransport : IExtProcTransport
{
    private readonly Func<ProcessingRequest, int, IEnumerable<TransportEvent>> _responder;
    private readonly Queue<TransportEvent> _queue = new();
    private int _index;

    public ScriptedExtProcTransport(Func<ProcessingRequest, int, IEnumerable<TransportEvent>> responder) => _responder = responder;

    public List<ProcessingRequest> Received { get; } = [];

    public bool WasReset { get; private set; }

    public Task SendAsync(ProcessingRequest message)
    {
        Received.Add(message.Clone());
        foreach (var transportEvent in _responder(message, _index++))
        {
            _queue.Enqueue(transportEvent);
        }

        return Task.CompletedTask;
    }

    public Task<TransportEvent?> ReceiveAsync(TimeSpan timeout)
        => Task.FromResult(_queue.TryDequeue(out var next) ? next : null);

    public bool TryReceive(out TransportEvent? transportEvent) => _queue.TryDequeue(out transportEvent);

    public Task<(Status? Status, IReadOnlyList<ProcessingResponse> LateReplies)> CloseAsync(TimeSpan waitForStatus)
    {
        WasReset = true;
        var late = _queue.Where(e => e.Reply is not null).Select(e => e.Reply!).ToList();
        return Task.FromResult<(Status?, IReadOnlyList<ProcessingResponse>)>((new Status(StatusCode.OK, string.Empty), late));
    }

    public Task ResetAsync()
    {
        WasReset = true;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
