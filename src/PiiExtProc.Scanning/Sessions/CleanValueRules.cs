using System.Buffers;
using PiiExtProc.Scanning.Recognition;
using static PiiExtProc.Scanning.Recognition.BuiltInId;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// The per-value half of <see cref="CleanJsonProof"/>: true only when <see cref="Detector.Scan"/> with built-in
/// recognizers cannot match in one JSON value (a string's bytes without escapes, or a number's text) under its key
/// class, at any score threshold. Each rule is a superset of what a recognizer needs (see the remarks).
/// </summary>
/// <remarks>
/// <para>An embedded document (<see cref="Detector.IsEmbeddedDocument"/>: a value starting with <c>{ [ &lt;</c>) is never
/// clean here: the detector reads it as JSON or by its key-value pairs and elements.</para>
/// <para>A <c>?</c> followed anywhere by <c>%</c> or <c>+</c> is never clean here: the detector decodes URL query values.</para>
/// <para>Salutation names (<see cref="SalutationName"/>: <c>Dear Ravi Kumar,</c>) are not modelled: they are reported
/// only when their record makes them PII (<see cref="RawMatch.ReportedOnlyWhenPii"/>), which needs a second kind in the record (an email, an
/// address, an IP) that these rules never call clean, so a body the proof calls clean has none to report. The
/// session's per-value prefilter looks for them itself.</para>
/// <para>A <c>:</c> or <c>=</c> after a key phrase that names a person name or an address (<c>Detector.TextPairRoleAt</c>)
/// is never clean here: the detector reads such pairs in free text.</para>
/// <para>The detector's triggers are digits, <c>@</c> and <c>:</c> (with only built-in recognizers: no deny-list terms).
/// A value with an <c>@</c> is never clean here (email and UPI are not modelled). Used by <see cref="CleanJsonProof"/>
/// for whole bodies and by the session's full path for each value (the detector sees only the value, so the same rule
/// applies there to the decoded value, whatever the chunking).</para>
/// <list type="bullet">
/// <item>Colon: exactly <c>Detector.OnColon</c>'s token bounds (hex digits, colons, dots, at most 45 bytes each side)
/// and its letter-or-digit boundary test; a token that passes it may be IPv6 when it has seven colons, or two and a
/// <c>::</c> (<c>IpAddressRecognizer.ScoreVersion6</c> returns 0 otherwise).</item>
/// <item>Word (a digit next to a letter, digit run or <c>_</c>; <see cref="DigitRun"/> sends these to
/// <c>Detector.OnWord</c>): the letter-digit word around it is rejected when its length and shape fit a word
/// recognizer at all: 8 = letter + 7 digits (passport); 10 = 5 letters + 4 digits + letter (PAN) or 3 letters + 7 digits
/// (EPIC); 11 = 4 letters + <c>0</c> (IFSC); 15 = two digits first (GSTIN); 4 or 15-34 = two letters + two digits first
/// (IBAN, whole or the first group of a grouped one). Letters case-insensitive.</item>
/// <item>Digit chain: the groups <see cref="DigitRun"/> can join (digits joined by one space, hyphen, dot or slash; a
/// group followed by a letter or <c>_</c>, or longer than 19 digits, is a word and ends it). A chain that may join a
/// group through parentheses (<c>+91 (98765) 43210</c>) is never clean here. Every candidate the
/// detector forms is a window of at most five consecutive groups of a chain. Per window:
/// shapes a recognizer can report on the pattern alone reject (IN_MOBILE 10-12 digits with its first-digit rule,
/// IN_AADHAAR 12 digits first 2-9, IN_AADHAAR_VID 16 digits first 2-9, CREDIT_CARD 12-19 digits first 2-6, IPv4 four dotted
/// octets; all with space or hyphen separators but IPv4), unless the window is negative (a negative key, or
/// <c>Detector.OnDigit</c>'s structural negative: after <c>/</c>, or <c>-</c> / <c>#</c> after a letter or digit,
/// with no space before the window, in the first eight groups) which suppresses pattern-only matches of exactly these.
/// Shapes that need a key or context word (those above when negative or without a valid pattern; IN_BANK_ACCOUNT one
/// group of 9-18 digits; IN_PIN_CODE 6 digits whole or 3+3 with a space and an assigned postal circle;
/// DATE_OF_BIRTH three groups 4-2-2 or 2-2-4 with one separator kind of <c>- / .</c>) reject only when the key names
/// the entity or a whole context word for it occurs anywhere from 50 bytes before the chain to its end
/// (<see cref="KeywordTable.AnyContextEntities"/>, a superset of the detector's 48-byte nearest-word window). A lone
/// 6-digit group rejects too in a value of 16 bytes or more with a comma: it may end an address in prose
/// (<see cref="Detector.IsPinCodeCandidate"/>).</item>
/// </list>
/// </remarks>
internal static class CleanValueRules
{
    /// <summary>Bytes before a chain searched for context words: the detector's window plus a leading <c>+</c> and slack.</summary>
    private const int ContextReach = Detector.ContextWindow + 2;

