using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// A full name right after a salutation or an honorific at the start of a line, as notification, e-mail and SMS
/// templates write it: <c>Dear Ravi Kumar,</c>, <c>Hi Anita Desai!</c>, <c>Hello Mr. Ravi Kumar</c>,
/// <c>Smt. Sunita Devi</c>, or after a capitalized honorific inside a line, after a space or <c>(</c>
/// (<c>delivered to Mr. Ravi Kumar at 5pm</c>, <c>call back Smt Anita Desai</c>), or after a salutation that opens a
/// message quoted inside a line (<c>sms sent: Dear Ravi Kumar,</c>: SalutationName.QuotedMessages.cs). No NER: the
/// salutation or honorific is the context word, and the name must be 2-4 capitalized words.
/// </summary>
/// <remarks>
/// <para>The line (the text's start or the byte after a <c>\n</c>, or after a tag's <c>&gt;</c>: an HTML mail's
/// <c>&lt;p&gt;Hi Ravi Kumar,&lt;/p&gt;</c>) starts, after optional spaces and tabs, with a
/// salutation (<c>Dear</c>, <c>Hi</c>, <c>Hii</c>, <c>Hello</c>, <c>Hey</c>, <c>Namaste</c>, <c>Namaskar</c>,
/// <c>Greetings</c>, <c>Respected</c>, <c>Welcome</c>, <c>Thanks</c>, <c>Thank you</c>, <c>Congrats</c>,
/// <c>Congratulations</c>; any case), an optional comma and one or more spaces, then an optional honorific
/// (<c>Mr Mrs Ms Miss Dr Shri Sri Smt Kumari Prof</c>, optional <c>.</c>), or with the honorific alone. Then the name:
/// words that start with a capital letter or a non-ASCII letter (letters, <c>.</c>, <c>'</c>, <c>-</c> inside), one space
/// apart, up to the first word that does not (<c>Hi Ravi Kumar, your order</c>, <c>Hi Ravi Kumar thanks</c>). It must
/// end at the line's end or before a space or <c>, ! . : ; ) " - \r</c>; a trailing <c>.</c> is not part of it.</para>
/// <para>Not a name: fewer than 2 words (<c>Hi Ravi,</c>: a first name alone is not PII under the Guardian rules), more
/// than 4 capitalized words in a row (title-case prose), a word of a business, team or placeholder
/// (<see cref="NameShape.HasOrganisationWord"/>: <c>Dear Valued Customer</c>, <c>Hi Support Team</c>), or a word that
/// addresses no one in particular or is not part of a name (<c>Sir</c>, <c>Madam</c>, <c>Member</c>, <c>Seller</c>,
/// <c>All</c>, <c>To</c>, <c>The</c>, <c>Road</c>, <c>Nagar</c>...). Shared by the detector and by the clean-value rules
/// (<c>Sessions.CleanValueRules</c>), so that a value the rules call clean never holds one.</para>
/// </remarks>
internal static partial class SalutationName
{
    /// <summary>
    /// Fewest bytes of a name after an honorific inside a line, from the byte before the honorific on (<c> Mr A B</c>:
    /// a two-letter honorific, a space, two one-letter words): a lower bound, so shorter text is skipped unread.
    /// </summary>
    private const int MinInLineNameBytes = 7;

    /// <summary>Most capitalized words taken as a name; a longer run is title-case prose.</summary>
    private const int MaxWords = 4;

    private static readonly HashSet<string> s_salutations = new(StringComparer.Ordinal)
    {
        "dear", "hi", "hii", "hello", "hey", "namaste", "namaskar", "greetings", "respected", "welcome", "thanks",
        "congrats", "congratulations",
    };

    /// <summary>The salutations that greet, after which a speaker may introduce themselves (<c>Hi, I am ...</c>).</summary>
    private static readonly HashSet<string> s_greetings = new(StringComparer.Ordinal)
    {
        "hi", "hii", "hello", "hey", "namaste", "namaskar", "greetings",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_greetingLookup = s_greetings.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> s_honorifics = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "miss", "dr", "shri", "sri", "smt", "kumari", "prof",
    };

