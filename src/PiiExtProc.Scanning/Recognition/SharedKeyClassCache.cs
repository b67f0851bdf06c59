using System.Threading;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// The scanner-wide cache of JSON property name → <see cref="KeyClass"/> (<see cref="KeywordTable.ClassifyKey"/>), shared
/// by every session and thread, so that a new session does not classify the keys every body repeats again. Fixed size,
/// direct-mapped, no allocation after construction: each entry is guarded by a sequence number (odd while a writer
/// fills it); a reader that sees the number change, or odd, misses. A writer that finds an entry busy skips the store.
/// </summary>
internal sealed class SharedKeyClassCache
{
    /// <summary>Longest key cached, bytes.</summary>
    public const int MaxKeyBytes = 31;

    private const int Entries = 1024;
    private const int Stride = MaxKeyBytes + 1;

    private readonly byte[] _keys = new byte[Entries * Stride];
    private readonly KeyClass[] _classes = new KeyClass[Entries];
    private readonly int[] _sequences = new int[Entries];

    /// <summary>The class cached for <paramref name="key"/> (1-<see cref="MaxKeyBytes"/> bytes) with hash <paramref name="hash"/>.</summary>
    public bool TryGet(ReadOnlySpan<byte> key, uint hash, out KeyClass result)
    {
        int entry = (int)(hash % Entries);
        int sequence = Volatile.Read(ref _sequences[entry]);
        ReadOnlySpan<byte> stored = _keys.AsSpan(entry * Stride, Stride);
        bool same = (sequence & 1) == 0 && stored[0] == key.Length && stored.Slice(1, key.Length).SequenceEqual(key);
        result = _classes[entry];

        // The reads above complete before the sequence is read again.
        Interlocked.MemoryBarrier();
        if (same && Volatile.Read(ref _sequences[entry]) == sequence)
        {
            return true;
        }

        result = default;
        return false;
    }

    /// <summary>Stores <paramref name="value"/> for <paramref name="key"/> (1-<see cref="MaxKeyBytes"/> bytes), unless a writer holds the entry.</summary>
    public void Add(ReadOnlySpan<byte> key, uint hash, KeyClass value)
    {
        int entry = (int)(hash % Entries);
        int sequence = Volatile.Read(ref _sequences[entry]);
        if ((sequence & 1) != 0 || Interlocked.CompareExchange(ref _sequences[entry], sequence + 1, sequence) != sequence)
        {
            return;
        }

        Span<byte> stored = _keys.AsSpan(entry * Stride, Stride);
        stored[0] = (byte)key.Length;
        key.CopyTo(stored[1..]);
        _classes[entry] = value;
        Volatile.Write(ref _sequences[entry], sequence + 2);
    }
}
