using System.Text;

namespace PiiExtProc.Processing;

/// <summary>
/// The strings of header values that repeat from stream to stream (content-type, :method, :authority,
/// content-encoding), so that each distinct value is decoded once instead of once per message. A direct-mapped table of
/// <see cref="Entries"/> immutable entries, read and replaced without locks; values over <see cref="MaxValueBytes"/> are
/// not cached. A miss (new value, or a collision) decodes and replaces the entry, so the table stays bounded whatever
/// values clients send.
/// </summary>
internal static class HeaderValueCache
{
    /// <summary>Longest value cached, bytes.</summary>
    public const int MaxValueBytes = 128;

    private const int Entries = 256;

    private static readonly Entry?[] s_entries = new Entry?[Entries];

    /// <summary>The UTF-8 string of <paramref name="value"/>, shared with earlier calls for the same bytes.</summary>
    public static string Get(ReadOnlySpan<byte> value)
    {
        if (value.Length > MaxValueBytes)
        {
            return Encoding.UTF8.GetString(value);
        }

        // FNV-1a over the bytes, folded to the table size.
        var hash = 2166136261u;
        foreach (var b in value)
        {
            hash = (hash ^ b) * 16777619u;
        }

        var index = (int)((hash ^ (hash >> 16)) % Entries);
        var entry = Volatile.Read(ref s_entries[index]);
        if (entry is not null && value.SequenceEqual(entry.Bytes))
        {
            return entry.Value;
        }

        var text = Encoding.UTF8.GetString(value);
        Volatile.Write(ref s_entries[index], new Entry(value.ToArray(), text));
        return text;
    }

    private sealed record Entry(byte[] Bytes, string Value);
}
