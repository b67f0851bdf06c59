using System.Threading.Channels;
using Envoy.Service.ExtProc.V3;
using Grpc.Core;
using Grpc.Net.Client;

namespace PiiExtProc.Tests.Emulator;

/// <summary>The real side stream: one envoy.service.ext_proc.v3.ExternalProcessor/Process call over h2c. A reader
/// task drains replies continuously (Envoy never blocks its side stream on what it sends, protocol §14.1).</summary>
internal sealed class GrpcExtProcTransport : IExtProcTransport
{
    private readonly AsyncDuplexStreamingCall<ProcessingRequest, ProcessingResponse> _call;
    private readonly Channel<TransportEvent> _events = Channel.CreateUnbounded<TransportEvent>();
    private readonly CancellationTokenSource _reset = new();
    private readonly Task _reader;
    private bool _halfClosed;

    public GrpcExtProcTransport(GrpcChannel channel, IReadOnlyList<KeyValuePair<string, string>> initialMetadata)
    {
        var metadata = new Metadata();
        foreach (var (key, value) in initialMetadata)
        {
            metadata.Add(key, value);
        }

        var client = new ExternalProcessor.ExternalProcessorClient(channel);
        _call = client.Process(metadata, cancellationToken: _reset.Token);
        _reader = Task.Run(ReadAsync);
    }

    public async Task SendAsync(ProcessingRequest message)
    {
        try
        {
            await _call.RequestStream.WriteAsync(message);
        }
        catch (Exception exception) when (exception is RpcException or InvalidOperationException or IOException)
        {
            // The server already ended the call; its status arrives through the reader.
        }
    }

    public async Task<TransportEvent?> ReceiveAsync(TimeSpan timeout)
    {
        using var timer = new CancellationTokenSource(timeout);
        try
        {
            return await _events.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    public bool TryReceive(out TransportEvent? transportEvent) => _events.Reader.TryRead(out transportEvent);

    public async Task<(Status? Status, IReadOnlyList<ProcessingResponse> LateReplies)> CloseAsync(TimeSpan waitForStatus)
    {
        if (!_halfClosed)
        {
            _halfClosed = true;
            try
            {
                await _call.RequestStream.CompleteAsync();
            }
            catch (Exception exception) when (exception is RpcException or InvalidOperationException or IOException)
            {
            }
        }

        var late = new List<ProcessingResponse>();
        Status? status = null;
        if (waitForStatus > TimeSpan.Zero)
        {
            var deadline = DateTime.UtcNow + waitForStatus;
            while (status is null)
            {
                var remaining = deadline - DateTime.UtcNow;
                if (remaining <= TimeSpan.Zero)
                {
                    break;
                }

                var next = await ReceiveAsync(remaining);
                if (next is null)
                {
                    break;
                }

                if (next.Reply is { } reply)
                {
                    late.Add(reply);
                }
                else
                {
                    status = next.Closed;
                }
            }
        }

        await ResetAsync();
        return (status, late);
    }

    public async Task ResetAsync()
    {
        await _reset.CancelAsync();
        try
        {
            await _reader;
        }
        catch (Exception exception) when (exception is OperationCanceledException or RpcException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ResetAsync();
        _call.Dispose();
        _reset.Dispose();
    }

    private async Task ReadAsync()
    {
        try
        {
            while (await _call.ResponseStream.MoveNext(CancellationToken.None))
            {
                _events.Writer.TryWrite(TransportEvent.Of(_call.ResponseStream.Current));
            }

            _events.Writer.TryWrite(TransportEvent.End(_call.GetStatus()));
        }
        catch (RpcException exception)
        {
            _events.Writer.TryWrite(TransportEvent.End(exception.Status));
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or InvalidOperationException)
        {
        }
    }
}
