using System.Buffers;
using System.Numerics;
using static PiiExtProc.Scanning.Recognition.BuiltInId;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>The keyed fast path of a <see cref="Detector"/>: a whole value under a key that names its entity.</summary>
internal sealed partial class Detector
{
    /// <summary>Entities of the email tokenizer (<c>local@domain</c>).</summary>
    private const uint AtMask = (1u << Email) | (1u << UpiVpa);

    /// <summary>Most ASCII digits a value may hold and still have no candidate of any built-in recognizer (<see cref="CannotHoldCandidate"/>).</summary>
    private const int MaxDigitsWithoutCandidate = 3;

    /// <summary>Entities of the word tokenizer (<see cref="BestWord"/>): passport, PAN, voter ID, IFSC, GSTIN, IBAN.</summary>
    private const uint WordMask = (1u << Passport) | (1u << Pan) | (1u << VoterId) | (1u << Ifsc) | (1u << Gstin) | (1u << Iban);

    /// <summary>Word bytes (<see cref="Ascii.IsLetterOrDigit(byte)"/>): ASCII letters and digits.</summary>
    private static readonly SearchValues<byte> s_wordBytes =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"u8);

    /// <summary>
    /// True when <see cref="TryScanKeyed"/> may run: only built-in recognizers and no allow list (either could add to or
    /// change what the full <see cref="Scan"/> finds in any value).
    /// </summary>
    public bool KeyedFastPathApplies => OnlyBuiltInRecognizers && _allow.Length == 0;

    /// <summary>
    /// Scans a JSON value whose key names entities (<paramref name="key"/>, no role, not negative) when the value is
    /// one whole candidate of a keyed entity: a single digit run (<c>+91 98765 43210</c>, <c>2896 8953 2095</c>,
    /// <c>1988-08-20</c>, <c>10.1.2.3</c>), a single <c>local@domain</c> token or a single word of ASCII letters and
    /// digits starting with a letter (<c>ABCPK1234X</c>); or a value under a key role (<c>name</c>, <c>address</c>,
    /// <c>line1</c> of an address object) in which no candidate can start (<see cref="CannotHoldCandidate"/>). Adds the one match <see cref="Scan"/> would find
    /// (in <paramref name="match"/>) and returns true; otherwise returns false (the caller runs <see cref="Scan"/>).
    /// Call only when <see cref="KeyedFastPathApplies"/>.
    /// </summary>
    /// <remarks>
    /// Why the result equals <see cref="Scan"/>'s: the whole-value match has key evidence, which only the key's own
    /// entities can have, so it beats every overlapping candidate of any other recognizer, and it overlaps every
    /// candidate in the value. Among the key's entities, a digit span shorter than the value (a prefix of the run, the
    /// only ones <see cref="OnDigit"/> compares with it) can only win with a higher score, or an equal score when it is
    /// considered first and the whole is not longer; the path is taken only when no prefix fits a keyed entity or the
    /// whole scores <see cref="Scores.Validated"/>. The context window before position 0 is empty, so no context word
    /// or negative word applies.
    /// </remarks>
    public bool TryScanKeyed(ReadOnlySpan<byte> text, KeyClass key, out RawMatch match)
    {
        match = default;
        if (text.IsEmpty)
        {
            return false;
        }

        if (key.Role != ValueRole.None)
        {
            return TryKeyedRole(text, key.Role, ref match);
        }

        if (key.Negative)
        {
            return false;
        }

        uint keyed = key.Entities & EnabledMask;
        byte b = text[0];
        if ((keyed & (DigitOnlyMask | Bit(IpAddress))) != 0 && (Ascii.IsDigit(b) || b == '+'))
        {
            return TryKeyedNumber(text, key, keyed, ref match);
        }

        if ((keyed & AtMask) != 0 && (keyed & ~AtMask) == 0)
        {
            return TryKeyedAt(text, key, ref match);
        }

        if ((keyed & WordMask) != 0 && Ascii.IsLetter(b))
        {
            return TryKeyedWord(text, key, ref match);
        }

        return false;
    }

    /// <summary>
    /// The keyed word path: the value must be one word of ASCII letters and digits that starts with a letter and holds a
    /// digit, so the full scan's first candidate byte is a digit inside it and <see cref="OnWord"/> reads the whole value
    /// as its word, with an empty context window (position 0); <see cref="BestWord"/> then gives the same match (the
    /// value holds no other candidate byte after the word).
    /// </summary>
    private bool TryKeyedWord(ReadOnlySpan<byte> text, KeyClass key, ref RawMatch match)
    {
        int end = text.Length;
        if (end is < 8 or > IbanRecognizer.MaxLength || text.IndexOfAnyExcept(s_wordBytes) >= 0
            || text.IndexOfAnyInRange((byte)'0', (byte)'9') < 0)
        {
            return false;
        }

        return BestWord(text, 0, ref end, key, contextEntities: 0, out match) && end == text.Length;
    }

