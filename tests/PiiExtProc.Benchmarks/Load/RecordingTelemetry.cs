using System.Globalization;
using System.Text;
using PiiExtProc.Diagnostics;
using PiiExtProc.Processing;

namespace PiiExtProc.Benchmarks.Load;

/// <summary>
/// The benchmark servers' telemetry: a histogram of server-side time per message (receive to reply built, the
/// interval ExternalProcessorService measures around ExtProcStream.Handle) per message type, and stream and error
/// counts. Served as text on the admin port at /bench/stats; /bench/reset clears it. Every call is forwarded to the
/// production telemetry (metrics and audit), so the server measured does what a deployed one does.
/// </summary>
internal sealed class RecordingTelemetry(IProcessingTelemetry inner) : IProcessingTelemetry
{
    private readonly LatencyHistogram[] _messages = [.. Enumerable.Range(0, 6).Select(_ => new LatencyHistogram())];
    private long _streamsStarted;
    private long _streamsEnded;
    private long _streamErrors;
    private long _bodiesScanned;
    private long _findings;
    private long _allocatedAtReset = GC.GetTotalAllocatedBytes(precise: true);
    private TimeSpan _cpuAtReset = CpuTime();

    public void StreamStarted()
    {
        inner.StreamStarted();
        Interlocked.Increment(ref _streamsStarted);
    }

    public void StreamEnded(string? errorCause)
    {
        inner.StreamEnded(errorCause);
        Interlocked.Increment(ref _streamsEnded);
        if (errorCause is not null)
        {
            Interlocked.Increment(ref _streamErrors);
        }
    }

    public void MessageProcessed(MessageType type, double seconds)
    {
        inner.MessageProcessed(type, seconds);
        _messages[(int)type].Record((long)(seconds * 1e9));
    }

    public void BodyScanned(BodyScanReport report)
    {
        inner.BodyScanned(report);
        Interlocked.Increment(ref _bodiesScanned);
        Interlocked.Add(ref _findings, report.FindingCount);
    }

    public void BodySkipped(Direction direction, string ruleName, SkipReason reason) => inner.BodySkipped(direction, ruleName, reason);

    /// <summary>Streams ended since the last <see cref="Reset"/>.</summary>
    public long StreamsEnded => Interlocked.Read(ref _streamsEnded);

    /// <summary>Clears counts and histograms and restarts the allocation counter.</summary>
    public void Reset()
    {
        foreach (var histogram in _messages)
        {
            histogram.Reset();
        }

        _streamsStarted = 0;
        _streamsEnded = 0;
        _streamErrors = 0;
        _bodiesScanned = 0;
        _findings = 0;
        _allocatedAtReset = GC.GetTotalAllocatedBytes(precise: true);
        _cpuAtReset = CpuTime();
    }

    /// <summary>User + system CPU time of the whole server process (all threads, GC included).</summary>
    private static TimeSpan CpuTime()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>The stats as "name value" lines; histograms serialized with <see cref="LatencyHistogram.Serialize"/>.</summary>
    public string Render(bool collect)
    {
        if (collect)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        var builder = new StringBuilder();
        var info = GC.GetGCMemoryInfo();
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        Line(builder, "streams_started", _streamsStarted);
        Line(builder, "streams_ended", _streamsEnded);
        Line(builder, "stream_errors", _streamErrors);
        Line(builder, "bodies_scanned", _bodiesScanned);
        Line(builder, "findings", _findings);
        Line(builder, "allocated_bytes", GC.GetTotalAllocatedBytes(precise: true) - _allocatedAtReset);
        Line(builder, "cpu_us", (long)(CpuTime() - _cpuAtReset).TotalMicroseconds);
        Line(builder, "gc_heap_bytes", GC.GetTotalMemory(forceFullCollection: false));
        Line(builder, "gc_heap_size_bytes", info.HeapSizeBytes);
        Line(builder, "gc_committed_bytes", info.TotalCommittedBytes);
        Line(builder, "working_set_bytes", process.WorkingSet64);
        Line(builder, "gc_collections_gen0", GC.CollectionCount(0));
        Line(builder, "gc_collections_gen2", GC.CollectionCount(2));
        Line(builder, "gc_server", System.Runtime.GCSettings.IsServerGC ? 1 : 0);
        for (var i = 0; i < _messages.Length; i++)
        {
            builder.Append("message_ns.").Append((MessageType)i).Append(' ').Append(_messages[i].Serialize()).Append('\n');
        }

        return builder.ToString();
    }

    private static void Line(StringBuilder builder, string name, long value)
        => builder.Append(name).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
