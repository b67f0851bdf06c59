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

        // FNV-1a over the path's bytes, folded to the table size.
        uint hash = 2166136261;
        foreach (byte b in path)
        {
            hash = (hash ^ b) * 16777619;
        }

        int entry = (int)((hash ^ (hash >> 16)) % Entries);
        byte[]? key = _keys[entry];
        if (key is not null && path.SequenceEqual(key))
        {
            return _paths[entry];
        }

        string result = Encoding.ASCII.GetString(path);
        _keys[entry] = path.ToArray();
        _paths[entry] = result;
        return result;
    }
}
