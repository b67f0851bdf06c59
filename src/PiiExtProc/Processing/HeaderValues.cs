using System.Text;
using Envoy.Config.Core.V3;
using Google.Protobuf;

namespace PiiExtProc.Processing;

/// <summary>
/// Reads header values from an Envoy <see cref="HeaderMap"/>. Envoy 1.27+ sends values in <c>raw_value</c>
/// (extproc-protocol.md §10); older versions used <c>value</c>, which is read as a fallback.
/// </summary>
internal static class HeaderValues
{
    /// <summary>Finds the first header named <paramref name="lowerCaseName"/> (Envoy sends lower-case keys); null when absent.</summary>
    public static HeaderValue? Find(HeaderMap? headers, string lowerCaseName)
    {
        if (headers is null)
        {
            return null;
        }

        // Indexed: RepeatedField's enumerator is a heap-allocated iterator, and this runs several times per message.
        var list = headers.Headers;
        for (var i = 0; i < list.Count; i++)
        {
            var header = list[i];
            if (string.Equals(header.Key, lowerCaseName, StringComparison.OrdinalIgnoreCase))
            {
                return header;
            }
        }

        return null;
    }

    /// <summary>The value's bytes: raw_value when set, else the UTF-8 of value.</summary>
    public static ReadOnlySpan<byte> Bytes(HeaderValue header)
        => header.RawValue.Length > 0 || header.Value.Length == 0
            ? header.RawValue.Span
            : Encoding.UTF8.GetBytes(header.Value);

    /// <summary>The value of the first header named <paramref name="lowerCaseName"/> as a string (ASCII/UTF-8), or null.</summary>
    public static string? GetString(HeaderMap? headers, string lowerCaseName)
    {
        var header = Find(headers, lowerCaseName);
        if (header is null)
        {
            return null;
        }

        return header.RawValue.Length > 0 ? header.RawValue.ToStringUtf8() : header.Value;
    }

    /// <summary>The value of <paramref name="header"/> as a string (raw_value as UTF-8, else value), or null.</summary>
    public static string? ToText(HeaderValue? header)
        => header is null ? null : header.RawValue.Length > 0 ? header.RawValue.ToStringUtf8() : header.Value;

    /// <summary>
    /// Like <see cref="GetString"/> for headers whose values repeat across streams (content-type, :method, :authority,
    /// content-encoding): the string comes from <see cref="HeaderValueCache"/>, so no string is allocated per message.
    /// </summary>
    public static string? GetRepeatedString(HeaderMap? headers, string lowerCaseName)
    {
        var header = Find(headers, lowerCaseName);
        if (header is null)
        {
            return null;
        }

        return header.RawValue.Length > 0 ? HeaderValueCache.Get(header.RawValue.Span) : header.Value;
    }

    /// <summary>Builds a header mutation entry (append unset, which ext_proc reads as false: overwrite) that overwrites <paramref name="name"/> with <paramref name="value"/> in raw_value.</summary>
    public static HeaderValueOption Overwrite(string name, ReadOnlyMemory<byte> value)
        => new()
        {
            Header = new HeaderValue { Key = name, RawValue = ByteString.CopyFrom(value.Span) },
        };

    /// <summary>Builds a header mutation entry (append unset, which ext_proc reads as false: overwrite) that overwrites <paramref name="name"/> with an ASCII value.</summary>
    public static HeaderValueOption Overwrite(string name, string asciiValue)
        => new()
        {
            Header = new HeaderValue { Key = name, RawValue = ByteString.CopyFromUtf8(asciiValue) },
        };
}
