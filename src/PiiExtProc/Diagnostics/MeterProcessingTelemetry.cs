using System.Diagnostics;
using PiiExtProc.Processing;

namespace PiiExtProc.Diagnostics;

/// <summary>
/// The <see cref="IProcessingTelemetry"/> of `serve`: records the piiextproc_* metrics, queues audit events for bodies
/// with findings, and annotates the stream's span (when tracing is on) with what each body scan found.
/// </summary>
/// <remarks>Thread-safe and non-blocking. Per message: one histogram record; per body: a few counter adds and, with
/// findings, one queued audit entry (its findings pooled, released by the writer). Findings carry no raw value, so nothing recorded here can hold one.</remarks>
internal sealed class MeterProcessingTelemetry : IProcessingTelemetry
{
    private readonly ProcessingMetrics _metrics;
    private readonly AuditLog _audit;

    /// <summary>Creates the telemetry.</summary>
    public MeterProcessingTelemetry(ProcessingMetrics metrics, AuditLog audit)
    {
        _metrics = metrics;
        _audit = audit;
    }

    /// <inheritdoc/>
    public void StreamStarted() => _metrics.StreamStarted();

    /// <inheritdoc/>
    public void StreamEnded(string? errorCause)
    {
        _metrics.StreamEnded(errorCause);
        if (errorCause is not null && Activity.Current is { Source.Name: TelemetryNames.ActivitySourceName } activity)
        {
            activity.SetStatus(ActivityStatusCode.Error, errorCause);
        }
    }

    /// <inheritdoc/>
    public void MessageProcessed(MessageType type, double seconds) => _metrics.MessageProcessed(type, seconds);

    /// <inheritdoc/>
    public void BodyScanned(BodyScanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _metrics.BodyScanned(report);
        if (!_audit.Record(report))
        {
            // Queued reports are released by the audit writer once serialized.
            report.ReleaseFindings();
        }

        if (Activity.Current is { IsAllDataRequested: true, Source.Name: TelemetryNames.ActivitySourceName } activity)
        {
            activity.SetTag("piiextproc.route", report.RuleName);
            activity.SetTag("piiextproc.policy_version", report.PolicyVersion);
            activity.AddEvent(new ActivityEvent("body_scanned", tags: new ActivityTagsCollection
            {
                ["direction"] = LabelValues.Of(report.Direction),
                ["bytes"] = report.BytesScanned,
                ["finding_count"] = report.FindingCount,
                ["blocked"] = report.Blocked,
            }));
        }
    }

    /// <inheritdoc/>
    public void BodySkipped(Direction direction, string ruleName, SkipReason reason) => _metrics.BodySkipped(direction, ruleName, reason);
}
