using PiiExtProc.Diagnostics;
using PiiExtProc.Routing;

namespace PiiExtProc.Processing;

/// <summary>
/// A bounded, thread-safe, lock-free pool of idle <see cref="ExtProcStream"/>s (each with its two direction states and
/// their buffer writers), so that a Process call does not allocate them. A stream returned while every slot is full is
/// dropped to the garbage collector.
/// </summary>
internal sealed class ExtProcStreamPool
{
    private readonly ExtProcStream?[] _slots;

    /// <summary>Creates an empty pool keeping at most <paramref name="capacity"/> idle streams.</summary>
    public ExtProcStreamPool(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _slots = new ExtProcStream?[capacity];
    }

    /// <summary>The process-wide pool: eight idle streams per processor, between 32 and 512.</summary>
    public static ExtProcStreamPool Shared { get; } = new(Math.Clamp(Environment.ProcessorCount * 8, 32, 512));

    /// <summary>Idle streams kept at most.</summary>
    public int Capacity => _slots.Length;

    /// <summary>An idle stream (reset when it was returned) or a new one, set up for a new Process call.</summary>
    public ExtProcStream Rent(IPolicySnapshot policy, IProcessingTelemetry telemetry, string? policyHeader)
    {
        var slots = _slots;
        ExtProcStream? stream = null;
        for (var i = 0; i < slots.Length; i++)
        {
            var candidate = Volatile.Read(ref slots[i]);
            if (candidate is not null && Interlocked.CompareExchange(ref slots[i], null, candidate) == candidate)
            {
                stream = candidate;
                break;
            }
        }

        stream ??= new ExtProcStream(policy, telemetry, policyHeader);
        stream.OnRent(this, policy, telemetry, policyHeader);
        return stream;
    }

    /// <summary>Keeps <paramref name="stream"/> (reset by its Dispose) for a later rent.</summary>
    /// <returns>False when the pool is full.</returns>
    public bool Return(ExtProcStream stream)
    {
        var slots = _slots;
        for (var i = 0; i < slots.Length; i++)
        {
            if (Volatile.Read(ref slots[i]) is null && Interlocked.CompareExchange(ref slots[i], stream, null) is null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Idle streams in the pool now (tests).</summary>
    internal int IdleCount
    {
        get
        {
            var count = 0;
            foreach (var slot in _slots)
            {
                count += slot is null ? 0 : 1;
            }

            return count;
        }
    }
}
