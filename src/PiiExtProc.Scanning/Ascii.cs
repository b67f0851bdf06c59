using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PiiExtProc.Scanning;

/// <summary>ASCII byte classes shared by the tokenizers, recognizers and validators (bytes, not chars).</summary>
internal static class Ascii
{
    public static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    public static bool IsUpper(byte b) => (uint)(b - 'A') <= 'Z' - 'A';

    public static bool IsLetter(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';

    public static bool IsLetterOrDigit(byte b) => IsLetter(b) || IsDigit(b);

    public static bool IsLower(byte b) => (uint)(b - 'a') <= 'z' - 'a';

    /// <summary>
    /// True when a word of a context phrase may start at <paramref name="i"/> of <paramref name="text"/>: at the start,
    /// after a byte that is no ASCII letter or digit, or at a camelCase hump (an upper-case letter after a lower-case
    /// one: the <c>Mobile</c> of <c>customerMobile</c>, the field names of Java and Kotlin logs and of XML tags).
    /// </summary>
    public static bool IsWordStart(ReadOnlySpan<byte> text, int i) =>
        i == 0 || !IsLetterOrDigit(text[i - 1]) || (IsUpper(text[i]) && IsLower(text[i - 1]));

    /// <summary>
    /// True when a word of a context phrase may end just before <paramref name="end"/> of <paramref name="text"/>
    /// (<paramref name="limit"/> counts as the end of the text): before a byte that is no ASCII letter or digit, or
    /// before a camelCase hump (<c>mobile</c> in <c>mobileVerified</c>).
    /// </summary>
    public static bool IsWordEnd(ReadOnlySpan<byte> text, int end, int limit) =>
        end >= limit || !IsLetterOrDigit(text[end]) || (end > 0 && IsUpper(text[end]) && IsLower(text[end - 1]));

    /// <summary>Letters, digits and underscore: the bytes of one word for boundary purposes.</summary>
    public static bool IsWordByte(byte b) => IsLetterOrDigit(b) || b == '_';

    /// <summary>Longest word <see cref="IsListedLowercase"/> looks up, bytes.</summary>
    public const int MaxListedWordBytes = 16;

    /// <summary>
    /// True when <paramref name="word"/>, ASCII letters lower-cased (other bytes kept), is in <paramref name="list"/> (a
    /// set of lower-case words); false for an empty word or one longer than <see cref="MaxListedWordBytes"/>.
    /// </summary>
    public static bool IsListedLowercase(ReadOnlySpan<byte> word, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> list)
    {
        if (word.IsEmpty || word.Length > MaxListedWordBytes)
        {
            return false;
        }

        Span<char> lower = stackalloc char[MaxListedWordBytes];
        for (int j = 0; j < word.Length; j++)
        {
            byte b = word[j];
            lower[j] = (char)(IsUpper(b) ? b | 0x20 : b);
        }

        return list.Contains(lower[..word.Length]);
    }

    public static bool IsHex(byte b) => IsDigit(b) || (uint)((b | 0x20) - 'a') <= 'f' - 'a';

    public static byte ToUpper(byte b) => (uint)(b - 'a') <= 'z' - 'a' ? (byte)(b - 0x20) : b;

    /// <summary>True when every byte is an upper-case letter 'A'-'Z' (vectorised; true for an empty span).</summary>
    public static bool AllUpper(ReadOnlySpan<byte> s) => s.IndexOfAnyExceptInRange((byte)'A', (byte)'Z') < 0;

    /// <summary>True when <paramref name="text"/> starts with <paramref name="prefix"/>, ASCII case-insensitively.</summary>
    public static bool StartsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix) =>
        text.Length >= prefix.Length && System.Text.Ascii.EqualsIgnoreCase(text[..prefix.Length], prefix);

    /// <summary>True when <paramref name="text"/> ends with <paramref name="suffix"/>, ASCII case-insensitively.</summary>
    public static bool EndsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> suffix) =>
        text.Length >= suffix.Length && System.Text.Ascii.EqualsIgnoreCase(text[^suffix.Length..], suffix);

    /// <summary>
    /// The first index of <paramref name="needle"/> in <paramref name="text"/> with ASCII letters compared
    /// case-insensitively (<c>RAVI KUMAR</c> and <c>ravi kumar</c> match <c>Ravi Kumar</c>), or -1; 0 for an empty needle.
    /// A needle holding a non-ASCII byte is searched exactly (no case folding outside ASCII).
    /// </summary>
    /// <remarks>Vectorised like the runtime's <c>IndexOf</c>: 32 candidate starts at a time are filtered on the needle's
    /// first and last bytes (both case-folded with <c>| 0x20</c>, which can only let more through), then compared.</remarks>
    public static int IndexOfIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> needle)
    {
        int n = needle.Length;
        int lastStart = text.Length - n;
        if (n == 0 || lastStart < 0)
        {
            return n == 0 ? 0 : -1;
        }

        if (!System.Text.Ascii.IsValid(needle))
        {
            return text.IndexOf(needle);
        }

        byte first = (byte)(needle[0] | 0x20);
        byte last = (byte)(needle[n - 1] | 0x20);
        int i = 0;
        ref byte origin = ref MemoryMarshal.GetReference(text);
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<byte> fold = Vector256.Create((byte)0x20);
            Vector256<byte> firstBytes = Vector256.Create(first);
            Vector256<byte> lastBytes = Vector256.Create(last);
            for (; i <= lastStart + 1 - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                // In bounds: i + 32 <= lastStart + 1, so both loads (at i and at i + n - 1) end inside the text.
                uint starts = (Vector256.Equals(Vector256.LoadUnsafe(ref origin, (nuint)i) | fold, firstBytes)
                    & Vector256.Equals(Vector256.LoadUnsafe(ref origin, (nuint)(i + n - 1)) | fold, lastBytes)).ExtractMostSignificantBits();
                while (starts != 0)
                {
                    int at = i + BitOperations.TrailingZeroCount(starts);
                    if (System.Text.Ascii.EqualsIgnoreCase(text.Slice(at, n), needle))
                    {
                        return at;
                    }

                    starts &= starts - 1;
                }
            }
        }

        for (; i <= lastStart; i++)
        {
            if ((text[i] | 0x20) == first && (text[i + n - 1] | 0x20) == last && System.Text.Ascii.EqualsIgnoreCase(text.Slice(i, n), needle))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>True when every byte is a digit '0'-'9' (vectorised; true for an empty span).</summary>
    public static bool AllDigits(ReadOnlySpan<byte> s) => s.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;

    /// <summary>True when <paramref name="s"/> has <paramref name="length"/> ASCII digits in a row.</summary>
    public static bool HasDigitRun(ReadOnlySpan<byte> s, int length)
    {
        int run = 0;
        foreach (byte b in s)
        {
            run = IsDigit(b) ? run + 1 : 0;
            if (run == length)
            {
                return true;
            }
        }

        return false;
    }
}
