using System.Buffers;
using PiiExtProc.Scanning.Sessions;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>URL query values in any scanned span: decoded, scanned with their key, matched on the encoded bytes.</summary>
internal sealed partial class Detector
{
    /// <summary>Longest encoded query value decoded and scanned, bytes; longer ones are left to the text scan.</summary>
    private const int MaxEncodedQueryValueBytes = 512;

    /// <summary>Longest query key decoded and classified, bytes.</summary>
    private const int MaxQueryKeyBytes = 64;

    /// <summary>Bytes that end a query string in text.</summary>
    private static readonly SearchValues<byte> s_queryEnds = SearchValues.Create(" \t\r\n\"'<>"u8);

    /// <summary>The matches of one decoded query value (per thread: the detector is shared by all sessions).</summary>
    [ThreadStatic]
    private static List<RawMatch>? t_queryMatches;

    /// <summary>
    /// URL query strings in any scanned text or value (access log lines, callback URLs in JSON): after a <c>?</c> that follows a non-blank byte,
    /// up to a blank, a quote or an angle bracket, each <c>key=value</c> pair whose value is percent- or plus-encoded
    /// (<c>email=ravi.k%40example.com</c>, <c>name=Meera+Iyer</c>) is decoded and scanned with its decoded key as
    /// context, as a form value is; its matches cover the encoded bytes and are marked
    /// <see cref="RawMatch.FormEncoded"/> (rewritten from the decoded bytes and encoded again). Values with nothing
    /// encoded are read by the text scan itself.
    /// </summary>
    private void ScanEncodedQueries(ReadOnlySpan<byte> text, List<RawMatch> output, int first)
    {
        int i = 0;
        while (i < text.Length)
        {
            int q = text[i..].IndexOf((byte)'?');
            if (q < 0)
            {
                return;
            }

            q += i;
            int stop = text[(q + 1)..].IndexOfAny(s_queryEnds);
            int end = stop < 0 ? text.Length : q + 1 + stop;
            if (q > 0 && text[q - 1] is not ((byte)' ' or (byte)'\t'))
            {
                ScanQueryPairs(text, q + 1, end, output, first);
            }

            i = end + 1;
        }
    }

    private void ScanQueryPairs(ReadOnlySpan<byte> text, int start, int end, List<RawMatch> output, int first)
    {
        int p = start;
        while (p < end)
        {
            int ampersand = text[p..end].IndexOf((byte)'&');
            int pairEnd = ampersand < 0 ? end : p + ampersand;
            ReadOnlySpan<byte> pair = text[p..pairEnd];
            int equals = pair.IndexOf((byte)'=');
            if (equals > 0 && equals <= MaxQueryKeyBytes && pair.Length - equals - 1 is > 0 and <= MaxEncodedQueryValueBytes
                && FormEncoding.NeedsDecoding(pair[(equals + 1)..]))
            {
                ScanEncodedValue(pair[..equals], pair[(equals + 1)..], p + equals + 1, output, first);
            }

            p = pairEnd + 1;
        }
    }

    private void ScanEncodedValue(ReadOnlySpan<byte> encodedKey, ReadOnlySpan<byte> encoded, int valueStart, List<RawMatch> output, int first)
    {
        Span<byte> keyBuffer = stackalloc byte[MaxQueryKeyBytes];
        KeyClass key = _keywords.ClassifyKey(keyBuffer[..FormEncoding.Decode(encodedKey, keyBuffer)]);
        Span<byte> decoded = stackalloc byte[encoded.Length];
        Span<int> offsets = stackalloc int[encoded.Length + 1];
        int length = FormEncoding.Decode(encoded, decoded, offsets);
        List<RawMatch> matches = t_queryMatches ??= new List<RawMatch>(4);
        matches.Clear();
        ScanSpan(decoded[..length], key, default, matches, textRecord: false, encodedQueries: false);
        foreach (RawMatch found in matches)
        {
            RawMatch match = found;
            match.Start = valueStart + offsets[found.Start];
            match.Length = offsets[found.End] - offsets[found.Start];
            match.FormEncoded = true;
            Add(output, first, match);
        }
    }
}
