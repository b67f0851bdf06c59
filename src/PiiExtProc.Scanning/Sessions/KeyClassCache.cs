using System.Buffers;
using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// A small two-way set-associative cache of JSON property name → <see cref="KeyClass"/> for one session: arrays of records
/// repeat the same keys, so each distinct key is classified once. Buffers are rented on first use and returned by
/// <see cref="Return"/>; keys longer than <see cref="MaxKeyBytes"/> are classified every time.
/// </summary>
internal struct KeyClassCache
{
    /// <summary>Longest key cached, bytes.</summary>
    public const int MaxKeyBytes = 31;

    private const int Entries = 128;
    private const int Stride = MaxKeyBytes + 1;

    private byte[]? _keys;
    private KeyClass[]? _classes;

    /// <summary>The class of <paramref name="key"/> (unescaped UTF-8), from the cache or <paramref name="table"/>.</summary>
    public KeyClass Classify(ReadOnlySpan<byte> key, KeywordTable table)
    {
        if (key.IsEmpty || key.Length > MaxKeyBytes)
        {
            return table.ClassifyKey(key);
        }

        if (_keys is null || _classes is null)
        {
            _keys = ArrayPool<byte>.Shared.Rent(Entries * Stride);
            _classes = ArrayPool<KeyClass>.Shared.Rent(Entries);
            Array.Clear(_keys, 0, Entries * Stride);
        }

        // FNV-1a over the key's bytes (at most 31), folded to the table size.
        uint hash = 2166136261;
        foreach (byte b in key)
        {
            hash = (hash ^ b) * 16777619;
        }

        // Two-way set associative: a set is two adjacent entries.
        int set = (int)((hash ^ (hash >> 16)) % Entries) & ~1;
        for (int way = 0; way < 2; way++)
        {
            Span<byte> entry = _keys.AsSpan((set + way) * Stride, Stride);
            if (entry[0] == key.Length && entry.Slice(1, key.Length).SequenceEqual(key))
            {
                return _classes[set + way];
            }
        }

        int victim = set + (_keys[set * Stride] == 0 ? 0 : _keys[(set + 1) * Stride] == 0 ? 1 : (int)((hash >> 24) & 1));
        KeyClass result = table.ClassifyKey(key);
        Span<byte> target = _keys.AsSpan(victim * Stride, Stride);
        target[0] = (byte)key.Length;
        key.CopyTo(target[1..]);
        _classes[victim] = result;
        return result;
    }

    /// <summary>Returns the rented buffers.</summary>
    public void Return()
    {
        if (_keys is not null)
        {
            ArrayPool<byte>.Shared.Return(_keys);
            _keys = null;
        }

        if (_classes is not null)
        {
            ArrayPool<KeyClass>.Shared.Return(_classes);
            _classes = null;
        }
    }
}
