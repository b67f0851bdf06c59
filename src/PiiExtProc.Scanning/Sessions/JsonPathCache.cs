using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// A small four-way set-associative cache of JSON paths for one session, keyed by the path string of the container (by
/// reference) and the step into it: a property name (UTF-8 bytes) or "an element" of an array. Arrays of records
/// repeat the same paths, so each distinct path string is built once (from its container's cached string) instead of
/// once per finding. Paths longer than <see cref="MaxPathBytes"/> are not cached (the caller builds them).
/// </summary>
internal struct JsonPathCache
{
    /// <summary>Longest path cached, bytes (UTF-8).</summary>
    public const int MaxPathBytes = 256;

    private const int Sets = 16;

    private const int Ways = 4;

    private Entry[]? _entries;

    /// <summary>The path of the elements of the array at <paramref name="parent"/>: <c>parent[]</c>.</summary>
    public string Element(string parent) => Get(parent, default, element: true);

    /// <summary>The path of property <paramref name="name"/> (UTF-8) of the object at <paramref name="parent"/>: <c>parent.name</c>.</summary>
    public string Property(string parent, ReadOnlySpan<byte> name) => Get(parent, name, element: false);

    private string Get(string parent, ReadOnlySpan<byte> name, bool element)
    {
        if (_entries is null)
        {
            _entries = ArrayPool<Entry>.Shared.Rent(Sets * Ways);
            Array.Clear(_entries, 0, Sets * Ways);
        }

        uint hash = (element ? 0x9E3779B9u : Hash(name)) ^ (uint)RuntimeHelpers.GetHashCode(parent);
        int set = (int)((hash ^ (hash >> 16)) % Sets) * Ways;
        for (int way = 0; way < Ways; way++)
        {
            ref Entry entry = ref _entries[set + way];
            if (ReferenceEquals(entry.Parent, parent) && (element ? entry.Name is null : entry.Name is not null && name.SequenceEqual(entry.Name)))
            {
                return entry.Path!;
            }
        }

        string path = element ? parent + "[]" : string.Concat(parent, ".", Encoding.UTF8.GetString(name));

        // Replace an empty way, else the one the hash picks.
        int victim = set + (int)((hash >> 24) % Ways);
        for (int way = 0; way < Ways; way++)
        {
            if (_entries[set + way].Parent is null)
            {
                victim = set + way;
                break;
            }
        }

        _entries[victim] = new Entry { Parent = parent, Name = element ? null : name.ToArray(), Path = path };
        return path;
    }

    /// <summary>Returns the pooled entries (cleared, so that no path outlives the session).</summary>
    public void Return()
    {
        if (_entries is not null)
        {
            ArrayPool<Entry>.Shared.Return(_entries, clearArray: true);
            _entries = null;
        }
    }

    /// <summary>A multiplicative hash over the name's 8-byte words (little-endian), the tail zero padded.</summary>
    private static uint Hash(ReadOnlySpan<byte> name)
    {
        ulong hash = (ulong)name.Length * 0x9E3779B97F4A7C15UL;
        int i = 0;
        for (; i + 8 <= name.Length; i += 8)
        {
            hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(name[i..])) * 0xC2B2AE3D27D4EB4FUL;
            hash ^= hash >> 29;
        }

        ulong tail = 0;
        for (int shift = 0; i < name.Length; i++, shift += 8)
        {
            tail |= (ulong)name[i] << shift;
        }

        hash = (hash ^ tail) * 0x165667B19E3779F9UL;
        return (uint)(hash ^ (hash >> 32));
    }

    private struct Entry
    {
        /// <summary>The container's path (compared by reference); null for an empty entry.</summary>
        public string? Parent;

        /// <summary>The property name, or null for the element step.</summary>
        public byte[]? Name;

        public string? Path;
    }
}
