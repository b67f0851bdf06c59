using System.Buffers.Binary;
using System.Text;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// A small direct-mapped cache of JSON path (ASCII bytes, e.g. <c>$[].address.city</c>) → its string for one session:
/// arrays of records repeat the same paths, so each distinct path string is allocated once instead of once per
/// finding. Paths longer than <see cref="MaxPathBytes"/> or not ASCII are not cached (the caller builds them).
/// </summary>
internal struct JsonPathCache
{
    /// <summary>Longest path cached, bytes.</summary>
    public const int MaxPathBytes = 256;

    private const int Entries = 32;

    private byte[][]? _keys;
    private string[]? _paths;

    /// <summary>The string of <paramref name="path"/> (ASCII, at most <see cref="MaxPathBytes"/>), from the cache or new.</summary>
    public string Get(ReadOnlySpan<byte> path)
    {
        _keys ??= new byte[Entries][];
        _paths ??= new string[Entries];

        int entry = (int)(Hash(path) % Entries);
        byte[]? key = _keys[entry];
        if (key is not null && key.Length == path.Length && path.SequenceEqual(key))
        {
            return _paths[entry];
        }

        string result = Encoding.ASCII.GetString(path);
        _keys[entry] = path.ToArray();
        _paths[entry] = result;
        return result;
    }

    /// <summary>A multiplicative hash over the path's 8-byte words (little-endian), the tail zero padded.</summary>
    private static uint Hash(ReadOnlySpan<byte> path)
    {
        ulong hash = (ulong)path.Length * 0x9E3779B97F4A7C15UL;
        int i = 0;
        for (; i + 8 <= path.Length; i += 8)
        {
            hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(path[i..])) * 0xC2B2AE3D27D4EB4FUL;
            hash ^= hash >> 29;
        }

        ulong tail = 0;
        for (int shift = 0; i < path.Length; i++, shift += 8)
        {
            tail |= (ulong)path[i] << shift;
        }

        hash = (hash ^ tail) * 0x165667B19E3779F9UL;
        return (uint)(hash ^ (hash >> 32));
    }
}
