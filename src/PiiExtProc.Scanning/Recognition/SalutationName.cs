namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// A full name right after a salutation or an honorific at the start of a line, as notification, e-mail and SMS
/// templates write it: <c>Dear Ravi Kumar,</c>, <c>Hi Anita Desai!</c>, <c>Hello Mr. Ravi Kumar</c>,
/// <c>Smt. Sunita Devi</c>. No NER: the salutation is the context word, and the name must be 2-4 capitalized words.
/// </summary>
/// <remarks>
/// <para>The line (the text's start or the byte after a <c>\n</c>) starts, after optional spaces and tabs, with a
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
internal static class SalutationName
{
    /// <summary>Most capitalized words taken as a name; a longer run is title-case prose.</summary>
    private const int MaxWords = 4;

    private static readonly HashSet<string> s_salutations = new(StringComparer.Ordinal)
    {
        "dear", "hi", "hii", "hello", "hey", "namaste", "namaskar", "greetings", "respected", "welcome", "thanks",
        "congrats", "congratulations",
    };

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
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_salutationLookup = s_salutations.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_honorificLookup = s_honorifics.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_notNameLookup = s_notNameWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when some line of <paramref name="text"/> (UTF-8) starts with a salutation name.</summary>
    public static bool AnyLine(ReadOnlySpan<byte> text)
    {
        int lineStart = 0;
        return TryFindNext(text, ref lineStart, out _, out _);
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
            int newline = text[lineStart..].IndexOf((byte)'\n');
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
            i = AfterSeparator(text, wordEnd, allowComma: true);
            if (i < 0)
            {
                return false;
            }

            wordEnd = LetterWordEnd(text, i);
            if (Ascii.IsListedLowercase(text[i..wordEnd], s_honorificLookup))
            {
                i = AfterHonorific(text, wordEnd);
                if (i < 0)
                {
                    return false;
                }
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
        foreach (string word in s_salutations.Concat(s_honorifics).Append("thank"))
        {
            starts[word[0]] = starts[char.ToUpperInvariant(word[0])] = true;
        }

        return starts;
    }

    private static ushort[] LengthsByFirstLetter()
    {
        var lengths = new ushort[26];
        foreach (string word in s_salutations.Concat(s_honorifics).Append("thank"))
        {
            lengths[word[0] - 'a'] |= (ushort)(1 << word.Length);
        }

        return lengths;
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
        static bool IsWordByte(byte b) => Ascii.IsLetter(b) || b >= 0x80 || b is (byte)'.' or (byte)'\'' or (byte)'-';
        start = i;
        end = i;
        int words = 0;
        while (i < text.Length && (Ascii.IsUpper(text[i]) || text[i] >= 0x80))
        {
            int wordEnd = i;
            while (wordEnd < text.Length && IsWordByte(text[wordEnd]))
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
