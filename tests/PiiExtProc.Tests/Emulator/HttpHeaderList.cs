using System.Text;
using Envoy.Config.Core.V3;
using Google.Protobuf;

namespace PiiExtProc.Tests.Emulator;

/// <summary>An ordered HTTP header (or trailer) list as Envoy holds it: lower-case keys, byte values, repeats allowed.</summary>
internal sealed class HttpHeaderList
{
    private readonly List<KeyValuePair<string, byte[]>> _entries = [];

    public HttpHeaderList()
    {
    }

    public HttpHeaderList(IEnumerable<(string Name, string Value)> headers)
    {
        foreach (var (name, value) in headers)
        {
            Add(name, value);
        }
    }

    public IReadOnlyList<KeyValuePair<string, byte[]>> Entries => _entries;

    public int Count => _entries.Count;

    public static HttpHeaderList Of(params (string Name, string Value)[] headers) => new(headers);

    public void Add(string name, string value) => Add(name, Encoding.UTF8.GetBytes(value));

    public void Add(string name, byte[] value) => _entries.Add(new(name.ToLowerInvariant(), value));

    public void Set(string name, byte[] value)
    {
        Remove(name);
        Add(name, value);
    }

    public void Remove(string name) => _entries.RemoveAll(e => string.Equals(e.Key, name, StringComparison.OrdinalIgnoreCase));

    public bool Contains(string name) => _entries.Exists(e => string.Equals(e.Key, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The first value of <paramref name="name"/> as UTF-8 text, or null.</summary>
    public string? Get(string name)
    {
        var lower = name.ToLowerInvariant();
        foreach (var entry in _entries)
        {
            if (entry.Key == lower)
            {
                return Encoding.UTF8.GetString(entry.Value);
            }
        }

        return null;
    }

    public IReadOnlyList<string> GetAll(string name)
        => _entries.Where(e => string.Equals(e.Key, name, StringComparison.OrdinalIgnoreCase)).Select(e => Encoding.UTF8.GetString(e.Value)).ToList();

    public HttpHeaderList Clone()
    {
        var copy = new HttpHeaderList();
        foreach (var entry in _entries)
        {
            copy._entries.Add(new(entry.Key, (byte[])entry.Value.Clone()));
        }

        return copy;
    }

    /// <summary>The wire form Envoy 1.32+ sends: keys lower-case, values only in raw_value (protocol §10).</summary>
    public HeaderMap ToHeaderMap()
    {
        var map = new HeaderMap();
        foreach (var entry in _entries)
        {
            map.Headers.Add(new HeaderValue { Key = entry.Key, RawValue = ByteString.CopyFrom(entry.Value) });
        }

        return map;
    }

    public override string ToString() => string.Join(", ", _entries.Select(e => $"{e.Key}: {Encoding.UTF8.GetString(e.Value)}"));
}
