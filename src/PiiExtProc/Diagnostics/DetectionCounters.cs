using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace PiiExtProc.Diagnostics;

/// <summary>
/// The running totals behind the piiextproc.detections counter, kept here and read by the meter at collection time
/// (an observable counter) instead of one <c>Counter.Add</c> per (entity, operator) of every body: a body with findings
/// adds a dozen kinds, and each Add through the OpenTelemetry SDK looks its four tags up under a lock.
/// </summary>
/// <remarks>
/// Thread-safe: a dictionary lookup and an interlocked add per label set. The label sets are bounded like every metric
/// label (entity, operator, direction, policy rule); past <see cref="MaxLabelSets"/> distinct sets, as the OpenTelemetry
/// SDK does past its cardinality limit, further findings are counted in one series labelled
/// <c>otel.metric.overflow=true</c>.
/// </remarks>
internal sealed class DetectionCounters
{
    /// <summary>Distinct label sets kept (the OpenTelemetry SDK's default cardinality limit per metric).</summary>
    public const int MaxLabelSets = 2000;

    private readonly ConcurrentDictionary<DetectionLabels, StrongBox<long>> _counts = new();
    private long _overflow;

    /// <summary>Adds <paramref name="count"/> findings to the series of these labels.</summary>
    public void Add(string entity, string operatorName, string direction, string route, long count)
    {
        var labels = new DetectionLabels(entity, operatorName, direction, route);
        if (!_counts.TryGetValue(labels, out var total))
        {
            if (_counts.Count >= MaxLabelSets)
            {
                Interlocked.Add(ref _overflow, count);
                return;
            }

            total = _counts.GetOrAdd(labels, static _ => new StrongBox<long>());
        }

        Interlocked.Add(ref total.Value, count);
    }

    /// <summary>The totals so far, one measurement per label set (the meter's callback; runs at each collection).</summary>
    public IEnumerable<Measurement<long>> Observe()
    {
        foreach (var (labels, total) in _counts)
        {
            yield return new Measurement<long>(
                Interlocked.Read(ref total.Value),
                new KeyValuePair<string, object?>("entity", labels.Entity),
                new KeyValuePair<string, object?>("operator", labels.Operator),
                new KeyValuePair<string, object?>("direction", labels.Direction),
                new KeyValuePair<string, object?>("route", labels.Route));
        }

        if (Interlocked.Read(ref _overflow) is > 0 and var overflow)
        {
            yield return new Measurement<long>(overflow, new KeyValuePair<string, object?>("otel.metric.overflow", true));
        }
    }

    /// <summary>The labels of one detections series (label values, compared as strings).</summary>
    private readonly record struct DetectionLabels(string Entity, string Operator, string Direction, string Route);
}
