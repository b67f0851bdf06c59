using System.Buffers;
using System.Buffers.Binary;
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

        uint hash = Hash(key);

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

    /// <summary>
    /// A multiplicative hash of a key of 1 to <see cref="MaxKeyBytes"/> bytes from at most three 8-byte words (first,
    /// middle, last; 4 to 7 bytes as two overlapping 4-byte words, 1 to 3 bytes as first, middle and last byte) and
    /// the length: a few multiplications instead of one per byte.
    /// </summary>
    internal static uint Hash(ReadOnlySpan<byte> key)
    {
        ulong first;
        ulong last;
        ulong middle = 0;
        if (key.Length >= 8)
        {
            first = BinaryPrimitives.ReadUInt64LittleEndian(key);
            last = BinaryPrimitives.ReadUInt64LittleEndian(key[^8..]);
            if (key.Length > 16)
            {
                middle = BinaryPrimitives.ReadUInt64LittleEndian(key.Slice((key.Length / 2) - 4, 8));
            }
        }
        else if (key.Length >= 4)
        {
            // Two overlapping 4-byte reads cover 4 to 7 bytes.
            first = BinaryPrimitives.ReadUInt32LittleEndian(key);
            last = BinaryPrimitives.ReadUInt32LittleEndian(key[^4..]);
        }
        else
        {
            first = key[0] | ((ulong)key[key.Length / 2] << 8) | ((ulong)key[^1] << 16);
            last = 0;
        }

        ulong hash = (first * 0x9E3779B97F4A7C15UL) ^ (last * 0xC2B2AE3D27D4EB4FUL) ^ (middle * 0x165667B19E3779F9UL) ^ (ulong)key.Length;
        hash ^= hash >> 29;
        return (uint)(hash ^ (hash >> 32));
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
