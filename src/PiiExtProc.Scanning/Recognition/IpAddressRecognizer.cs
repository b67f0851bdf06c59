using System.Net;
using System.Net.Sockets;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// IP_ADDRESS: IPv4 dotted quads (four groups of 1-3 digits, each 0-255, no leading zeros, not part of a longer dotted
/// number) and IPv6 (parsed with <see cref="IPAddress.TryParse(ReadOnlySpan{char}, out IPAddress?)"/>, at least a
/// <c>::</c> or seven colons). Presidio <c>IpRecognizer</c> base score 0.6 with invalidation by parsing
/// (pii-detection.md §1.3). Version strings (1.2.3.4 under a <c>version</c> key or after "version") are negatives.
/// </summary>
internal static class IpAddressRecognizer
{
    public const string Version4Name = "ip.v4";
    public const string Version6Name = "ip.v6";

    /// <summary>Presidio IpRecognizer pattern score.</summary>
    public const float BaseScore = 0.6f;

    /// <summary>Scores an IPv4 candidate.</summary>
    public static float ScoreVersion4(in DigitSpan span, Evidence evidence, bool negative)
    {
        if (span.Groups != 4 || span.Separators != DigitSpan.Dot || span.DotAdjacent || span.Plus
            || (negative && evidence == Evidence.Pattern))
        {
            return 0;
        }

        int offset = 0;
        foreach (int length in span.GroupLengths)
        {
            if (length > 3)
            {
                return 0;
            }

            ReadOnlySpan<byte> octet = span.Digits.Slice(offset, length);
            if (length > 1 && octet[0] == '0')
            {
                return 0;
            }

            int value = 0;
            foreach (byte b in octet)
            {
                value = (value * 10) + (b - '0');
            }

            if (value > 255)
            {
                return 0;
            }

            offset += length;
        }

        return Scores.WithEvidence(BaseScore, evidence);
    }

    /// <summary>
    /// The IPv6 candidate token around the colon at <paramref name="colon"/>: hex digits, colons and dots, at most 45
    /// bytes, trailing dots dropped. False when a letter or digit touches the token (it is part of a longer word). The
    /// detector scores this token; the clean-body proof (<c>CleanValueRules</c>) uses the same bounds, so the two agree.
    /// </summary>
    /// <param name="text">The value or text, bytes.</param>
    /// <param name="colon">Offset of a ':' in <paramref name="text"/>.</param>
    /// <param name="start">Token start offset.</param>
    /// <param name="end">Token end offset (exclusive).</param>
    public static bool TryFindVersion6Token(ReadOnlySpan<byte> text, int colon, out int start, out int end)
    {
        static bool IsVersion6Byte(byte b) => Ascii.IsHex(b) || b is (byte)':' or (byte)'.';
        start = colon;
        while (start > 0 && colon - start < 45 && IsVersion6Byte(text[start - 1]))
        {
            start--;
        }

        end = colon + 1;
        while (end < text.Length && end - start < 45 && IsVersion6Byte(text[end]))
        {
            end++;
        }

        while (end > colon + 1 && text[end - 1] == '.')
        {
            end--;
        }

        return !((start > 0 && Ascii.IsLetterOrDigit(text[start - 1])) || (end < text.Length && Ascii.IsLetterOrDigit(text[end])));
    }

    /// <summary>Scores an IPv6 candidate: ASCII hex digits, colons and dots.</summary>
    public static float ScoreVersion6(ReadOnlySpan<byte> token, Evidence evidence, bool negative)
    {
        if (token.Length is < 3 or > 45 || (negative && evidence == Evidence.Pattern))
        {
            return 0;
        }

        int colons = token.Count((byte)':');
        if (colons < 2 || (colons < 7 && token.IndexOf("::"u8) < 0) || token.SequenceEqual("::"u8))
        {
            return 0;
        }

        Span<char> chars = stackalloc char[token.Length];
        for (int i = 0; i < token.Length; i++)
        {
            chars[i] = (char)token[i];
        }

        if (!IPAddress.TryParse(chars, out IPAddress? address) || address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return 0;
        }

        // "a::b" style tokens with fewer than three groups are too often not addresses (C++ scopes, ratios).
        int groups = colons + 1 - (token.IndexOf("::"u8) >= 0 ? 1 : 0);
        return groups < 3 && evidence == Evidence.Pattern ? 0.3f : Scores.WithEvidence(BaseScore, evidence);
    }
}
