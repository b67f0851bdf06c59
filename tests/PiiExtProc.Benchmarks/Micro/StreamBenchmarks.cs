using BenchmarkDotNet.Attributes;
using Envoy.Service.ExtProc.V3;
using PiiExtProc.Benchmarks.Corpus;
using PiiExtProc.Benchmarks.Load;
using PiiExtProc.Diagnostics;
using PiiExtProc.Processing;
using PiiExtProc.Routing;

namespace PiiExtProc.Benchmarks.Micro;

/// <summary>
/// The per-stream state machine without transport: one operation is one whole stream (ExtProcStream created,
/// request headers + 1 KB body + response headers + 10 KB body handled, replies built, buffers reset, disposed), so
/// "Allocated" is bytes per stream. Messages are parsed once in setup, as gRPC hands them over.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class StreamBenchmarks
{
    private readonly List<ProcessingResponse> _replies = new(4);
    private IPolicySource _policy = null!;
    private ExchangeScenario _scenario = null!;

    [Params(false, true)]
    public bool Pii { get; set; }

    [Params(false, true)]
    public bool Streamed { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _policy = BenchmarkPolicy.CreateSource();
        _scenario = ExchangeScenario.Create(Pii, Streamed);
    }

    [Benchmark]
    public int Stream()
    {
        using var stream = new ExtProcStream(_policy.Current, NullProcessingTelemetry.Instance, policyHeader: null);
        var replies = 0;
        foreach (var message in _scenario.Messages)
        {
            _replies.Clear();
            stream.Handle(message, _replies);
            replies += _replies.Count;
            stream.OnRepliesWritten();
        }

        stream.OnRequestStreamEnded();
        return replies;
    }
}