    /// <summary>Most groups of one chain examined; longer chains are rejected.</summary>
    private const int MaxChainGroups = 32;

    private const uint SuppressibleMask = (1u << Mobile) | (1u << Aadhaar) | (1u << AadhaarVirtualId) | (1u << PaymentCard) | (1u << IpAddress);

    /// <summary><see cref="ShortChainEnd"/>'s answer for a chain that makes its value unclean whatever follows.</summary>
    private const int NotClean = int.MinValue;

    private static readonly SearchValues<byte> s_triggers = SearchValues.Create("0123456789:=@?"u8);

    /// <summary>True when no built-in recognizer can match in <paramref name="value"/> under <paramref name="key"/>.</summary>
    public static bool IsClean(ReadOnlySpan<byte> value, KeyClass key, KeywordTable keywords)
    {
        if (Detector.IsEmbeddedDocument(value))
        {
            // It is read as JSON or by its key-value pairs and elements (names, addresses), which these rules do not model.
            return false;
        }

        if (IsPlainTimestamp(value))
        {
            return true;
        }

        int i = 0;
        while (true)
        {
            int p = NextTrigger(value, i);
            if (p < 0)
            {
                return true;
            }

            if (value[p] == '@')
            {
                return false;
            }

            if (value[p] == '?')
            {
                // A URL query with an encoded value: the detector decodes and scans it (Detector.ScanEncodedQueries).
                if (value[(p + 1)..].IndexOfAny((byte)'%', (byte)'+') >= 0)
                {
                    return false;
                }

                i = p + 1;
                continue;
            }

            if (value[p] is (byte)':' or (byte)'=')
            {
                // A key-value pair naming a name or address (Name: ..., customer_name=...): the detector reads it in
                // free text. A colon may also be IPv6.
                if (Detector.TextPairRoleAt(value, p, keywords) != ValueRole.None || (value[p] == ':' && MayBeIpVersion6(value, p)))
                {
                    return false;
                }

                i = p + 1;
                continue;
            }

            if (p > 0 && Ascii.IsWordByte(value[p - 1]))
            {
                int end = WordEnd(value, p);
                if (!WordIsClean(value[WordStart(value, p)..end]))
                {
                    return false;
                }

                i = end;
                continue;
            }

            int shortEnd = ShortChainEnd(value, p, key, keywords);
            if (shortEnd == NotClean)
            {
                return false;
            }

            if (shortEnd >= 0)
            {
                i = shortEnd;
                continue;
            }

            i = ChainEnd(value, p, key, keywords);
            if (i < 0)
            {
                return false;
            }
        }
    }

