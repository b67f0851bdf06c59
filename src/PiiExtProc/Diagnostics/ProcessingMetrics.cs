using System.Diagnostics;
using System.Diagnostics.Metrics;
using PiiExtProc.Processing;

namespace PiiExtProc.Diagnostics;

/// <summary>
/// The instruments of the Meter "PiiExtProc". The OpenTelemetry Prometheus exporter turns each instrument name and unit
/// into the names of interfaces.md ("piiextproc.message_duration" in "s" becomes piiextproc_message_duration_seconds,
/// counters get "_total"; a unit would be appended, so byte counters carry none); ServerMetricsTests scrape /metrics
/// to prove it.
/// </summary>
/// <remarks>
/// Thread-safe. Recording uses <see cref="TagList"/> (no allocation for up to eight tags) and interned label values.
/// Every label is a bounded set: entity names (built-in plus the policy's custom entities), policy rule names,
/// directions, message types, skip reasons, finding actions and stream error causes; never a raw value or path.
/// </remarks>
internal sealed class ProcessingMetrics
{
    /// <summary>
    /// Upper bounds of the duration histogram's buckets, seconds: 10 µs to 1 s in 1-2-5 steps, so that the
    /// tens of microseconds a small message takes are resolved as well as a slow 100 ms body.
    /// </summary>
    public static readonly double[] DurationBucketsSeconds =
    [
        0.00001, 0.00002, 0.00005, 0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1,
    ];

    /// <summary>Distinct (entity, operator) pairs counted per body before the oldest is added early.</summary>
    private const int MaxDetectionGroups = 32;

    /// <summary>Per-thread scratch of <see cref="BodyScanned"/> (cleared after each body).</summary>
    [ThreadStatic]
    private static DetectionGroup[]? s_detectionGroups;

    private readonly DetectionCounters _detections = new();
    private readonly Counter<long> _bodiesScanned;
    private readonly Counter<long> _bodyBytesScanned;
    private readonly Counter<long> _bodiesSkipped;
    private readonly Counter<long> _blockedExchanges;
    private readonly Histogram<double> _messageDuration;
    private readonly UpDownCounter<long> _activeStreams;
    private readonly Counter<long> _streamErrors;
    private long _auditEventsDropped;

    /// <summary>Creates the instruments on a Meter from <paramref name="meterFactory"/> (disposed with the host).</summary>
    /// <param name="meterFactory">The host's meter factory.</param>
    /// <param name="reloadStatus">Read on every collection for the policy reload counter and version gauge.</param>
    public ProcessingMetrics(IMeterFactory meterFactory, IPolicyReloadStatus reloadStatus)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(TelemetryNames.MeterName);
        meter.CreateObservableCounter(
            "piiextproc.detections", _detections.Observe, "{finding}", "Findings by entity, operator action, direction and policy rule.");
        _bodiesScanned = meter.CreateCounter<long>(
            "piiextproc.bodies_scanned", "{body}", "Bodies (and scanned header values with findings) whose scan completed.");
        _bodyBytesScanned = meter.CreateCounter<long>(
            "piiextproc.body_bytes_scanned", unit: null, "Bytes scanned, UTF-8 after decompression.");
        _bodiesSkipped = meter.CreateCounter<long>(
            "piiextproc.bodies_skipped", "{body}", "Bodies not scanned, by reason.");
        _blockedExchanges = meter.CreateCounter<long>(
            "piiextproc.blocked_exchanges", "{exchange}", "Exchanges answered with an immediate response because of a finding or an unscannable body.");
        _messageDuration = meter.CreateHistogram(
            "piiextproc.message_duration",
            "s",
            "Time to handle one ProcessingRequest, from receipt to replies built.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBucketsSeconds });
        _activeStreams = meter.CreateUpDownCounter<long>(
            "piiextproc.active_streams", "{stream}", "ext_proc Process streams open now.");
        _streamErrors = meter.CreateCounter<long>(
            "piiextproc.stream_errors", "{stream}", "Streams that ended with an error status, by cause.");
        // Observed rather than added to, so the series exists (at 0) from the first scrape and alerts see no gap.
        meter.CreateObservableCounter(
            "piiextproc.audit_events_dropped",
            () => Interlocked.Read(ref _auditEventsDropped),
            "{event}",
            "Audit events dropped because the audit queue was full or the sink failed.");
        meter.CreateObservableCounter(
            "piiextproc.policy_reloads",
            () => ObserveReloads(reloadStatus),
            "{reload}",
            "Policy hot reloads by result (success or failure).");
        meter.CreateObservableGauge(
            "piiextproc.policy_info",
            () => new Measurement<long>(1, new KeyValuePair<string, object?>("version", reloadStatus.CurrentVersion)),
            unit: null,
            description: "1 for the version of the policy in use.");
    }

