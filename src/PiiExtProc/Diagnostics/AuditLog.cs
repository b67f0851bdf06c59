using System.Threading.Channels;

namespace PiiExtProc.Diagnostics;

/// <summary>
/// The producer side of the audit event log: classifies a scan report, samples info-only events and queues the rest
/// for <see cref="AuditWriter"/>. Never blocks: when the bounded queue is full the new event is dropped and counted in
/// piiextproc_audit_events_dropped_total, so a slow sink never slows traffic.
/// </summary>
/// <remarks>Thread-safe; called from every stream. Reports without findings are not events.</remarks>
internal sealed class AuditLog
{
    private readonly AuditOptions _options;
    private readonly ProcessingMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly Channel<AuditEntry> _queue;

    /// <summary>Creates the log.</summary>
    public AuditLog(AuditOptions options, ProcessingMetrics metrics, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.QueueCapacity, 1);
        if (!(options.InfoSampleRate is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.InfoSampleRate, "The audit sample rate must be between 0 and 1.");
        }

        _options = options;
        _metrics = metrics;
        _time = time;
        _queue = Channel.CreateBounded<AuditEntry>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
    }

    /// <summary>The queue the writer drains.</summary>
    public ChannelReader<AuditEntry> Reader => _queue.Reader;

    /// <summary>Queues an event for <paramref name="report"/> when it has findings, audit is on and sampling keeps it.</summary>
    /// <returns>True when the event was queued.</returns>
    public bool Record(BodyScanReport report)
    {
        if (!_options.Enabled || report.Findings.Count == 0)
        {
            return false;
        }

        var severity = AuditSeverityClassifier.Classify(report.Direction, report.Findings);
        if (severity == AuditSeverity.Info && !Sampled(_options.InfoSampleRate))
        {
            return false;
        }

        if (_queue.Writer.TryWrite(new AuditEntry(_time.GetUtcNow(), severity, report)))
        {
            return true;
        }

        _metrics.AuditEventDropped();
        return false;
    }

    /// <summary>No more events: the writer drains the queue and stops.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    private static bool Sampled(double rate) => rate >= 1 || (rate > 0 && Random.Shared.NextDouble() < rate);
}
