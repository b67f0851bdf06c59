using System.Buffers;
using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// A whole-body prefilter that proves, without tokenizing, that a JSON body held in one final chunk has no finding,
/// whether it is scanned as JSON or (when malformed) as text; the session then only checks well-formedness to report
/// <see cref="BodyScanSession.FellBackToText"/>. Conservative: any doubt means "run the full scan".
/// </summary>
/// <remarks>
/// <para>Applies only without custom recognizers and deny-list terms (they can match any text). The body qualifies when
/// all of these hold:</para>
/// <list type="bullet">
/// <item>no <c>@</c> (email, UPI) and no <c>\</c> (escapes would change the decoded bytes);</item>
/// <item>every run of digits, spaces, <c>- . / +</c> holds at most 5 digits in at most 2 digit groups (digit
/// recognizers need 6 or 9-19 digits, or 3-4 groups), and every word of letters and digits with a digit is at most 3 bytes
/// (word recognizers need 8+ bytes, or 4 for the start of a grouped IBAN);</item>
/// <item>no two colons are joined by hex digits and dots (IPv6 needs two colons);</item>
/// <item>no <c>:</c> or <c>=</c> follows, after spaces, a word ending in <c>name</c>, <c>addr</c> or <c>address</c> (the
/// text key-value rule), and no JSON property name has a whole-value role (names, addresses, device IDs);</item>
/// <item>every string is closed.</item>
/// </list>
/// </remarks>
internal static class CleanJsonProof
{
    private static readonly SearchValues<byte> s_interesting = SearchValues.Create("0123456789\":="u8);
    private static readonly SearchValues<byte> s_never = SearchValues.Create("@\\"u8);

    /// <summary>True when no finding is possible in <paramref name="body"/> (see the remarks).</summary>
    public static bool Holds(ReadOnlySpan<byte> body, ref KeyClassCache cache, KeywordTable keywords, int maxKeyBytes)
    {
        if (body.IndexOfAny(s_never) >= 0)
        {
            return false;
        }

        int stringStart = -1;
        int i = 0;
        while (true)
        {
            int k = body[i..].IndexOfAny(s_interesting);
            if (k < 0)
            {
                return stringStart < 0;
            }

            int p = i + k;
            byte b = body[p];
            if (b == '"')
            {
                if (stringStart < 0)
                {
                    stringStart = p + 1;
                }
                else
                {
                    if (IsPropertyName(body, p + 1))
                    {
                        ReadOnlySpan<byte> key = body[stringStart..p];
                        if (cache.Classify(key[..Math.Min(key.Length, maxKeyBytes)], keywords).Role != ValueRole.None)
                        {
                            return false;
                        }
                    }

                    stringStart = -1;
                }

                i = p + 1;
            }
            else if (b is (byte)':' or (byte)'=')
            {
                if ((b == ':' && JoinsAnotherColon(body, p)) || FollowsRoleWord(body, p))
                {
                    return false;
                }

                i = p + 1;
            }
            else
            {
                int end = DigitRegionEnd(body, p);
                if (end < 0)
                {
                    return false;
                }

                i = end;
            }
        }
    }

    private static bool IsPropertyName(ReadOnlySpan<byte> body, int afterQuote)
    {
        int q = afterQuote;
        while (q < body.Length && body[q] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            q++;
        }

        return q < body.Length && body[q] == ':';
    }

    private static bool JoinsAnotherColon(ReadOnlySpan<byte> body, int colon)
    {
        for (int q = colon + 1; q < body.Length; q++)
        {
            byte c = body[q];
            if (c == ':')
            {
                return true;
            }

            if (!Ascii.IsHex(c) && c != '.')
            {
                return false;
            }
        }

        return false;
    }

    private static bool FollowsRoleWord(ReadOnlySpan<byte> body, int separator)
    {
        int end = separator;
        while (end > 0 && body[end - 1] == ' ')
        {
            end--;
        }

        // name, addr, address: the last byte is e, r or s (a JSON property name ends in a quote).
        if (end == 0 || (body[end - 1] | 0x20) is not ((byte)'e' or (byte)'r' or (byte)'s'))
        {
            return false;
        }

        ReadOnlySpan<byte> before = body[..end];
        return EndsWithIgnoreCase(before, "name"u8) || EndsWithIgnoreCase(before, "addr"u8) || EndsWithIgnoreCase(before, "address"u8);
    }

    private static bool EndsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerSuffix) =>
        text.Length >= lowerSuffix.Length && System.Text.Ascii.EqualsIgnoreCase(text[^lowerSuffix.Length..], lowerSuffix);

    /// <summary>
    /// From the first digit of a run of digits, spaces and <c>- . / +</c>: the end of the run, or -1 when it has more
    /// than 5 digits or 2 digit groups or a digit inside a letter-digit word of 4 or more bytes.
    /// </summary>
    private static int DigitRegionEnd(ReadOnlySpan<byte> body, int start)
    {
        int digits = 0;
        int groups = 0;
        int q = start;
        while (q < body.Length)
        {
            byte c = body[q];
            if (Ascii.IsDigit(c))
            {
                int groupStart = q;
                while (q < body.Length && Ascii.IsDigit(body[q]))
                {
                    q++;
                }

                digits += q - groupStart;
                groups++;
                if (digits > 5 || groups > 2 || WordLength(body, groupStart, q) > 3)
                {
                    return -1;
                }
            }
            else if (c is (byte)' ' or (byte)'-' or (byte)'.' or (byte)'/' or (byte)'+')
            {
                q++;
            }
            else
            {
                break;
            }
        }

        return q;
    }

    /// <summary>Length of the letter-digit word around a digit group, or 0 when the group has no letter next to it.</summary>
    private static int WordLength(ReadOnlySpan<byte> body, int groupStart, int groupEnd)
    {
        int start = groupStart;
        int end = groupEnd;
        while (start > 0 && Ascii.IsLetterOrDigit(body[start - 1]))
        {
            start--;
        }

        while (end < body.Length && Ascii.IsLetterOrDigit(body[end]))
        {
            end++;
        }

        return start == groupStart && end == groupEnd ? 0 : end - start;
    }
}
