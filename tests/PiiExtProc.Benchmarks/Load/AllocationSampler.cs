using System.Diagnostics.Tracing;
using System.Globalization;

namespace PiiExtProc.Benchmarks.Load;

/// <summary>
/// Which types the process allocates, sampled: the runtime's GC AllocationTick event fires about once per 100 KB
/// allocated and names the type of the object that crossed the mark, so over tens of MB the counts are proportional to
/// each type's share of the allocated bytes. `allocations --sample-types` prints the table after the timed streams.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, long> _bytesByType = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private long _total;

    /// <summary>Prints the sampled types, largest share first, and clears the counts.</summary>
    public void PrintAndClear(TextWriter output, long streams)
    {
        lock (_gate)
        {
            output.WriteLine("|   sampled type (AllocationTick, ~100 KB each) | share | ~bytes per stream |");
            foreach (var (type, bytes) in _bytesByType.OrderByDescending(pair => pair.Value).Take(15))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"|   {type} | {100.0 * bytes / Math.Max(1, _total):0.0}% | {bytes / (double)Math.Max(1, streams):0} |"));
            }

            Clear();
        }
    }

    /// <summary>Clears the counts.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _bytesByType.Clear();
            _total = 0;
        }
    }

    /// <inheritdoc/>
    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    /// <inheritdoc/>
    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.PayloadNames is null)
        {
            return;
        }

        var typeIndex = eventData.PayloadNames.IndexOf("TypeName");
        var amountIndex = eventData.PayloadNames.IndexOf("AllocationAmount64");
        if (typeIndex < 0 || amountIndex < 0)
        {
            return;
        }

        var type = eventData.Payload![typeIndex] as string ?? "?";
        var amount = Convert.ToInt64(eventData.Payload[amountIndex], CultureInfo.InvariantCulture);
        lock (_gate)
        {
            _bytesByType[type] = _bytesByType.GetValueOrDefault(type) + amount;
            _total += amount;
        }
    }
}