    /// <summary>
    /// True for exactly <c>dddd-dd-ddTdd:dd:dd</c> with an optional trailing <c>Z</c> (ISO 8601 UTC, seconds), which the
    /// general loop accepts under every key: the chain is <c>dddd-dd</c> (6 digits in two groups, not 3+3 with a space,
    /// so no shape), <c>ddTdd</c> and <c>ddZ</c> are words of 5 and 3 bytes (no word recognizer), both colon tokens
    /// follow the letter <c>T</c> (no IPv6), and the group between the colons has 2 digits.
    /// </summary>
    private static bool IsPlainTimestamp(ReadOnlySpan<byte> value)
    {
        if (value.Length is not (19 or 20) || (value.Length == 20 && value[19] != 'Z'))
        {
            return false;
        }

        ReadOnlySpan<byte> pattern = "0000-00-00T00:00:00"u8;
        for (int i = 0; i < pattern.Length; i++)
        {
            byte expected = pattern[i];
            if (expected == '0' ? !Ascii.IsDigit(value[i]) : value[i] != expected)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first digit, <c>:</c>, <c>=</c>, <c>@</c> or <c>?</c> at or after <paramref name="i"/>, or -1 (short rests byte by byte).</summary>
    private static int NextTrigger(ReadOnlySpan<byte> value, int i)
    {
        if (value.Length - i > 16)
        {
            int k = value[i..].IndexOfAny(s_triggers);
            return k < 0 ? -1 : i + k;
        }

        for (; (uint)i < (uint)value.Length; i++)
        {
            byte c = value[i];
            if (Ascii.IsDigit(c) || c is (byte)':' or (byte)'=' or (byte)'@' or (byte)'?')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The common cases without <see cref="ChainEnd"/>'s buffers, deciding as it does; returns the chain's end (or the
    /// end of the word that ends it), else -1 (then <see cref="ChainEnd"/> decides), or <see cref="NotClean"/>. Handled:
    /// one group of 6 digits (only IN_PIN_CODE has that shape: clean unless its circle is assigned and the key or a
    /// context word names it; never in a value of 16 bytes or more with a comma, <see cref="NotClean"/>);
    /// one or two groups whose windows have no shape (<see cref="MayHaveCandidate"/> false, or two groups of 6 digits
    /// in all that are not 3+3 joined by a space, the only two-group 6-digit shape), optionally ended by a word that
    /// <see cref="WordIsClean"/> accepts (a third group joined to letters, as in <c>2026-11-05T10:23</c>); a first group
    /// that is itself a word (<c>00Z</c>).
    /// </summary>
    private static int ShortChainEnd(ReadOnlySpan<byte> value, int p, KeyClass key, KeywordTable keywords)
    {
        int q = DigitsEnd(value, p);
        int first = q - p;
        if (EndsInWord(value, q) || first > DigitRun.MaxGroupDigits)
        {
            // A word (as ChainEnd's first group): DigitRun ends the run before it and the detector reads it with OnWord.
            int firstWordEnd = WordEnd(value, q);
            return WordIsClean(value[p..firstWordEnd]) ? firstWordEnd : -1;
        }

        if (DigitRun.MayJoinThroughParenthesis(value, q))
        {
            return -1;
        }

        if (!DigitRun.JoinsNext(value, q))
        {
            if (first != 6)
            {
                return first >= 9 ? -1 : q;
            }

            if (value.Length >= 16 && value.Contains((byte)','))
            {
                // Every PIN code candidate of an address in prose (Detector.IsPinCodeCandidate: six digits joined to no
                // other group) is such a group: in a value with a comma, the detector reads back from it for an address.
                return NotClean;
            }

            const uint Pin = 1u << BuiltInId.PinCode;
            bool clean = !PinCodeRecognizer.IsAssignedCircle(((value[p] - '0') * 10) + (value[p + 1] - '0'))
                || ((key.Entities & Pin) == 0 && (keywords.AnyContextEntities(value, Math.Max(0, p - ContextReach), q) & Pin) == 0);
            return clean ? q : -1;
        }

        if (IsCandidateLength(first))
        {
            return -1;
        }

        int secondEnd = DigitsEnd(value, q + 1);
        int second = secondEnd - q - 1;
        int sum = first + second;
        if (IsCandidateLength(second) || EndsInWord(value, secondEnd) || sum >= 9 || (sum == 6 && first == 3 && value[q] == ' '))
        {
            return -1;
        }

        if (DigitRun.MayJoinThroughParenthesis(value, secondEnd))
        {
            return -1;
        }

        if (!DigitRun.JoinsNext(value, secondEnd))
        {
            return secondEnd;
        }

        // A third group: clean here only when it is a word (DigitRun ends the chain before it) that no word recognizer accepts.
        int third = DigitsEnd(value, secondEnd + 1);
        if (!EndsInWord(value, third) && third - secondEnd - 1 <= DigitRun.MaxGroupDigits)
        {
            return -1;
        }

        int wordEnd = WordEnd(value, third);
        return WordIsClean(value[(secondEnd + 1)..wordEnd]) ? wordEnd : -1;
    }

    private static int DigitsEnd(ReadOnlySpan<byte> value, int q)
    {
        while (q < value.Length && Ascii.IsDigit(value[q]))
        {
            q++;
        }

        return q;
    }

    /// <summary>A group of this many digits can be a candidate alone or joined (6 or 9+; over 19 is a word, also -1 there).</summary>
    private static bool IsCandidateLength(int digits) => digits == 6 || digits >= 9;

    private static bool EndsInWord(ReadOnlySpan<byte> value, int q) => q < value.Length && (Ascii.IsLetter(value[q]) || value[q] == '_');

    private static int WordStart(ReadOnlySpan<byte> text, int p)
    {
        while (p > 0 && Ascii.IsLetterOrDigit(text[p - 1]))
        {
            p--;
        }

        return p;
    }

    private static int WordEnd(ReadOnlySpan<byte> text, int p)
    {
        while (p < text.Length && Ascii.IsLetterOrDigit(text[p]))
        {
            p++;
        }

        return p;
    }

    /// <summary>False when a word recognizer (passport, PAN, EPIC, IFSC, GSTIN, IBAN) accepts the shape of <paramref name="word"/>.</summary>
    private static bool WordIsClean(ReadOnlySpan<byte> word)
    {
        switch (word.Length)
        {
            case 4:
                return !IbanStart(word);
            case 8:
                return !(Ascii.IsLetter(word[0]) && Ascii.AllDigits(word[1..]));
            case 10:
                bool pan = AllLetters(word[..5]) && Ascii.AllDigits(word.Slice(5, 4)) && Ascii.IsLetter(word[9]);
                bool epic = AllLetters(word[..3]) && Ascii.AllDigits(word[3..]);
                return !pan && !epic;
            case 11:
                return !(AllLetters(word[..4]) && word[4] == '0');
            case >= 15 and <= IbanRecognizer.MaxLength:
                return !(word.Length == 15 && Ascii.IsDigit(word[0]) && Ascii.IsDigit(word[1])) && !IbanStart(word);
            default:
                return true;
        }
    }

    private static bool IbanStart(ReadOnlySpan<byte> word) =>
        Ascii.IsLetter(word[0]) && Ascii.IsLetter(word[1]) && Ascii.IsDigit(word[2]) && Ascii.IsDigit(word[3]);

    private static bool AllLetters(ReadOnlySpan<byte> text)
    {
        foreach (byte b in text)
        {
            if (!Ascii.IsLetter(b))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The detector's IPv6 token and boundary test (<see cref="IpAddressRecognizer.TryFindVersion6Token"/>), then ScoreVersion6's colon counts.</summary>
    private static bool MayBeIpVersion6(ReadOnlySpan<byte> text, int colon)
    {
        if (!IpAddressRecognizer.TryFindVersion6Token(text, colon, out int start, out int end))
        {
            return false;
        }

        ReadOnlySpan<byte> token = text[start..end];
        int colons = token.Count((byte)':');
        return colons >= 7 || (colons >= 2 && token.IndexOf("::"u8) >= 0);
    }

    /// <summary>
    /// Reads the digit chain starting at <paramref name="p"/> (a digit not preceded by a word byte), checks its windows
    /// and a word that ends it; returns where to continue, or -1 when a recognizer may match.
    /// </summary>
    private static int ChainEnd(ReadOnlySpan<byte> value, int p, KeyClass key, KeywordTable keywords)
    {
        Span<int> starts = stackalloc int[MaxChainGroups];
        Span<int> lengths = stackalloc int[MaxChainGroups];
        Span<byte> separators = stackalloc byte[MaxChainGroups];
        int count = 0;
        int q = p;
        int next;
        while (true)
        {
            int groupStart = q;
            while (q < value.Length && Ascii.IsDigit(value[q]))
            {
                q++;
            }

            if ((q < value.Length && (Ascii.IsLetter(value[q]) || value[q] == '_')) || q - groupStart > DigitRun.MaxGroupDigits)
            {
                // A word: DigitRun ends the run before it and the detector reads it with OnWord.
                next = WordEnd(value, q);
                if (!WordIsClean(value[groupStart..next]))
                {
                    return -1;
                }

                break;
            }

            if (count == MaxChainGroups)
            {
                return -1;
            }

            starts[count] = groupStart;
            lengths[count] = q - groupStart;
            separators[count] = count == 0 ? (byte)0 : value[groupStart - 1];
            count++;
            next = q;
            if (DigitRun.MayJoinThroughParenthesis(value, q))
            {
                return -1;
            }

            if (!DigitRun.JoinsNext(value, q))
            {
                break;
            }

            q++;
        }

        if (count > 0 && MayHaveCandidate(lengths[..count]) && !WindowsAreClean(value, p, starts[..count], lengths[..count], separators[..count], key, keywords))
        {
            return -1;
        }

        return next;
    }

    /// <summary>
    /// False when no window of the chain can be a candidate (<c>Detector.MayMatch</c>: 6 or 9-19 digits, or 3-4 groups):
    /// at most two groups and neither they nor their sum has 6 or 9+ digits.
    /// </summary>
    private static bool MayHaveCandidate(ReadOnlySpan<int> lengths)
    {
        static bool Candidate(int n) => n == 6 || n >= 9;
        return lengths.Length switch
        {
            1 => Candidate(lengths[0]),
            2 => Candidate(lengths[0]) || Candidate(lengths[1]) || Candidate(lengths[0] + lengths[1]),
            _ => true,
        };
    }

    private static bool WindowsAreClean(ReadOnlySpan<byte> value, int p, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths,
        ReadOnlySpan<byte> separators, KeyClass key, KeywordTable keywords)
    {
        int runStart = p > 0 && value[p - 1] == '+' ? p - 1 : p;
        byte before = runStart > 0 ? value[runStart - 1] : (byte)0;
        bool structural = before == '/'
            || (before is (byte)'-' or (byte)'#' && runStart >= 2 && Ascii.IsLetterOrDigit(value[runStart - 2]));
        Span<byte> digits = stackalloc byte[24];
        uint needed = 0;
        bool spaceBefore = false;
        for (int s = 0; s < starts.Length; s++)
        {
            spaceBefore |= s > 0 && separators[s] == ' ';
            int n = 0;
            int kinds = 0;
            for (int e = s; e < starts.Length && e < s + 5; e++)
            {
                int length = lengths[e];
                if (n + length > digits.Length)
                {
                    break;
                }

                value.Slice(starts[e], length).CopyTo(digits[n..]);
                n += length;
                if (e > s)
                {
                    kinds |= separators[e] switch
                    {
                        (byte)' ' => DigitSpan.Space,
                        (byte)'-' => DigitSpan.Hyphen,
                        (byte)'.' => DigitSpan.Dot,
                        _ => DigitSpan.Slash,
                    };
                }

                bool negative = key.Negative || (structural && !spaceBefore && e < DigitRun.MaxGroups);
                uint shapes = Shapes(digits[..n], lengths[s..(e + 1)], kinds, out uint patternOnly);
                if ((patternOnly & ~(negative ? SuppressibleMask : 0)) != 0)
                {
                    return false;
                }

                needed |= shapes;
            }
        }

        if (needed == 0)
        {
            return true;
        }

        if ((needed & key.Entities) != 0)
        {
            return false;
        }

        int end = starts[^1] + lengths[^1];
        return (needed & keywords.AnyContextEntities(value, Math.Max(0, p - ContextReach), end)) == 0;
    }

    /// <summary>
    /// The entities whose digit recognizer accepts the shape of a window with any evidence (returned), and among them those
    /// that may report it on the pattern alone (<paramref name="patternOnly"/>).
    /// </summary>
    private static uint Shapes(ReadOnlySpan<byte> d, ReadOnlySpan<int> groups, int kinds, out uint patternOnly)
    {
        patternOnly = 0;
        int n = d.Length;
        int g = groups.Length;
        if (!(n == 6 || (n >= 9 && n <= 19) || g is 3 or 4))
        {
            return 0;
        }

        uint shapes = 0;
        bool spaceOrHyphen = (kinds & ~(DigitSpan.Space | DigitSpan.Hyphen)) == 0;
        if (spaceOrHyphen)
        {
            if (g <= 4 && ((n == 10 && d[0] >= '6') || (n == 11 && d[0] == '0' && d[1] >= '6')
                || (n == 12 && d[0] == '9' && d[1] == '1' && d[2] >= '6')))
            {
                shapes |= Bit(Mobile);
                patternOnly |= Bit(Mobile);
            }

            if (n == 12)
            {
                shapes |= Bit(Aadhaar);
                patternOnly |= d[0] >= '2' ? Bit(Aadhaar) : 0;
            }

            if (n == 16)
            {
                shapes |= Bit(AadhaarVirtualId);
                patternOnly |= d[0] >= '2' ? Bit(AadhaarVirtualId) : 0;
            }

            if (n >= 12)
            {
                shapes |= Bit(PaymentCard);
                patternOnly |= d[0] is >= (byte)'2' and <= (byte)'6' ? Bit(PaymentCard) : 0;
            }
        }

        if (g == 1 && n is >= 9 and <= 18)
        {
            shapes |= Bit(BankAccount);
        }

        if (n == 6 && (g == 1 || (g == 2 && groups[0] == 3 && kinds == DigitSpan.Space))
            && PinCodeRecognizer.IsAssignedCircle(((d[0] - '0') * 10) + (d[1] - '0')))
        {
            shapes |= Bit(PinCode);
        }

        if (g == 3 && kinds is DigitSpan.Hyphen or DigitSpan.Slash or DigitSpan.Dot
            && ((groups[0] == 4 && groups[1] <= 2 && groups[2] <= 2) || (groups[0] <= 2 && groups[1] <= 2 && groups[2] == 4)))
        {
            shapes |= Bit(DateOfBirth);
        }

        if (g == 4 && kinds == DigitSpan.Dot && IsOctet(d, groups))
        {
            shapes |= Bit(IpAddress);
            patternOnly |= Bit(IpAddress);
        }

        return shapes;
    }

    private static bool IsOctet(ReadOnlySpan<byte> d, ReadOnlySpan<int> groups)
    {
        int offset = 0;
        foreach (int length in groups)
        {
            if (length > 3 || (length > 1 && d[offset] == '0'))
            {
                return false;
            }

            int v = 0;
            for (int i = 0; i < length; i++)
            {
                v = (v * 10) + (d[offset + i] - '0');
            }

            if (v > 255)
            {
                return false;
            }

            offset += length;
        }

        return true;
    }
}