    /// <summary>
    /// The key role path: when no built-in recognizer can find a candidate in the value
    /// (<see cref="CannotHoldCandidate"/>), the full scan finds at most the whole-value match of the role
    /// (<see cref="WholeValue"/>). Not for an embedded document (<see cref="IsEmbeddedDocument"/>): the full scan reads
    /// <c>["12 MG Road"]</c> as JSON and finds the street inside the brackets, not the whole value. Nor for an address
    /// with a line feed, whose first line the full scan may read as the addressee's name (<see cref="AddAddresseeBlock"/>).
    /// </summary>
    private bool TryKeyedRole(ReadOnlySpan<byte> text, ValueRole role, ref RawMatch match) =>
        !IsEmbeddedDocument(text) && CannotHoldCandidate(text)
        && !(role is ValueRole.PostalAddress or ValueRole.PlaceAddress && text.Contains((byte)'\n'))
        && WholeValue(text, 0, text.Length, role, fromText: false, out match);

    /// <summary>
    /// True when no built-in recognizer can find a candidate in <paramref name="text"/> (with
    /// <see cref="KeyedFastPathApplies"/>, only digits, <c>@</c> and <c>:</c> start one): no <c>@</c> or <c>:</c>, and at
    /// most <see cref="MaxDigitsWithoutCandidate"/> ASCII digits, none next to an ASCII letter. Every digit entity needs
    /// 4 digits or more (an IPv4 address 4, a date of birth 6, a PIN code 6), and every identifier word (PAN, passport,
    /// voter ID, IFSC, GSTIN, IBAN) has a digit next to a letter. So <c>12 MG Road</c> holds none; <c>Flat 4B</c> and
    /// <c>No. 1234</c> may. Salutation and honorific names (<see cref="SalutationName"/>) are not looked for: the
    /// detector reads them only in text records and in values under no key, never under a key role, the one case this
    /// serves (<see cref="TryKeyedRole"/>).
    /// </summary>
    internal static bool CannotHoldCandidate(ReadOnlySpan<byte> text)
    {
        int first = text.IndexOfAny(s_baseTriggers);
        if (first < 0)
        {
            return true;
        }

        int digits = 0;
        for (int i = first; i < text.Length; i++)
        {
            byte b = text[i];
            if (b is (byte)'@' or (byte)':')
            {
                return false;
            }

            if (Ascii.IsDigit(b)
                && (++digits > MaxDigitsWithoutCandidate || (i > 0 && Ascii.IsLetter(text[i - 1])) || (i + 1 < text.Length && Ascii.IsLetter(text[i + 1]))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The keyed number path: the value must be exactly one <see cref="DigitRun"/> (an optional <c>+</c>, then 1 to 5
    /// groups of at most <see cref="DigitRun.MaxGroupDigits"/> digits joined by one space, hyphen, dot or slash, at most
    /// <see cref="MaxSpanDigits"/> digits in all), read in one pass that also copies the digits and group lengths (the
    /// same accept and reject cases as <see cref="DigitRun.Read"/> followed by the span build of <see cref="OnDigit"/>).
    /// </summary>
    private bool TryKeyedNumber(ReadOnlySpan<byte> text, KeyClass key, uint keyed, ref RawMatch match)
    {
        bool plus = text[0] == '+';
        int p = plus ? 1 : 0;
        if (p >= text.Length || !Ascii.IsDigit(text[p]))
        {
            return false;
        }

        DigitRunBuffer lengthBuffer = default;
        SpanDigitBuffer digitBuffer = default;
        Span<int> lengths = lengthBuffer;
        Span<byte> digits = digitBuffer;
        int n = 0;
        int groups = 0;
        int separators = 0;
        bool prefixMayMatch = false;
        while (true)
        {
            // A group: its first byte is a digit (checked before the loop and after each separator).
            int groupStart = n;
            byte b;
            while (true)
            {
                if (n == MaxSpanDigits)
                {
                    return false;
                }

                digits[n++] = text[p++];
                if (p == text.Length)
                {
                    b = 0;
                    break;
                }

                b = text[p];
                if (!Ascii.IsDigit(b))
                {
                    break;
                }
            }

            if (n - groupStart > DigitRun.MaxGroupDigits)
            {
                return false;
            }

            lengths[groups++] = n - groupStart;
            if (p == text.Length)
            {
                break;
            }

            // Another group must follow through one separator (a letter, an underscore or anything else after a group
            // ends the run before the end of the value), and a run of more than 5 groups is not taken.
            int separator = b switch
            {
                (byte)' ' => DigitSpan.Space,
                (byte)'-' => DigitSpan.Hyphen,
                (byte)'.' => DigitSpan.Dot,
                (byte)'/' => DigitSpan.Slash,
                _ => 0,
            };
            if (separator == 0 || groups == 5 || p + 1 >= text.Length || !Ascii.IsDigit(text[p + 1]))
            {
                return false;
            }

            separators |= separator;
            prefixMayMatch |= (NumberEntities(n, groups) & keyed) != 0;
            p++;
        }

        uint possible = NumberEntities(n, groups) & keyed;
        if (possible == 0)
        {
            return false;
        }

        var span = new DigitSpan(digits[..n], lengths[..groups], separators, plus, dotAdjacent: false, groupAdjacent: false);
        if ((possible & (possible - 1)) == 0)
        {
            // One entity (the usual case): its recognizer alone decides, as in ConsiderNumber with only it enabled (key
            // evidence, never suppressed).
            int id = BitOperations.TrailingZeroCount(possible);
            float score = KeyedNumberScore(id, span, out string recognizer);
            if (!PassesBuiltIn(id, score) || (prefixMayMatch && score < Scores.Validated))
            {
                return false;
            }

            match = new RawMatch(PiiEntity.FromBuiltInIndex(id), 0, text.Length, score, recognizer, Evidence.Key);
            return true;
        }

        int bestEnd = -1;
        ConsiderNumber(span, key, contextEntities: 0, negative: false, 0, text.Length, ref match, ref bestEnd, groups - 1, possible);
        return bestEnd >= 0 && !(prefixMayMatch && match.Score < Scores.Validated);
    }

    /// <summary>
    /// The score of digit entity <paramref name="id"/>'s recognizer for <paramref name="span"/> with key evidence, and the
    /// recognizer's name: the call <see cref="ConsiderNumber"/> makes for that entity (0 for an entity it does not run).
    /// </summary>
    private static float KeyedNumberScore(int id, in DigitSpan span, out string recognizer)
    {
        switch (id)
        {
            case Mobile:
                recognizer = MobileRecognizer.Name;
                return MobileRecognizer.Score(span, Evidence.Key);
            case Aadhaar:
                return AadhaarRecognizer.Score(span, Evidence.Key, out recognizer);
            case AadhaarVirtualId:
                return AadhaarVirtualIdRecognizer.Score(span, Evidence.Key, out recognizer);
            case PaymentCard:
                return PaymentCardRecognizer.Score(span, Evidence.Key, out recognizer);
            case BankAccount:
                recognizer = BankAccountRecognizer.Name;
                return BankAccountRecognizer.Score(span, Evidence.Key);
            case PinCode:
                recognizer = PinCodeRecognizer.Name;
                return PinCodeRecognizer.Score(span, Evidence.Key);
            case DateOfBirth:
                recognizer = DateOfBirthRecognizer.Name;
                return DateOfBirthRecognizer.Score(span, Evidence.Key);
            case IpAddress:
                recognizer = IpAddressRecognizer.Version4Name;
                return IpAddressRecognizer.ScoreVersion4(span, Evidence.Key, negative: false);
            default:
                recognizer = string.Empty;
                return 0;
        }
    }

    /// <summary>
    /// The keyed <c>local@domain</c> path: the value must be exactly the candidate <see cref="MatchAt"/> reads around its
    /// only <c>@</c> (every byte before it a local-part byte, at most <see cref="EmailAndUpiRecognizer.MaxLocalLength"/>,
    /// not starting with <c>. - +</c>; every byte after it a domain byte, at most
    /// <see cref="EmailAndUpiRecognizer.MaxDomainLength"/>, not ending with <c>. -</c>), matched with key evidence. The
    /// context window before position 0 is empty, so the evidence is the key's or the pattern's.
    /// </summary>
    private bool TryKeyedAt(ReadOnlySpan<byte> text, KeyClass key, ref RawMatch match)
    {
        if ((EnabledMask & AtMask) == 0)
        {
            return false;
        }

        int id = EmailAndUpiRecognizer.ClassifyWhole(text, _keywords, out float score, out string recognizer);
        if (id < 0)
        {
            return false;
        }

        Evidence evidence = EvidenceFor(id, key, contextEntities: 0);
        score = Scores.WithEvidence(score, evidence);
        if (evidence != Evidence.Key || !PassesBuiltIn(id, score))
        {
            return false;
        }

        match = new RawMatch(PiiEntity.FromBuiltInIndex(id), 0, text.Length, score, recognizer, evidence);
        return true;
    }
}
