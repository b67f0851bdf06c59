using System.Buffers;
using System.Buffers.Binary;
using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// A small two-way set-associative cache of JSON property name → <see cref="KeyClass"/> for one session: arrays of records
/// repeat the same keys, so each distinct key is classified once. Buffers are rented on first use and returned by
/// <see cref="Return"/>; keys longer than <see cref="MaxKeyBytes"/> are classified every time.
/// </summary>
/// <remarks>
/// Each entry also remembers the JSON path of its key under the last container path it was asked for (by reference):
/// records of an array repeat the same key under the same container, so a value's path is found with the key's class
/// (<see cref="TryGetPath"/>) instead of a second lookup by name. An entry's stamp changes when it is replaced, so a
/// remembered entry (<c>entry</c>, <c>stamp</c>) is only used while it still holds the same key.
/// </remarks>
internal struct KeyClassCache
{
    /// <summary>Longest key cached, bytes.</summary>
    public const int MaxKeyBytes = 31;

    private const int Entries = 128;
    private const int Stride = MaxKeyBytes + 1;

    private byte[]? _keys;
    private KeyClass[]? _classes;
    private Memo[]? _memos;
    private int _lastStamp;

    /// <summary>The class of <paramref name="key"/> (unescaped UTF-8), from the cache or <paramref name="table"/>.</summary>
    public KeyClass Classify(ReadOnlySpan<byte> key, KeywordTable table)
    {
        Lookup(key, table, out KeyClass keyClass);
        return keyClass;
    }

    /// <summary>
    /// The class of <paramref name="key"/> (unescaped UTF-8), from the cache or <paramref name="table"/>, and the entry
    /// that holds it (-1 when the key is not cached) with the entry's current stamp, for <see cref="TryGetPath"/>.
    /// <paramref name="mayHoldEntity"/>: <see cref="PropertyNameTriggers.MayHoldEntity"/> (the session scans such a name as
    /// a value), remembered with a cached key (its whole name: a key of up to <see cref="MaxKeyBytes"/>), else tested on
    /// <paramref name="wholeName"/> (the name <paramref name="key"/> may be a prefix of, raw or unescaped).
    /// </summary>
    /// <remarks>The class is an out parameter so that a hit copies it from the cache straight to its destination (a
    /// returned class went through a temporary written in parts and read whole, a store-forwarding stall).</remarks>
    public void Classify(ReadOnlySpan<byte> key, ReadOnlySpan<byte> wholeName, KeywordTable table, out KeyClass keyClass, out int entryIndex, out int stamp, out bool mayHoldEntity)
    {
        entryIndex = Lookup(key, table, out keyClass);
        if (entryIndex >= 0)
        {
            ref Memo memo = ref _memos![entryIndex];
            stamp = memo.Stamp;
            mayHoldEntity = memo.MayHoldEntity;
        }
        else
        {
            stamp = 0;
            mayHoldEntity = PropertyNameTriggers.MayHoldEntity(wholeName);
        }
    }

    /// <summary>
    /// Empties entry <paramref name="entryIndex"/> (a key that turned out to be data, such as a mobile number used as a
    /// property name), so that the cache does not keep it.
    /// </summary>
    public readonly void Forget(int entryIndex)
    {
        if (_keys is not null && _memos is not null && (uint)entryIndex < Entries)
        {
            _keys.AsSpan(entryIndex * Stride, Stride).Clear();
            _memos[entryIndex] = default;
        }
    }

    /// <summary>Classifies <paramref name="key"/> through the cache; returns the entry that holds it, or -1.</summary>
    private int Lookup(ReadOnlySpan<byte> key, KeywordTable table, out KeyClass keyClass)
    {
        if (key.IsEmpty || key.Length > MaxKeyBytes)
        {
            keyClass = table.ClassifyKey(key);
            return -1;
        }

        if (_keys is null || _classes is null || _memos is null)
        {
            _keys = ArrayPool<byte>.Shared.Rent(Entries * Stride);
            _classes = ArrayPool<KeyClass>.Shared.Rent(Entries);
            _memos = ArrayPool<Memo>.Shared.Rent(Entries);
            Array.Clear(_keys, 0, Entries * Stride);
            Array.Clear(_memos, 0, Entries);
        }

        uint hash = Hash(key);

        // Two-way set associative: a set is two adjacent entries.
        int set = (int)((hash ^ (hash >> 16)) % Entries) & ~1;
        for (int way = 0; way < 2; way++)
        {
            Span<byte> entry = _keys.AsSpan((set + way) * Stride, Stride);
            if (entry[0] == key.Length && entry.Slice(1, key.Length).SequenceEqual(key))
            {
                keyClass = _classes[set + way];
                return set + way;
            }
        }

        int victim = set + (_keys[set * Stride] == 0 ? 0 : _keys[(set + 1) * Stride] == 0 ? 1 : (int)((hash >> 24) & 1));
        KeyClass result = table.ClassifyKey(key);
        Span<byte> target = _keys.AsSpan(victim * Stride, Stride);
        target[0] = (byte)key.Length;
        key.CopyTo(target[1..]);
        _classes[victim] = result;
        _memos[victim] = new Memo { Stamp = ++_lastStamp, MayHoldEntity = PropertyNameTriggers.MayHoldEntity(key) };
        keyClass = result;
        return victim;
    }

    /// <summary>
    /// The path remembered for the key in entry <paramref name="entryIndex"/> (from <see cref="Classify(ReadOnlySpan{byte}, ReadOnlySpan{byte}, KeywordTable, out KeyClass, out int, out int, out bool)"/>)
    /// under the container path <paramref name="parent"/> (compared by reference), while the entry still has
    /// <paramref name="stamp"/>.
    /// </summary>
    public readonly bool TryGetPath(int entryIndex, int stamp, string parent, out string path)
    {
        if (_memos is not null && (uint)entryIndex < Entries)
        {
            ref Memo memo = ref _memos[entryIndex];
            if (memo.Stamp == stamp && ReferenceEquals(memo.Parent, parent))
            {
                path = memo.Path!;
                return true;
            }
        }

        path = string.Empty;
        return false;
    }

    /// <summary>Remembers <paramref name="path"/>, the path of the key in the entry under <paramref name="parent"/>, while the entry has <paramref name="stamp"/>.</summary>
    public readonly void RememberPath(int entryIndex, int stamp, string parent, string path)
    {
        if (_memos is not null && (uint)entryIndex < Entries && _memos[entryIndex].Stamp == stamp)
        {
            ref Memo memo = ref _memos[entryIndex];
            memo.Parent = parent;
            memo.Path = path;
        }
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

        if (_memos is not null)
        {
            // Cleared, so that no path outlives the session.
            ArrayPool<Memo>.Shared.Return(_memos, clearArray: true);
            _memos = null;
        }
    }

    /// <summary>An entry's stamp (changes when the entry is replaced), trigger test and remembered path.</summary>
    private struct Memo
    {
        public int Stamp;

        /// <summary><see cref="PropertyNameTriggers.MayHoldEntity"/> of the key.</summary>
        public bool MayHoldEntity;

        /// <summary>The container path the path was built under (compared by reference), or null.</summary>
        public string? Parent;

        public string? Path;
    }
}
