using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// Names that a speaker introduces, as support chats, call notes and tickets write them: <c>my name is Ravi Kumar</c>,
/// <c>Customer name is Anita Desai</c>, <c>the caller's name is: Ravi Kumar</c>, and the Hindi
/// <c>mera naam Ravi Kumar hai</c>.
/// </summary>
/// <remarks>
/// The cue is <c>name is</c> (<c>n</c> in either case, then <c>ame is</c>), optionally followed by <c>:</c>, then one or
/// more spaces; or <c>mera naam</c> (<c>m</c> in either case) and one or more spaces. Before <c>name</c> stands the
/// start of a line, or a word that says whose name it is: a possessive (<c>my his her their your</c>), a person
/// qualifier (<c>customer</c>, <c>full</c>, <c>account</c>...: <see cref="Keywords.PersonQualifiers"/>) or a party word
/// (<c>caller</c>, <c>consignee</c>...: <see cref="Keywords.IsPartyWord"/>), with <c>'s</c> or <c>s'</c> after it
/// allowed; so <c>product name is Cotton Kurta</c> and <c>file name is Report</c> are no cue. The name is read as after
/// a salutation: 2-4 capitalized words up to the first word that is not (<c>my name is Ravi Kumar and I ordered</c>),
/// none of them a placeholder or organisation word. Lower-case names (<c>my name is ravi kumar</c>) and <c>I am</c>
/// (<c>I am Very Disappointed</c>) are not read: without NER they cannot be told from prose.
/// </remarks>
internal static partial class SalutationName
{
    private static readonly HashSet<string> s_introducers = new(
        ["my", "his", "her", "their", "your", "caller", .. Keywords.PersonQualifiers], StringComparer.Ordinal);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_introducerLookup = s_introducers.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Fewest bytes from an introduction's cue to the end of its name (<c>name is A B</c>).</summary>
    private const int MinIntroductionBytes = 11;

    /// <summary>True when <paramref name="text"/> (UTF-8) holds a name a speaker introduces (see the remarks).</summary>
    public static bool AnyIntroduction(ReadOnlySpan<byte> text)
    {
        int position = 0;
        return text.Length >= MinIntroductionBytes && TryFindNextIntroduction(text, ref position, out _, out _);
    }

    /// <summary>
    /// False when neither <paramref name="text"/> nor any slice of it holds an introduced name: no <c>name is</c>
    /// (<c>n</c> in either case) and no <c>naam </c> (<c>n</c> in either case). Looser than
    /// <see cref="AnyIntroduction"/> (the word before the cue and the name after it are not read), so a slice's cue is
    /// always the text's.
    /// </summary>
    public static bool MayHoldIntroduction(ReadOnlySpan<byte> text)
    {
        int position = 0;
        while (true)
        {
            int at = NextCue(text, position);
            if (at < 0)
            {
                return false;
            }

            position = at + 1;
            if (IsEnglishCue(text, at) || IsHindiCue(text, at))
            {
                return true;
            }
        }
    }

    /// <summary>
    /// The next introduced name at or after <paramref name="position"/> (0, or where the previous call left it), as
    /// [<paramref name="start"/>, <paramref name="end"/>) in bytes; <paramref name="position"/> moves past it. False when
    /// no later one exists.
    /// </summary>
    public static bool TryFindNextIntroduction(ReadOnlySpan<byte> text, ref int position, out int start, out int end)
    {
        start = end = 0;
        while (true)
        {
            int at = NextCue(text, position);
            if (at < 0)
            {
                position = text.Length;
                return false;
            }

            position = at + 1;
            int nameStart = IsEnglishCue(text, at) ? AfterEnglishCue(text, at) : IsHindiCue(text, at) ? AfterHindiCue(text, at) : -1;
            if (nameStart > 0 && TryReadName(text, nameStart, out start, out end))
            {
                position = end;
                return true;
            }
        }
    }

