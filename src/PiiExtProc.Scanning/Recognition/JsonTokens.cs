using System.Buffers;
using System.Runtime.CompilerServices;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// RFC 8259 token pieces over UTF-8 bytes, shared by the two grammar walks that run without a reader: the clean-body
/// proof (<see cref="Sessions.CleanJsonProof"/>) and the embedded document check (<see cref="JsonShape"/>).
/// </summary>
internal static class JsonTokens
{
    private static readonly SearchValues<byte> s_whitespace = SearchValues.Create(" \t\r\n"u8);

    /// <summary>The first byte at or after <paramref name="i"/> that is not JSON whitespace, or the text's length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SkipWhitespace(ReadOnlySpan<byte> text, int i)
    {
        if ((uint)i < (uint)text.Length && text[i] <= ' ')
        {
            int k = text[i..].IndexOfAnyExcept(s_whitespace);
            return k < 0 ? text.Length : i + k;
        }

        return i;
    }

    /// <summary>
    /// The end of an RFC 8259 number (<c>-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?</c>) starting at
    /// <paramref name="start"/>, or -1; <paramref name="scanned"/> is true when a digit group has 6 or 9+ digits (for the
    /// proof, one group of a JSON number is a candidate only then: the integer and fraction join with a dot, which no
    /// recognizer of 6 or 9-19 digits accepts, and an exponent makes a word).
    /// </summary>
    public static int NumberEnd(ReadOnlySpan<byte> text, int start, out bool scanned)
    {
        scanned = false;
        int i = start;
        if (text[i] == '-')
        {
            i++;
        }

        if (i == text.Length || !Ascii.IsDigit(text[i]))
        {
            return -1;
        }

        int groupStart = i;
        if (text[i] == '0')
        {
            i++;
        }
        else
        {
            i = DigitsEnd(text, i);
        }

        scanned |= IsCandidateGroup(i - groupStart);
        if (i < text.Length && text[i] == '.')
        {
            i++;
            groupStart = i;
            i = DigitsEnd(text, i);
            if (i == groupStart)
            {
                return -1;
            }

            scanned |= IsCandidateGroup(i - groupStart);
        }

        if (i < text.Length && (text[i] | 0x20) == 'e')
        {
            i++;
            if (i < text.Length && text[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            groupStart = i;
            i = DigitsEnd(text, i);
            if (i == groupStart)
            {
                return -1;
            }

            scanned |= IsCandidateGroup(i - groupStart);
        }

        return i;
    }

    private static bool IsCandidateGroup(int digits) => digits == 6 || digits >= 9;

    private static int DigitsEnd(ReadOnlySpan<byte> text, int i)
    {
        while (i < text.Length && Ascii.IsDigit(text[i]))
        {
            i++;
        }

        return i;
    }
}
