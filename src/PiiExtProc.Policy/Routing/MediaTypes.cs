namespace PiiExtProc.Policy.Routing;

/// <summary>Content-type matching: <c>type/subtype</c>, <c>type/*</c>, <c>type/*+suffix</c> or <c>*/*</c>; parameters and case ignored.</summary>
internal static class MediaTypes
{
    /// <summary>True when <paramref name="contentType"/> (a header value, parameters allowed) matches <paramref name="pattern"/>.</summary>
    public static bool Matches(string pattern, ReadOnlySpan<char> contentType)
    {
        var mediaType = Essence(contentType);
        if (mediaType.IsEmpty)
        {
            return false;
        }

        if (pattern == "*/*")
        {
            return true;
        }

        var slash = pattern.IndexOf('/', StringComparison.Ordinal);
        var typeSlash = mediaType.IndexOf('/');
        if (slash < 0 || typeSlash < 0)
        {
            return false;
        }

        var patternType = pattern.AsSpan(0, slash);
        var patternSubtype = pattern.AsSpan(slash + 1);
        if (!patternType.Equals(mediaType[..typeSlash], StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var subtype = mediaType[(typeSlash + 1)..];
        if (patternSubtype is "*")
        {
            return true;
        }

        if (patternSubtype.StartsWith("*+", StringComparison.Ordinal))
        {
            return subtype.EndsWith(patternSubtype[1..], StringComparison.OrdinalIgnoreCase);
        }

        return subtype.Equals(patternSubtype, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when a pattern is well formed: <c>type/subtype</c> of token characters, with the wildcards above.</summary>
    public static bool IsValidPattern(string pattern)
    {
        var slash = pattern.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == pattern.Length - 1 || pattern.IndexOf('/', slash + 1) >= 0)
        {
            return false;
        }

        foreach (var c in pattern)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '/' or '*' or '+' or '-' or '.' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The media type without parameters or surrounding whitespace.</summary>
    public static ReadOnlySpan<char> Essence(ReadOnlySpan<char> contentType)
    {
        var semicolon = contentType.IndexOf(';');
        return (semicolon >= 0 ? contentType[..semicolon] : contentType).Trim();
    }

    /// <summary>True for <c>application/x-www-form-urlencoded</c> (parameters and case ignored).</summary>
    public static bool IsFormUrlEncoded(ReadOnlySpan<char> contentType) =>
        Essence(contentType).Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for <c>multipart/form-data</c> (parameters and case ignored).</summary>
    public static bool IsMultipartFormData(ReadOnlySpan<char> contentType) =>
        Essence(contentType).Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for CSV and TSV: <c>text/csv</c>, <c>application/csv</c>, <c>text/x-csv</c>,
    /// <c>text/tab-separated-values</c> (parameters and case ignored).</summary>
    public static bool IsCsv(ReadOnlySpan<char> contentType)
    {
        var mediaType = Essence(contentType);
        return mediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/csv", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/x-csv", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/tab-separated-values", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True for XML and HTML media types: <c>*/xml</c>, <c>*/*+xml</c>, <c>text/html</c> (parameters and case ignored).</summary>
    public static bool IsMarkup(ReadOnlySpan<char> contentType)
    {
        var mediaType = Essence(contentType);
        return mediaType.EndsWith("/xml", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+xml", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// True for JSON and JSON sequence media types (parameters and case ignored): subtype <c>json</c>, <c>*+json</c>
    /// (RFC 6839), any subtype ending in <c>ndjson</c> (<c>x-ndjson</c>, <c>vnd.acme.ndjson</c>), <c>jsonl</c>,
    /// <c>x-jsonlines</c> and <c>json-seq</c> (RFC 7464).
    /// </summary>
    public static bool IsJson(ReadOnlySpan<char> contentType)
    {
        var mediaType = Essence(contentType);
        var slash = mediaType.IndexOf('/');
        if (slash < 0)
        {
            return false;
        }

        var subtype = mediaType[(slash + 1)..];
        return subtype.Equals("json", StringComparison.OrdinalIgnoreCase)
            || subtype.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || subtype.EndsWith("ndjson", StringComparison.OrdinalIgnoreCase)
            || subtype.Equals("jsonl", StringComparison.OrdinalIgnoreCase)
            || subtype.Equals("x-jsonlines", StringComparison.OrdinalIgnoreCase)
            || subtype.Equals("json-seq", StringComparison.OrdinalIgnoreCase);
    }
}
