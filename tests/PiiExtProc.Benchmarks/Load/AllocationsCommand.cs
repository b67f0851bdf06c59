using System.Globalization;
using Envoy.Service.ExtProc.V3;
using PiiExtProc.Benchmarks.Corpus;
using PiiExtProc.Diagnostics;
using PiiExtProc.Processing;

namespace PiiExtProc.Benchmarks.Load;

/// <summary>
/// `allocations [--streams 20000] [--scenario NAME (also the 1 MB ones)] [--telemetry null|production] [--streams-only] [--per-message] [--sample-types]`: bytes allocated per stream by our processing alone, in process: one
/// ExtProcStream per stream handling the scenario's (already parsed) messages, replies built, buffers reset, stream
/// disposed; GC.GetAllocatedBytesForCurrentThread around N streams, divided by N. Body bytes stay in the parsed
/// messages and the pooled output buffers, so this is the allocation outside body buffers (issue 8 goal: 1 KB).
/// gRPC/Kestrel/protobuf parsing are excluded; the load run's "alloc B/stream" column has the whole server.
/// `--telemetry production` uses the server's metrics (OpenTelemetry SDK listening, as with the Prometheus exporter)
/// and audit log, its events serialized on this thread as the audit writer does (<see cref="ProductionTelemetry"/>).
/// </summary>
internal static class AllocationsCommand
{
    public static int Run(Arguments arguments)
    {
        var streams = arguments.GetInt("streams", 20_000);
        var only = arguments.Get("scenario", "");
        var policy = BenchmarkPolicy.CreateSource();
        using var telemetry = ProductionTelemetry.Create(arguments.Get("telemetry", "null"), policy);
        Console.WriteLine($"telemetry: {telemetry.Name}");
        Console.WriteLine("| scenario | messages | allocated bytes per stream | per message | CPU us per stream | body message p50 / p99 / max us (one thread) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var scenario in only.Length > 0 ? [ExchangeScenario.Find(only)] : ExchangeScenario.Standard)
        {

            var replies = new List<ProcessingResponse>(4);
            RunStreams(scenario, policy, telemetry, replies, Math.Min(2_000, streams), bodyTimes: null);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var cpuBefore = CpuClock.Now();
            var bodyTimes = new LatencyHistogram();
            using var sampler = arguments.Has("sample-types") ? new AllocationSampler() : null;
            RunStreams(scenario, policy, telemetry, replies, streams, bodyTimes);
            var cpu = (CpuClock.Now() - cpuBefore).TotalMicroseconds / streams;
            var perStream = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)streams;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {scenario.Name} | {scenario.Messages.Length} | {perStream:0} | {perStream / scenario.Messages.Length:0} | {cpu:0.0} | {bodyTimes.Percentile(50) / 1e3:0.0} / {bodyTimes.Percentile(99) / 1e3:0.0} / {bodyTimes.Max / 1e3:0.0} |"));
            if (arguments.Has("per-message"))
            {
                PrintPerMessage(scenario, policy, replies, Math.Min(streams, 1_000));
            }

            sampler?.PrintAndClear(Console.Out, streams);
        }

        if (telemetry.AuditEvents > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"audit events serialized: {telemetry.AuditEvents}"));
        }

        if (only.Length > 0 || arguments.Has("streams-only"))
        {
            return 0;
        }

        Console.WriteLine();
        Console.WriteLine("| body | bytes | allocated bytes per scan (pooled session, scanner alone) | findings | MB per CPU second |");
        Console.WriteLine("|---|---|---|---|---|");
        var scanner = policy.Current.Resolve(Routing.StreamRoute.Unknown, Direction.Response, "application/json").Scanner;
        var output = new System.Buffers.ArrayBufferWriter<byte>(4 << 20);
        foreach (var kind in new[] { BodyKind.CleanJson, BodyKind.OrderJson, BodyKind.DenseJson, BodyKind.DenseCsv, BodyKind.LogLines })
        {
            foreach (var size in new[] { 1024, 16 * 1024, 1024 * 1024 })
            {
                var body = BodyCorpus.Get(kind, size);
                var format = BodyCorpus.FormatOf(kind);
                var iterations = Math.Max(5, (int)Math.Min(streams, 64L * 1024 * 1024 / body.Length));
                var findings = 0;
                for (var i = 0; i < Math.Min(2_000, iterations); i++)
                {
                    output.ResetWrittenCount();
                    using var session = scanner.RentSession(format);
                    session.Process(body, isFinal: true, output);
                    findings = session.FindingCount;
                }

                var before = GC.GetAllocatedBytesForCurrentThread();
                var cpuBefore = CpuClock.Now();
                for (var i = 0; i < iterations; i++)
                {
                    output.ResetWrittenCount();
                    using var session = scanner.RentSession(format);
                    session.Process(body, isFinal: true, output);
                }

                var cpuSeconds = (CpuClock.Now() - cpuBefore).TotalSeconds;
                var perScan = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)iterations;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {kind} | {body.Length} | {perScan:0} | {findings} | {(double)body.Length * iterations / 1e6 / cpuSeconds:0.0} |"));
            }
        }

        // Calibration on the same machine and moment: a vectorized byte search and System.Text.Json's tokenizer over
        // the 1 MB clean JSON body, so the scanner's MB per CPU second can be judged against known-fast loops.
        var clean = BodyCorpus.Get(BodyKind.CleanJson, 1024 * 1024);
        var probe = System.Buffers.SearchValues.Create("\u0001\u0002"u8);
        Calibrate("calibration: IndexOfAny (2 absent bytes)", clean, body => body.AsSpan().IndexOfAny(probe));
        Calibrate("calibration: Utf8JsonReader (tokens only)", clean, body =>
        {
            var reader = new System.Text.Json.Utf8JsonReader(body);
            var tokens = 0;
            while (reader.Read())
            {
                tokens++;
            }

            return tokens;
        });
        return 0;
    }

    private static void Calibrate(string name, byte[] body, Func<byte[], int> run)
    {
        for (var i = 0; i < 20; i++)
        {
            run(body);
        }

        var cpuBefore = CpuClock.Now();
        var iterations = 0;
        var sink = 0;
        while ((CpuClock.Now() - cpuBefore).TotalSeconds < 0.5)
        {
            for (var i = 0; i < 10; i++)
            {
                sink += run(body);
            }

            iterations += 10;
        }

        var cpuSeconds = (CpuClock.Now() - cpuBefore).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {body.Length} | - | {sink % 1} | {(double)body.Length * iterations / 1e6 / cpuSeconds:0.0} |"));
    }

    /// <summary>`--per-message`: bytes allocated per stream around the stream's creation, each Handle call, and the end.</summary>
    private static void PrintPerMessage(ExchangeScenario scenario, Routing.IPolicySource policy, List<ProcessingResponse> replies, int count)
    {
        var bytes = new long[scenario.Messages.Length + 2];
        for (var i = 0; i < count; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var stream = ExtProcStream.Rent(policy.Current, NullProcessingTelemetry.Instance, policyHeader: null);
            bytes[0] += GC.GetAllocatedBytesForCurrentThread() - before;
            for (var m = 0; m < scenario.Messages.Length; m++)
            {
                before = GC.GetAllocatedBytesForCurrentThread();
                replies.Clear();
                stream.Handle(scenario.Messages[m], replies);
                stream.OnRepliesWritten();
                bytes[m + 1] += GC.GetAllocatedBytesForCurrentThread() - before;
            }

            before = GC.GetAllocatedBytesForCurrentThread();
            stream.OnRequestStreamEnded();
            stream.Dispose();
            bytes[^1] += GC.GetAllocatedBytesForCurrentThread() - before;
        }

        var parts = new List<string> { string.Create(CultureInfo.InvariantCulture, $"new {bytes[0] / (double)count:0}") };
        for (var m = 0; m < scenario.Messages.Length; m++)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{scenario.Messages[m].RequestCase} {bytes[m + 1] / (double)count:0}"));
        }

        parts.Add(string.Create(CultureInfo.InvariantCulture, $"end {bytes[^1] / (double)count:0}"));
        Console.WriteLine($"|   per message (B) | {string.Join(", ", parts)} | | | |");
    }

    /// <summary>Runs <paramref name="count"/> streams; records each body message's Handle time in <paramref name="bodyTimes"/>.</summary>
    private static void RunStreams(
        ExchangeScenario scenario, Routing.IPolicySource policy, ProductionTelemetry telemetry, List<ProcessingResponse> replies, int count, LatencyHistogram? bodyTimes)
    {
        var sink = telemetry.Telemetry;
        for (var i = 0; i < count; i++)
        {
            // As ExternalProcessorService.Process does around each stream and message.
            sink.StreamStarted();
            using (var stream = ExtProcStream.Rent(policy.Current, sink, policyHeader: null))
            {
                foreach (var message in scenario.Messages)
                {
                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    replies.Clear();
                    stream.Handle(message, replies);
                    var elapsed = System.Diagnostics.Stopwatch.GetTimestamp() - started;
                    sink.MessageProcessed(MessageType.RequestBody, elapsed / (double)System.Diagnostics.Stopwatch.Frequency);
                    if (message.RequestCase is ProcessingRequest.RequestOneofCase.RequestBody or ProcessingRequest.RequestOneofCase.ResponseBody)
                    {
                        bodyTimes?.RecordTicks(elapsed);
                    }

                    stream.OnRepliesWritten();
                }

                stream.OnRequestStreamEnded();
            }

            sink.StreamEnded(null);
            telemetry.DrainAudit();
        }
    }
}
