using System.Buffers;
using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// A small direct-mapped cache of JSON property name → <see cref="KeyClass"/> for one session: arrays of records
/// repeat the same keys, so each distinct key is classified once. Buffers are rented on first use and returned by
/// <see cref="Return"/>; keys longer than <see cref="MaxKeyBytes"/> are classified every time.
/// </summary>
internal struct KeyClassCache
{
    /// <summary>Longest key cached, bytes.</summary>
    public const int MaxKeyBytes = 31;

    private const int Entries = 64;
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

        int slot = (int)((uint)((key.Length * 7) + (key[0] * 31) + (key[^1] * 131) + (key[key.Length / 2] * 17)) % Entries);
        Span<byte> entry = _keys.AsSpan(slot * Stride, Stride);
        if (entry[0] == key.Length && entry.Slice(1, key.Length).SequenceEqual(key))
        {
            return _classes[slot];
        }

        KeyClass result = table.ClassifyKey(key);
        entry[0] = (byte)key.Length;
        key.CopyTo(entry[1..]);
        _classes[slot] = result;
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
