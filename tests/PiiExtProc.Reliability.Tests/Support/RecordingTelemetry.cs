using System.Collections.Concurrent;
using PiiExtProc.Diagnostics;
using PiiExtProc.Processing;

namespace PiiExtProc.Reliability.Tests.Support;

/// <summary>Thread-safe telemetry that counts what the server reports, for assertions (pass-through counted, errors by cause).</summary>
internal sealed class RecordingTelemetry : IProcessingTelemetry
{
    private long _started;
    private long _ended;
    private long _messages;

    public long StreamsStarted => Interlocked.Read(ref _started);

    public long StreamsEnded => Interlocked.Read(ref _ended);

    public long MessagesProcessed => Interlocked.Read(ref _messages);

    public ConcurrentDictionary<string, long> ErrorsByCause { get; } = new();

    public ConcurrentDictionary<SkipReason, long> Skipped { get; } = new();

    public ConcurrentQueue<BodyScanReport> Reports { get; } = new();

    public void StreamStarted() => Interlocked.Increment(ref _started);

    public void StreamEnded(string? errorCause)
    {
        Interlocked.Increment(ref _ended);
        if (errorCause is not null)
        {
            ErrorsByCause.AddOrUpdate(errorCause, 1, (_, count) => count + 1);
        }
    }

    public void MessageProcessed(MessageType type, double seconds) => Interlocked.Increment(ref _messages);

    public void BodyScanned(BodyScanReport report)
    {
        if (Reports.Count < 10_000)
        {
            Reports.Enqueue(report);
        }
    }

    public void BodySkipped(Direction direction, string ruleName, SkipReason reason)
        => Skipped.AddOrUpdate(reason, 1, (_, count) => count + 1);
}