    /// <summary>Words after a salutation that address no one in particular, or that no name has.</summary>
    private static readonly HashSet<string> s_notNameWords = new(StringComparer.Ordinal)
    {
        "sir", "sirs", "madam", "maam", "mam", "member", "members", "seller", "sellers", "shopper", "shoppers",
        "subscriber", "subscribers", "buyer", "buyers", "client", "clients", "merchant", "merchants", "vendor",
        "vendors", "partner", "friend", "friends", "colleague", "colleagues", "customers", "users", "all", "everyone",
        "everybody", "there", "folks", "concerned", "whomsoever", "applicant", "candidate", "hiring", "manager",
        "to", "the", "our", "your", "and", "of", "for", "back", "aboard", "on", "in", "at", "from", "with", "you",
        "road", "rd", "marg", "street", "lane", "nagar", "colony", "layout", "sector", "chowk", "apartment",
        "apartments", "tower", "towers", "plus", "prime", "gold", "premium",
        // What a speaker says of themselves after "I am" in title case: "Hi, I am Very Disappointed".
        "very", "really", "so", "not", "extremely", "totally", "happy", "sorry", "disappointed", "upset", "unable",
        "waiting", "writing", "looking", "trying", "calling", "facing", "still", "again",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_salutationLookup = s_salutations.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_honorificLookup = s_honorifics.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_notNameLookup = s_notNameWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// True when some line of <paramref name="text"/> (UTF-8) starts with a salutation name, or (unless
    /// <paramref name="inLine"/> is false: the caller knows <see cref="MayHoldInLineOrIntroducedName"/> is false) a name
    /// follows a capitalized honorific inside a line, a speaker introduces a name (<see cref="TryFindNextIntroduction"/>)
    /// or a message quoted inside a line opens with a salutation name (<see cref="TryFindNextQuoted"/>).
    /// </summary>
    public static bool Any(ReadOnlySpan<byte> text, bool inLine = true)
    {
        int lineStart = 0;
        int position = 0;
        return TryFindNext(text, ref lineStart, out _, out _)
            || (inLine && (TryFindNextInLine(text, ref position, out _, out _) || AnyIntroduction(text) || AnyQuoted(text)));
    }

    /// <summary>
    /// False when <paramref name="text"/> has no honorific capital initial (<c>M D S K P</c>) after a space or <c>(</c>
    /// with room for a name after it, so neither it nor any slice of it holds a name after an honorific inside a line:
    /// one search over a JSON chunk saves one per value.
    /// </summary>
    public static bool MayHoldInLineName(ReadOnlySpan<byte> text) => NextHonorificInitial(text, 1) >= 0;

    /// <summary>
    /// False when neither <paramref name="text"/> nor any slice of it holds a name after an honorific inside a line
    /// (<see cref="MayHoldInLineName"/>), an introduced name (<see cref="MayHoldIntroduction"/>) or a name after a quoted
    /// salutation (<see cref="MayHoldQuotedSalutation"/>): one search over a chunk saves one per line or value, whose
    /// short tails cost more than the chunk's one.
    /// </summary>
    public static bool MayHoldInLineOrIntroducedName(ReadOnlySpan<byte> text) =>
        MayHoldInLineName(text) || MayHoldIntroduction(text) || MayHoldQuotedSalutation(text);

    /// <summary>
    /// The next name at or after <paramref name="position"/> (0, or where the previous call left it) after a capitalized
    /// honorific inside a line (after a space or <c>(</c>: <c>delivered to Mr. Ravi Kumar</c>), as
    /// [<paramref name="start"/>, <paramref name="end"/>); <paramref name="position"/> moves past it. False when no
    /// later one exists. Candidates are found 32 bytes at a time: a space or <c>(</c> followed by an honorific's capital
    /// initial (<c>M D S K P</c>).
    /// </summary>
    public static bool TryFindNextInLine(ReadOnlySpan<byte> text, ref int position, out int start, out int end)
    {
        start = end = 0;
        while (true)
        {
            int at = NextHonorificInitial(text, Math.Max(position, 1));
            if (at < 0)
            {
                position = text.Length;
                return false;
            }

            position = at + 1;
            if (TryHonorificAt(text, at, out start, out end))
            {
                position = end;
                return true;
            }
        }
    }

    /// <summary>
    /// The first index at or after <paramref name="from"/> (at least 1) of an honorific's capital initial after a space
    /// or <c>(</c> that leaves room for a name after it (<see cref="MinInLineNameBytes"/>), or -1.
    /// </summary>
    private static int NextHonorificInitial(ReadOnlySpan<byte> text, int from)
    {
        int i = from;
        int last = text.Length - (MinInLineNameBytes - 1);
        if (i > last)
        {
            // Too short for " Mr A B" from the byte before the initial: many JSON values.
            return -1;
        }

        if (Vector256.IsHardwareAccelerated)
        {
            ref byte origin = ref MemoryMarshal.GetReference(text);
            Vector256<byte> space = Vector256.Create((byte)' ');
            Vector256<byte> parenthesis = Vector256.Create((byte)'(');
            while (i <= text.Length - Vector256<byte>.Count)
            {
                // In bounds: i >= 1, so the load at i - 1 starts inside the text, and the loop keeps i + 32 within it.
                Vector256<byte> before = Vector256.LoadUnsafe(ref origin, (nuint)(i - 1));
                Vector256<byte> letter = Vector256.LoadUnsafe(ref origin, (nuint)i);
                Vector256<byte> initial = Vector256.Equals(letter, Vector256.Create((byte)'M')) | Vector256.Equals(letter, Vector256.Create((byte)'D'))
                    | Vector256.Equals(letter, Vector256.Create((byte)'S')) | Vector256.Equals(letter, Vector256.Create((byte)'K'))
                    | Vector256.Equals(letter, Vector256.Create((byte)'P'));
                uint hits = ((Vector256.Equals(before, space) | Vector256.Equals(before, parenthesis)) & initial).ExtractMostSignificantBits();
                if (hits != 0)
                {
                    int at = i + BitOperations.TrailingZeroCount(hits);
                    return at <= last ? at : -1;
                }

                i += Vector256<byte>.Count;
            }
        }

        if (Vector128.IsHardwareAccelerated && i <= text.Length - Vector128<byte>.Count)
        {
            // One 16-byte step for the rest of a short value (most JSON values are 10-40 bytes).
            ref byte origin = ref MemoryMarshal.GetReference(text);
            Vector128<byte> before = Vector128.LoadUnsafe(ref origin, (nuint)(i - 1));
            Vector128<byte> letter = Vector128.LoadUnsafe(ref origin, (nuint)i);
            Vector128<byte> initial = Vector128.Equals(letter, Vector128.Create((byte)'M')) | Vector128.Equals(letter, Vector128.Create((byte)'D'))
                | Vector128.Equals(letter, Vector128.Create((byte)'S')) | Vector128.Equals(letter, Vector128.Create((byte)'K'))
                | Vector128.Equals(letter, Vector128.Create((byte)'P'));
            uint hits = ((Vector128.Equals(before, Vector128.Create((byte)' ')) | Vector128.Equals(before, Vector128.Create((byte)'('))) & initial).ExtractMostSignificantBits();
            if (hits != 0)
            {
                int at = i + BitOperations.TrailingZeroCount(hits);
                return at <= last ? at : -1;
            }

            i += Vector128<byte>.Count;
        }

        for (; i <= last; i++)
        {
            if (text[i - 1] is (byte)' ' or (byte)'(' && text[i] is (byte)'M' or (byte)'D' or (byte)'S' or (byte)'K' or (byte)'P')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The name after a capitalized honorific at <paramref name="at"/> inside a line (after a space or <c>(</c>):
    /// <c>delivered to Mr. Ravi Kumar</c>, <c>call back Smt Anita Desai</c>.
    /// </summary>
    private static bool TryHonorificAt(ReadOnlySpan<byte> text, int at, out int start, out int end)
    {
        start = end = 0;
        int wordEnd = LetterWordEnd(text, at);
        int length = wordEnd - at;
        if (length > 15 || (s_honorificLengthsByFirstLetter[(text[at] | 0x20) - 'a'] & (1 << length)) == 0
            || !Ascii.IsListedLowercase(text[at..wordEnd], s_honorificLookup))
        {
            return false;
        }

        int nameStart = AfterHonorific(text, wordEnd);
        return nameStart > 0 && TryReadName(text, nameStart, out start, out end);
    }

    /// <summary>For each letter a-z, a bit per length (1-15) of the honorifics that start with it.</summary>
    private static readonly ushort[] s_honorificLengthsByFirstLetter = HonorificLengthsByFirstLetter();

    private static ushort[] HonorificLengthsByFirstLetter()
    {
        var lengths = new ushort[26];
        foreach (string word in s_honorifics)
        {
            lengths[word[0] - 'a'] |= (ushort)(1 << word.Length);
        }

        return lengths;
    }

    /// <summary>
    /// The name after a salutation or honorific at the start of the first line at or after <paramref name="lineStart"/>
    /// (a line start of <paramref name="text"/>) that has one, as [<paramref name="start"/>, <paramref name="end"/>);
    /// <paramref name="lineStart"/> moves to the next line's start (past the text's end after its last line). False when
    /// no later line has one.
    /// </summary>
    public static bool TryFindNext(ReadOnlySpan<byte> text, ref int lineStart, out int start, out int end)
    {
        start = end = 0;
        while (lineStart <= text.Length)
        {
            // Most lines start otherwise: one table lookup before the call.
            bool found = lineStart < text.Length && s_lineStarts[text[lineStart]] && TryFind(text, lineStart, out start, out end);
            // A tag's '>' starts a line too: an HTML mail's <p>Hi Ravi Kumar,</p>.
            int newline = text[lineStart..].IndexOfAny((byte)'\n', (byte)'>');
            lineStart = newline < 0 ? text.Length + 1 : lineStart + newline + 1;
            if (found)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The name after a salutation or honorific at <paramref name="lineStart"/> (the start of <paramref name="text"/>
    /// or of one of its lines), as [<paramref name="start"/>, <paramref name="end"/>) in bytes; false when the line does
    /// not start with one.
    /// </summary>
    private static bool TryFind(ReadOnlySpan<byte> text, int lineStart, out int start, out int end)
    {
        start = end = 0;
        int i = lineStart;
        while (i < text.Length && text[i] is (byte)' ' or (byte)'\t')
        {
            i++;
        }

        // Most lines start otherwise: one table lookup before any word is read.
        if (i >= text.Length || !s_lineStarts[text[i]])
        {
            return false;
        }

        int wordEnd = LetterWordEnd(text, i);
        ReadOnlySpan<byte> word = text[i..wordEnd];
        if (word.Length > 15 || (s_lengthsByFirstLetter[(text[i] | 0x20) - 'a'] & (1 << word.Length)) == 0)
        {
            // No salutation or honorific has this first letter and length (Ravi, Kumar): no lookup.
            return false;
        }

        if (Ascii.IsListedLowercase(word, s_salutationLookup))
        {
            i = AfterSalutation(text, word, wordEnd);
            if (i < 0)
            {
                return false;
            }
        }
        else if (word.Length == 6 && System.Text.Ascii.EqualsIgnoreCase(word, "myself"u8))
        {
            // Indian English: "Myself Ravi Kumar, calling about order 4821".
            i = AfterSeparator(text, wordEnd, allowComma: false);
            if (i < 0)
            {
                return false;
            }
        }
        else if (word.Length == 5 && System.Text.Ascii.EqualsIgnoreCase(word, "thank"u8))
        {
            // "Thank you Ravi Kumar" / "Thank you, Ravi Kumar".
            i = AfterSeparator(text, wordEnd, allowComma: false);
            int you = i < 0 ? -1 : LetterWordEnd(text, i);
            if (you < 0 || !System.Text.Ascii.EqualsIgnoreCase(text[i..you], "you"u8))
            {
                return false;
            }

            i = AfterSeparator(text, you, allowComma: true);
            if (i < 0)
            {
                return false;
            }
        }
        else if (Ascii.IsListedLowercase(word, s_honorificLookup))
        {
            i = AfterHonorific(text, wordEnd);
            if (i < 0)
            {
                return false;
            }
        }
        else
        {
            return false;
        }

        return TryReadName(text, i, out start, out end);
    }

    /// <summary>
    /// Where the name starts after the salutation <paramref name="word"/> (one of the salutations, ending at
    /// <paramref name="wordEnd"/>): after an optional comma and one or more spaces, a greeting's optional
    /// self-introduction (<c>Hi, I am</c>) and an optional honorific (<c>Dear Mr. </c>); -1 when no space follows the
    /// salutation or the honorific.
    /// </summary>
    private static int AfterSalutation(ReadOnlySpan<byte> text, ReadOnlySpan<byte> word, int wordEnd)
    {
        int i = AfterSeparator(text, wordEnd, allowComma: true);
        if (i < 0)
        {
            return -1;
        }

        // "Hello, I am Priya Sharma", "Hi this is Ravi Kumar": the speaker's own name after a greeting (not after
        // "Thanks" or "Welcome": "Thanks, this is Very Helpful").
        if (Ascii.IsListedLowercase(word, s_greetingLookup))
        {
            i = AfterSelfIntroduction(text, i);
        }

        int honorificEnd = LetterWordEnd(text, i);
        return Ascii.IsListedLowercase(text[i..honorificEnd], s_honorificLookup) ? AfterHonorific(text, honorificEnd) : i;
    }

    /// <summary>For each letter a-z, a bit per length (1-15) of the salutations, honorifics and <c>thank</c> that start with it.</summary>
    private static readonly ushort[] s_lengthsByFirstLetter = LengthsByFirstLetter();

    /// <summary>
    /// Bytes a line that starts with a salutation name can start with (the first letters of the salutations, honorifics
    /// and <c>thank</c> in either case, a space and a tab): one table lookup before any word is read.
    /// </summary>
    private static readonly bool[] s_lineStarts = LineStarts();

    private static bool[] LineStarts()
    {
        var starts = new bool[256];
        starts[' '] = starts['\t'] = true;
        foreach (string word in s_salutations.Concat(s_honorifics).Append("thank").Append("myself"))
        {
            starts[word[0]] = starts[char.ToUpperInvariant(word[0])] = true;
        }

        return starts;
    }

    private static ushort[] LengthsByFirstLetter()
    {
        var lengths = new ushort[26];
        foreach (string word in s_salutations.Concat(s_honorifics).Append("thank").Append("myself"))
        {
            lengths[word[0] - 'a'] |= (ushort)(1 << word.Length);
        }

        return lengths;
    }

    /// <summary>
    /// Index after a self-introduction at <paramref name="i"/> (<c>I am</c>, <c>I'm</c>, <c>this is</c>, <c>myself</c>, any
    /// ASCII case, and the spaces after it), or <paramref name="i"/> when there is none.
    /// </summary>
    private static int AfterSelfIntroduction(ReadOnlySpan<byte> text, int i)
    {
        ReadOnlySpan<byte> rest = text[i..];
        int length = Ascii.StartsWithIgnoreCase(rest, "i am "u8) ? 5
            : Ascii.StartsWithIgnoreCase(rest, "i'm "u8) ? 4
            : Ascii.StartsWithIgnoreCase(rest, "this is "u8) ? 8
            : Ascii.StartsWithIgnoreCase(rest, "myself "u8) ? 7
            : 0;
        if (length == 0)
        {
            return i;
        }

        i += length;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i;
    }

    /// <summary>End of the run of ASCII letters at <paramref name="i"/>.</summary>
    private static int LetterWordEnd(ReadOnlySpan<byte> text, int i)
    {
        while (i < text.Length && Ascii.IsLetter(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>Index after an optional comma (when allowed) and one or more spaces at <paramref name="i"/>; -1 without a space.</summary>
    private static int AfterSeparator(ReadOnlySpan<byte> text, int i, bool allowComma)
    {
        if (allowComma && i < text.Length && text[i] == ',')
        {
            i++;
        }

        int spaces = i;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i > spaces ? i : -1;
    }

    /// <summary>Index after an honorific's optional <c>.</c> and its spaces; -1 when no space follows.</summary>
    private static int AfterHonorific(ReadOnlySpan<byte> text, int wordEnd)
    {
        if (wordEnd < text.Length && text[wordEnd] == '.')
        {
            wordEnd++;
        }

        return AfterSeparator(text, wordEnd, allowComma: false);
    }

    /// <summary>The capitalized words of a name at <paramref name="i"/>: see the remarks of <see cref="SalutationName"/>.</summary>
    private static bool TryReadName(ReadOnlySpan<byte> text, int i, out int start, out int end)
    {
        start = i;
        end = i;
        int words = 0;
        while (i < text.Length && (Ascii.IsUpper(text[i]) || text[i] >= 0x80))
        {
            int wordEnd = i;
            while (wordEnd < text.Length && NameShape.IsWordByte(text[wordEnd]))
            {
                wordEnd++;
            }

            if (++words > MaxWords)
            {
                return false;
            }

            ReadOnlySpan<byte> word = text[i..wordEnd];
            while (word.Length > 0 && word[^1] == '.')
            {
                word = word[..^1];
            }

            if (Ascii.IsListedLowercase(word, s_notNameLookup))
            {
                return false;
            }

            end = i + word.Length;
            if (word.Length > 1 && wordEnd > end)
            {
                // A full stop after a word that is no initial ends the sentence, and the name with it: "Anita Desai. Email
                // anita@example.com", not a name "Anita Desai. Email"; "Ravi K. Sharma" goes on.
                break;
            }

            if (wordEnd < text.Length - 1 && text[wordEnd] == ' ' && (Ascii.IsUpper(text[wordEnd + 1]) || text[wordEnd + 1] >= 0x80))
            {
                i = wordEnd + 1;
                continue;
            }

            if (wordEnd < text.Length && text[wordEnd] is not ((byte)' ' or (byte)',' or (byte)'!' or (byte)'.' or (byte)':'
                or (byte)';' or (byte)')' or (byte)'"' or (byte)'-' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }

            break;
        }

        ReadOnlySpan<byte> name = text[start..end];
        return words >= 2 && NameShape.Words(name) is >= 2 and <= MaxWords && !NameShape.HasOrganisationWord(name);
    }
}
