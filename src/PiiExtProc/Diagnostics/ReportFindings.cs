using System.Collections;
using Microsoft.Extensions.ObjectPool;
using PiiExtProc.Scanning;

namespace PiiExtProc.Diagnostics;

/// <summary>
/// The findings of one <see cref="BodyScanReport"/>, copied out of the scan session (the session is reused as soon as its
/// body is done) into a pooled array, so a body with findings does not allocate a new array per report.
/// </summary>
/// <remarks>
/// <para>Lifetime: the report's last reader calls <see cref="Release"/> once: the telemetry when no audit event was queued,
/// else the audit writer after it serialized the event. After release the list reads as empty and is reused by a later
/// report, so nothing may read it any more. A reader that keeps the report and never releases (test telemetry) is safe:
/// the list then goes to the GC like any object.</para>
/// <para>Pooled: up to <see cref="MaxRetained"/> lists of up to <see cref="MaxPooledCapacity"/> findings; larger lists
/// (dense bodies) are let go on release. Thread-safe: the audit writer releases on its own thread.</para>
/// </remarks>
internal sealed class ReportFindings : IReadOnlyList<PiiFinding>
{
    /// <summary>Lists kept in the pool; more released at once go to the GC (the audit queue can hold thousands).</summary>
    public const int MaxRetained = 1024;

    /// <summary>Findings a pooled list may hold; a list grown past this for a dense body is not kept.</summary>
    public const int MaxPooledCapacity = 1024;

    private static readonly ObjectPool<ReportFindings> s_pool = new DefaultObjectPool<ReportFindings>(new PoolPolicy(), MaxRetained);

    private PiiFinding[] _items = new PiiFinding[16];
    private int _count;
    private int _released = 1;

    /// <inheritdoc/>
    public int Count => _count;

    /// <inheritdoc/>
    public PiiFinding this[int index]
        => (uint)index < (uint)_count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index), index, "Past the report's findings.");

    /// <summary>A pooled copy of <paramref name="source"/>; the shared empty list when it has no findings (nothing to release).</summary>
    public static IReadOnlyList<PiiFinding> CopyOf(IReadOnlyList<PiiFinding> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var count = source.Count;
        if (count == 0)
        {
            return [];
        }

        var findings = s_pool.Get();
        if (findings._items.Length < count)
        {
            findings._items = new PiiFinding[Math.Max(count, findings._items.Length * 2)];
        }

        var items = findings._items;
        for (var i = 0; i < count; i++)
        {
            items[i] = source[i];
        }

        findings._count = count;
        findings._released = 0;
        return findings;
    }

    /// <summary>
    /// Gives <paramref name="findings"/> back to the pool when it is a pooled list not yet released; anything else (the
    /// empty list, an array, a list already released) is left alone, so a second release does nothing.
    /// </summary>
    public static void Release(IReadOnlyList<PiiFinding> findings)
    {
        if (findings is ReportFindings pooled && Interlocked.Exchange(ref pooled._released, 1) == 0)
        {
            Array.Clear(pooled._items, 0, pooled._count);
            pooled._count = 0;
            s_pool.Return(pooled);
        }
    }

    /// <inheritdoc/>
    public IEnumerator<PiiFinding> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _items[i];
        }
    }

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class PoolPolicy : IPooledObjectPolicy<ReportFindings>
    {
        public ReportFindings Create() => new();

        public bool Return(ReportFindings obj) => obj._items.Length <= MaxPooledCapacity;
    }
}
