using static PiiExtProc.Scanning.Recognition.BuiltInId;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>The keyed fast path of a <see cref="Detector"/>: a whole value under a key that names its entity.</summary>
internal sealed partial class Detector
{
    /// <summary>Entities of the email tokenizer (<c>local@domain</c>).</summary>
    private const uint AtMask = (1u << Email) | (1u << UpiVpa);

    /// <summary>
    /// True when <see cref="TryScanKeyed"/> may run: only built-in recognizers and no allow list (either could add to or
    /// change what the full <see cref="Scan"/> finds in any value).
    /// </summary>
    public bool KeyedFastPathApplies => OnlyBuiltInRecognizers && _allow.Length == 0;

    /// <summary>
    /// Scans a JSON value whose key names entities (<paramref name="key"/>, no role, not negative) when the value is
    /// one whole candidate of a keyed entity: a single digit run (<c>+91 98765 43210</c>, <c>2896 8953 2095</c>,
    /// <c>1988-08-20</c>, <c>10.1.2.3</c>) or a single <c>local@domain</c> token. Adds the one match
    /// <see cref="Scan"/> would find (in <paramref name="match"/>) and returns true; otherwise returns false (the caller
    /// runs <see cref="Scan"/>). Call only when <see cref="KeyedFastPathApplies"/>.
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

        return false;
    }

    private bool TryKeyedNumber(ReadOnlySpan<byte> text, KeyClass key, uint keyed, ref RawMatch match)
    {
        int i = text[0] == '+' ? 1 : 0;
        if (i >= text.Length || !Ascii.IsDigit(text[i]) || !DigitRun.Read(text, i, out DigitRun run)
            || run.End != text.Length || run.Count > 5)
        {
            return false;
        }

        DigitRunBuffer lengthBuffer = default;
        SpanDigitBuffer digitBuffer = default;
        Span<int> lengths = lengthBuffer;
        Span<byte> digits = digitBuffer;
        int n = 0;
        int separators = 0;
        bool prefixMayMatch = false;
        int last = run.Count - 1;
        for (int e = 0; e <= last; e++)
        {
            int gs = run.GroupStart(e);
            int gl = run.GroupEnd(e) - gs;
            if (n + gl > MaxSpanDigits)
            {
                return false;
            }

            lengths[e] = gl;
            text.Slice(gs, gl).CopyTo(digits[n..]);
            n += gl;
            if (e > 0)
            {
                separators |= run.SeparatorBefore(e) switch
                {
                    (byte)' ' => DigitSpan.Space,
                    (byte)'-' => DigitSpan.Hyphen,
                    (byte)'.' => DigitSpan.Dot,
                    _ => DigitSpan.Slash,
                };
            }

            if (e < last)
            {
                prefixMayMatch |= (NumberEntities(n, e + 1) & keyed) != 0;
            }
        }

        uint possible = NumberEntities(n, run.Count) & keyed;
        if (possible == 0)
        {
            return false;
        }

        var span = new DigitSpan(digits[..n], lengths[..run.Count], separators, run.Plus, dotAdjacent: false, groupAdjacent: false);
        int bestEnd = -1;
        ConsiderNumber(span, key, contextEntities: 0, negative: false, run.Start, run.GroupEnd(last), ref match, ref bestEnd, last, possible);
        return bestEnd >= 0 && !(prefixMayMatch && match.Score < Scores.Validated);
    }

    private bool TryKeyedAt(ReadOnlySpan<byte> text, KeyClass key, ref RawMatch match)
    {
        int at = text.IndexOf((byte)'@');
        if (at <= 0 || text[(at + 1)..].IndexOf((byte)'@') >= 0 || text.IndexOf((byte)':') >= 0)
        {
            return false;
        }

        MatchAt(text, at, key, out match, out bool found);
        return found && match.Start == 0 && match.Length == text.Length && match.Evidence == Evidence.Key;
    }
}
