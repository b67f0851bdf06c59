using System.Diagnostics;
using System.Net.Http;
using Envoy.Service.ExtProc.V3;
using Grpc.Core;
using Grpc.Net.Client;

namespace PiiExtProc.Benchmarks.Load;

/// <summary>
/// Drives ext_proc streams the way Envoy does: each phase's messages are written (a STREAMED body's chunks
/// pipelined), then its replies are read before the next phase; then the client half-closes and reads the status.
/// Streams are spread round-robin over several HTTP/2 connections (one GrpcChannel each).
/// </summary>
internal sealed class LoadClient : IDisposable
{
    private readonly GrpcChannel[] _channels;
    private readonly ExternalProcessor.ExternalProcessorClient[] _clients;
    private int _next;

    public LoadClient(Uri address, int connections)
    {
        _channels = new GrpcChannel[connections];
        _clients = new ExternalProcessor.ExternalProcessorClient[connections];
        for (var i = 0; i < connections; i++)
        {
            var handler = new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
                KeepAlivePingDelay = Timeout.InfiniteTimeSpan,

                // The stream window Envoy opens to the ext_proc cluster in envoy/envoy.yaml (2 MiB), so replies that
                // carry a body back are not paced by WINDOW_UPDATEs a real Envoy would not need.
                InitialHttp2StreamWindowSize = 2 * 1024 * 1024,
            };
            _channels[i] = GrpcChannel.ForAddress(address, new GrpcChannelOptions
            {
                HttpHandler = handler,
                MaxReceiveMessageSize = 64 * 1024 * 1024,
                MaxSendMessageSize = 64 * 1024 * 1024,
            });
            _clients[i] = new ExternalProcessor.ExternalProcessorClient(_channels[i]);
        }
    }

    public ExternalProcessor.ExternalProcessorClient NextClient()
        => _clients[(int)((uint)Interlocked.Increment(ref _next) % (uint)_clients.Length)];

    /// <summary>Runs one whole stream; throws on a gRPC error or an unexpected reply.</summary>
    public async Task RunStreamAsync(ExchangeScenario scenario, CancellationToken cancellation = default)
    {
        using var call = NextClient().Process(cancellationToken: cancellation);
        var index = 0;
        foreach (var phase in scenario.Phases)
        {
            for (var i = 0; i < phase; i++)
            {
                await call.RequestStream.WriteAsync(scenario.Messages[index + i], cancellation);
            }

            for (var i = 0; i < phase; i++)
            {
                await ReadReplyAsync(call, cancellation);
            }

            index += phase;
        }

        await call.RequestStream.CompleteAsync();
        while (await call.ResponseStream.MoveNext(cancellation))
        {
            throw new InvalidOperationException("More replies than messages.");
        }
    }

    /// <summary>Closed loop: <paramref name="concurrency"/> workers each run streams back to back for the duration.</summary>
    public async Task<RunResult> RunClosedLoopAsync(ExchangeScenario scenario, int concurrency, TimeSpan duration)
    {
        var result = new RunResult();
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var workers = new Task[concurrency];
        for (var w = 0; w < concurrency; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                while (Stopwatch.GetTimestamp() < stopAt)
                {
                    var begin = Stopwatch.GetTimestamp();
                    try
                    {
                        await RunStreamAsync(scenario);
                        result.Latency.RecordTicks(Stopwatch.GetTimestamp() - begin);
                        Interlocked.Increment(ref result.Completed);
                    }
                    catch (Exception exception) when (exception is RpcException or InvalidOperationException or IOException)
                    {
                        result.CountError(exception);
                    }
                }
            });
        }

        await Task.WhenAll(workers);
        result.Elapsed = Stopwatch.GetElapsedTime(started);
        return result;
    }

    /// <summary>
    /// Open loop: starts streams at a fixed rate whatever the replies do; latency is measured from each stream's
    /// scheduled start (no coordinated omission). Streams beyond <paramref name="maxInFlight"/> are counted as dropped.
    /// </summary>
    public async Task<RunResult> RunOpenLoopAsync(ExchangeScenario scenario, double ratePerSecond, TimeSpan duration, int maxInFlight = 4096)
    {
        var result = new RunResult();
        var start = Stopwatch.GetTimestamp();
        var total = (long)(ratePerSecond * duration.TotalSeconds);
        var ticksPerStream = Stopwatch.Frequency / ratePerSecond;
        var inFlight = 0;
        var running = new List<Task>();
        long launched = 0;
        while (launched < total)
        {
            var due = Math.Min(total, (long)((Stopwatch.GetTimestamp() - start) / ticksPerStream) + 1);
            for (; launched < due; launched++)
            {
                var scheduled = start + (long)(launched * ticksPerStream);
                if (Volatile.Read(ref inFlight) >= maxInFlight)
                {
                    Interlocked.Increment(ref result.Dropped);
                    continue;
                }

                Interlocked.Increment(ref inFlight);
                running.Add(RunOneAsync(scenario, scheduled, result, () => Interlocked.Decrement(ref inFlight)));
            }

            await Task.Delay(1);
            if (running.Count > 50_000)
            {
                running.RemoveAll(task => task.IsCompleted);
            }
        }

        await Task.WhenAll(running);
        result.Elapsed = Stopwatch.GetElapsedTime(start);
        return result;
    }

    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
    }

    private async Task RunOneAsync(ExchangeScenario scenario, long scheduled, RunResult result, Action done)
    {
        await Task.Yield();
        try
        {
            await RunStreamAsync(scenario);
            result.Latency.RecordTicks(Stopwatch.GetTimestamp() - scheduled);
            Interlocked.Increment(ref result.Completed);
        }
        catch (Exception exception) when (exception is RpcException or InvalidOperationException or IOException)
        {
            result.CountError(exception);
        }
        finally
        {
            done();
        }
    }

    /// <summary>
    /// Reads the reply to one message. A reply carrying only <c>override_message_timeout</c> (our server asks for more
    /// time before a body of 1 MiB or more) answers nothing, as for Envoy: it is skipped and the real reply awaited.
    /// </summary>
    private static async Task ReadReplyAsync(AsyncDuplexStreamingCall<ProcessingRequest, ProcessingResponse> call, CancellationToken cancellation)
    {
        do
        {
            if (!await call.ResponseStream.MoveNext(cancellation))
            {
                throw new InvalidOperationException("The server ended the stream before replying to every message.");
            }
        }
        while (call.ResponseStream.Current.ResponseCase == ProcessingResponse.ResponseOneofCase.None
            && call.ResponseStream.Current.OverrideMessageTimeout is not null);

        if (call.ResponseStream.Current.ResponseCase == ProcessingResponse.ResponseOneofCase.ImmediateResponse)
        {
            throw new InvalidOperationException("The server answered with an immediate response.");
        }
    }
}

/// <summary>Counts and latencies of one load run.</summary>
internal sealed class RunResult
{
    public long Completed;
    public long Errors;
    public long Dropped;
    private string? _firstError;

    public LatencyHistogram Latency { get; } = new();

    public TimeSpan Elapsed { get; set; }

    public string? FirstError => _firstError;

    public double StreamsPerSecond => Completed / Elapsed.TotalSeconds;

    public void CountError(Exception exception)
    {
        Interlocked.Increment(ref Errors);
        Interlocked.CompareExchange(ref _firstError, exception.GetType().Name + ": " + exception.Message, null);
    }

    public void Add(RunResult other)
    {
        Completed += other.Completed;
        Errors += other.Errors;
        Dropped += other.Dropped;
        Elapsed += other.Elapsed;
        Latency.Add(other.Latency);
        _firstError ??= other.FirstError;
    }
}