    /// <summary>
    /// The index at or after <paramref name="from"/> of the next <c>am</c> followed by <c>e</c> or a space (the
    /// <c>ame</c> of <c>name is</c>, the <c>am </c> of <c>naam</c>), with room for <c>ame is</c> after it; -1 when there
    /// is none. One pass for both cues: 32 bytes at a time (then 16), three loads and four compares.
    /// </summary>
    private static int NextCue(ReadOnlySpan<byte> text, int from)
    {
        int i = Math.Max(from, 0);
        int last = text.Length - "ame is".Length;
        if (Vector256.IsHardwareAccelerated)
        {
            ref byte origin = ref MemoryMarshal.GetReference(text);
            while (i + 2 <= text.Length - Vector256<byte>.Count)
            {
                // In bounds: the loads at i + 1 and i + 2 end at or before the text's end.
                Vector256<byte> first = Vector256.LoadUnsafe(ref origin, (nuint)i);
                Vector256<byte> second = Vector256.LoadUnsafe(ref origin, (nuint)(i + 1));
                Vector256<byte> third = Vector256.LoadUnsafe(ref origin, (nuint)(i + 2));
                uint hits = (Vector256.Equals(first, Vector256.Create((byte)'a')) & Vector256.Equals(second, Vector256.Create((byte)'m'))
                    & (Vector256.Equals(third, Vector256.Create((byte)'e')) | Vector256.Equals(third, Vector256.Create((byte)' ')))).ExtractMostSignificantBits();
                if (hits != 0)
                {
                    int at = i + BitOperations.TrailingZeroCount(hits);
                    return at <= last ? at : -1;
                }

                i += Vector256<byte>.Count;
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            // 16 bytes at a time for the rest of a short text (a log line's last bytes, most JSON values).
            ref byte origin = ref MemoryMarshal.GetReference(text);
            while (i + 2 <= text.Length - Vector128<byte>.Count)
            {
                Vector128<byte> first = Vector128.LoadUnsafe(ref origin, (nuint)i);
                Vector128<byte> second = Vector128.LoadUnsafe(ref origin, (nuint)(i + 1));
                Vector128<byte> third = Vector128.LoadUnsafe(ref origin, (nuint)(i + 2));
                uint hits = (Vector128.Equals(first, Vector128.Create((byte)'a')) & Vector128.Equals(second, Vector128.Create((byte)'m'))
                    & (Vector128.Equals(third, Vector128.Create((byte)'e')) | Vector128.Equals(third, Vector128.Create((byte)' ')))).ExtractMostSignificantBits();
                if (hits != 0)
                {
                    int at = i + BitOperations.TrailingZeroCount(hits);
                    return at <= last ? at : -1;
                }

                i += Vector128<byte>.Count;
            }
        }

        for (; i <= last; i++)
        {
            if (text[i] == 'a' && text[i + 1] == 'm' && text[i + 2] is (byte)'e' or (byte)' ')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// True when the <c>am</c> at <paramref name="at"/> (<see cref="NextCue"/>) is in <c>name is</c>, <c>n</c> in either
    /// case. What is before <c>name</c> and after <c>is</c> is not read: <see cref="MayHoldIntroduction"/> relies on it.
    /// </summary>
    private static bool IsEnglishCue(ReadOnlySpan<byte> text, int at) =>
        text[at + 2] == 'e' && at >= 1 && (text[at - 1] | 0x20) == 'n' && text[(at + 3)..].StartsWith(" is"u8);

    /// <summary>
    /// True when the <c>am</c> at <paramref name="at"/> (<see cref="NextCue"/>) is in <c>naam </c>, <c>n</c> in either
    /// case. What is before <c>naam</c> is not read: <see cref="MayHoldIntroduction"/> relies on it.
    /// </summary>
    private static bool IsHindiCue(ReadOnlySpan<byte> text, int at) =>
        text[at + 2] == ' ' && at >= 2 && text[at - 1] == 'a' && (text[at - 2] | 0x20) == 'n';

    /// <summary>
    /// Where the name starts after the <c>name is</c> of an English cue at <paramref name="at"/>
    /// (<see cref="IsEnglishCue"/>), or -1 when no word before <c>name</c> says whose it is or no space follows.
    /// </summary>
    private static int AfterEnglishCue(ReadOnlySpan<byte> text, int at)
    {
        if (!IntroducedBy(text, at - 1))
        {
            return -1;
        }

        int i = at + "ame is".Length;
        if (i < text.Length && text[i] == ':')
        {
            i++;
        }

        return AfterSeparator(text, i, allowComma: false);
    }

    /// <summary>
    /// Where the name starts after the <c>naam</c> of a Hindi cue at <paramref name="at"/> (<see cref="IsHindiCue"/>)
    /// when <c>mera</c> stands before it, or -1.
    /// </summary>
    private static int AfterHindiCue(ReadOnlySpan<byte> text, int at)
    {
        int naam = at - 2;
        if (naam < 5 || text[naam - 1] != ' ')
        {
            return -1;
        }

        int wordEnd = naam - 1;
        while (wordEnd > 0 && text[wordEnd - 1] == ' ')
        {
            wordEnd--;
        }

        int wordStart = wordEnd;
        while (wordStart > 0 && Ascii.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        return wordEnd - wordStart == 4 && System.Text.Ascii.EqualsIgnoreCase(text[wordStart..wordEnd], "mera"u8)
            && (wordStart == 0 || !Ascii.IsLetter(text[wordStart - 1]))
            ? AfterSeparator(text, at + "am".Length, allowComma: false)
            : -1;
    }

    /// <summary>
    /// True when the word <c>name</c> at <paramref name="nameWord"/> starts a line, or follows (after spaces) a word
    /// that says whose name it is (see the remarks), with <c>'s</c> or <c>s'</c> after that word allowed.
    /// </summary>
    private static bool IntroducedBy(ReadOnlySpan<byte> text, int nameWord)
    {
        if (nameWord == 0 || text[nameWord - 1] == '\n')
        {
            return true;
        }

        int wordEnd = nameWord;
        while (wordEnd > 0 && text[wordEnd - 1] == ' ')
        {
            wordEnd--;
        }

        if (wordEnd == nameWord)
        {
            // A letter, digit or sign right before "name" (username is, surname is): no cue.
            return false;
        }

        if (wordEnd >= 2 && text[wordEnd - 1] == 's' && text[wordEnd - 2] == '\'')
        {
            wordEnd -= 2;
        }
        else if (wordEnd >= 2 && text[wordEnd - 1] == '\'' && text[wordEnd - 2] == 's')
        {
            wordEnd--;
        }

        int wordStart = wordEnd;
        while (wordStart > 0 && Ascii.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        ReadOnlySpan<byte> word = text[wordStart..wordEnd];
        if (word.IsEmpty || word.Length > Keywords.MaxWordLength)
        {
            return false;
        }

        Span<char> lower = stackalloc char[Keywords.MaxWordLength];
        for (int j = 0; j < word.Length; j++)
        {
            lower[j] = (char)(word[j] | 0x20);
        }

        return s_introducerLookup.Contains(lower[..word.Length]) || Keywords.IsPartyWord(lower[..word.Length]);
    }
}