    /// <summary>A stream opened.</summary>
    public void StreamStarted() => _activeStreams.Add(1);

    /// <summary>A stream closed; <paramref name="errorCause"/> is null for a normal end, else a bounded cause label.</summary>
    public void StreamEnded(string? errorCause)
    {
        _activeStreams.Add(-1);
        if (errorCause is not null)
        {
            _streamErrors.Add(1, new KeyValuePair<string, object?>("cause", errorCause));
        }
    }

    /// <summary>One message was handled in <paramref name="seconds"/>.</summary>
    public void MessageProcessed(MessageType type, double seconds)
        => _messageDuration.Record(seconds, new KeyValuePair<string, object?>("message_type", LabelValues.Of(type)));

    /// <summary>A body scan completed: counts the body, its bytes, its kept findings and a block.</summary>
    /// <remarks>
    /// Findings beyond the session's kept limit are not in <see cref="BodyScanReport.Findings"/> and so are not counted
    /// by entity. The operator label is the policy operator kind (mask, replace, redact, hash) for rewritten findings, else
    /// observe, block, below_combination_threshold or allowed.
    /// </remarks>
    public void BodyScanned(BodyScanReport report)
    {
        var direction = LabelValues.Of(report.Direction);
        var route = new KeyValuePair<string, object?>("route", report.RuleName);
        var directionTag = new KeyValuePair<string, object?>("direction", direction);
        var bodyTags = new TagList { directionTag, route };
        _bodiesScanned.Add(1, bodyTags);
        _bodyBytesScanned.Add(report.BytesScanned, bodyTags);
        if (report.Blocked)
        {
            _blockedExchanges.Add(1, bodyTags);
        }

        // One Add per (entity, operator) of the body, not per finding: a dense body has hundreds of findings of a dozen kinds.
        var findings = report.Findings;
        var groups = s_detectionGroups ??= new DetectionGroup[MaxDetectionGroups];
        var groupCount = 0;
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            var entity = finding.Entity.Name;
            var operatorName = LabelValues.Of(finding, report.Entities);
            var g = 0;
            while (g < groupCount && !(ReferenceEquals(groups[g].Entity, entity) && ReferenceEquals(groups[g].Operator, operatorName)))
            {
                g++;
            }

            if (g == groupCount)
            {
                if (groupCount == MaxDetectionGroups)
                {
                    AddDetections(groups[0], direction, report.RuleName);
                    g = 0;
                    groups[0] = default;
                }
                else
                {
                    groupCount++;
                }

                groups[g] = new DetectionGroup(entity, operatorName, 0);
            }

            groups[g] = groups[g] with { Count = groups[g].Count + 1 };
        }

        for (var g = 0; g < groupCount; g++)
        {
            AddDetections(groups[g], direction, report.RuleName);
            groups[g] = default;
        }
    }

    private void AddDetections(DetectionGroup group, string direction, string route)
        => _detections.Add(group.Entity, group.Operator, direction, route, group.Count);

    /// <summary>A body was not scanned.</summary>
    public void BodySkipped(Direction direction, string ruleName, SkipReason reason)
        => _bodiesSkipped.Add(
            1,
            new KeyValuePair<string, object?>("direction", LabelValues.Of(direction)),
            new KeyValuePair<string, object?>("route", ruleName),
            new KeyValuePair<string, object?>("reason", LabelValues.Of(reason)));

    /// <summary>Audit events were dropped: the queue was full, or the sink refused a batch.</summary>
    /// <param name="count">Events dropped together (a batch the sink refused), at least 1.</param>
    public void AuditEventDropped(int count = 1) => Interlocked.Add(ref _auditEventsDropped, count);

    /// <summary>Audit events dropped since start.</summary>
    public long AuditEventsDropped => Interlocked.Read(ref _auditEventsDropped);

    private static Measurement<long>[] ObserveReloads(IPolicyReloadStatus status) =>
    [
        new(status.SuccessfulReloads, new KeyValuePair<string, object?>("result", "success")),
        new(status.FailedReloads, new KeyValuePair<string, object?>("result", "failure")),
    ];

    /// <summary>Findings of one entity and operator label in a body (the strings are label values, compared by reference).</summary>
    private readonly record struct DetectionGroup(string Entity, string Operator, long Count);
}
