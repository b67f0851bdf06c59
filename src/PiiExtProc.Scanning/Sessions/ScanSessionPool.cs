using System.Diagnostics;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// A bounded, thread-safe, lock-free pool of idle <see cref="BodyScanSession"/>s of one <see cref="PiiScanner"/>, so that
/// a stream's bodies reuse sessions (their lists, rented buffers and caches) instead of allocating two per stream.
/// </summary>
/// <remarks>
/// One fast slot plus an array of slots, each taken and filled with a compare-exchange; no allocation after the first
/// rents. A session returned while every slot is full is dropped (its buffers go back to the array pool). At most
/// <see cref="Capacity"/> idle sessions are kept, each holding at most a few tens of KB
/// (<see cref="BodyScanSession.MaxKeptBufferBytes"/>).
/// </remarks>
internal sealed class ScanSessionPool
{
    private readonly PiiScanner _scanner;
    private readonly BodyScanSession?[] _slots;
    private BodyScanSession? _fast;

    /// <summary>Creates an empty pool for <paramref name="scanner"/>'s sessions.</summary>
    /// <param name="scanner">The scanner whose sessions are pooled.</param>
    /// <param name="capacity">Idle sessions kept, at least 1.</param>
    public ScanSessionPool(PiiScanner scanner, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _scanner = scanner;
        _slots = new BodyScanSession?[capacity - 1];
    }

    /// <summary>Idle sessions kept at most: four per processor, between 16 and 128.</summary>
    public static int DefaultCapacity => Math.Clamp(Environment.ProcessorCount * 4, 16, 128);

    /// <summary>Idle sessions kept at most.</summary>
    public int Capacity => _slots.Length + 1;

    /// <summary>An idle session reset for a new body in <paramref name="format"/>, or a new one.</summary>
    public BodyScanSession Rent(BodyFormat format)
    {
        BodyScanSession? session = _fast;
        if (session is null || Interlocked.CompareExchange(ref _fast, null, session) != session)
        {
            session = null;
            BodyScanSession?[] slots = _slots;
            for (int i = 0; i < slots.Length; i++)
            {
                BodyScanSession? candidate = Volatile.Read(ref slots[i]);
                if (candidate is not null && Interlocked.CompareExchange(ref slots[i], null, candidate) == candidate)
                {
                    session = candidate;
                    break;
                }
            }
        }

        session ??= new BodyScanSession(_scanner, format);
        session.OnRent(this, format);
        return session;
    }

    /// <summary>Keeps <paramref name="session"/> (just returned by its owner) for a later rent.</summary>
    /// <returns>False when the pool is full: the caller releases the session's buffers.</returns>
    public bool Return(BodyScanSession session)
    {
        Debug.Assert(session is not null);
        if (_fast is null && Interlocked.CompareExchange(ref _fast, session, null) is null)
        {
            return true;
        }

        BodyScanSession?[] slots = _slots;
        for (int i = 0; i < slots.Length; i++)
        {
            if (Volatile.Read(ref slots[i]) is null && Interlocked.CompareExchange(ref slots[i], session, null) is null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Idle sessions in the pool now (tests).</summary>
    internal int IdleCount
    {
        get
        {
            int count = Volatile.Read(ref _fast) is null ? 0 : 1;
            foreach (BodyScanSession? slot in _slots)
            {
                count += slot is null ? 0 : 1;
            }

            return count;
        }
    }
}
