namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// IN_MOBILE: 10 digits starting 6-9 (TRAI numbering, shared/research/pii-detection.md §3), optionally prefixed by
/// <c>+91</c>, <c>91</c> or the trunk <c>0</c>, groups joined by spaces or hyphens (<c>+91 98765 43210</c>,
/// <c>+91-9876543210</c>, <c>098765-43210</c>) or through a group in parentheses (<c>+91 (98765) 43210</c>,
/// <c>(+91) 98765 43210</c>, <c>(0) 98765 43210</c>).
/// </summary>
/// <remarks>
/// No checksum exists, so scores follow the false-positive evidence of §6.1 (bare 10-digit numbers are message IDs,
/// DNS serials and timestamps far more often than phones): a bare 10-digit number scores <see cref="BareScore"/>, below
/// the default threshold, unless a key or context word names a phone; a <c>+91</c> or trunk-0 prefix is evidence on its
/// own (<see cref="PrefixedScore"/>). Epoch seconds (10 digits starting 1) never match (6-9 start). A 12-digit
/// <c>91...</c> number without separators stays weak: it is also the Aadhaar shape (pehchaan collision note, §3).
/// Context words: Presidio PhoneRecognizer's (phone, telephone, cell, mobile, call) plus whatsapp, contact, msisdn, and
/// the inflections logs write (called, caller, callback, dialled, phoned, texted, contacted).
/// </remarks>
internal static class MobileRecognizer
{
    public const string Name = "mobile.pattern";

    /// <summary>Bare 10 digits, no prefix, no context.</summary>
    public const float BareScore = 0.4f;

    /// <summary>With <c>+91</c> (or <c>91</c>/<c>0</c> written as its own group).</summary>
    public const float PrefixedScore = 0.7f;

    public static float Score(in DigitSpan span, Evidence evidence)
    {
        ReadOnlySpan<byte> d = span.Digits;
        if (!span.PhoneSeparatorsOnly || span.Groups > 4 || span.DotAdjacent)
        {
            return 0;
        }

        float score;
        ReadOnlySpan<byte> core;
        if (d.Length == 12 && d[0] == '9' && d[1] == '1')
        {
            core = d[2..];
            score = span.Plus ? PrefixedScore
                : span.GroupLengths[0] == 2 ? PrefixedScore - 0.1f
                : BareScore - 0.05f;
        }
        else if (span.Plus)
        {
            return 0;
        }
        else if (d.Length == 11 && d[0] == '0')
        {
            core = d[1..];
            score = PrefixedScore - 0.1f;
        }
        else if (d.Length == 10)
        {
            core = d;
            score = span.Groups == 2 && span.GroupLengths[0] == 5 ? BareScore + 0.05f : BareScore;
        }
        else
        {
            return 0;
        }

        if (core[0] < '6' || core[0] > '9' || !core.ContainsAnyExcept(core[0]))
        {
            return 0;
        }

        return Scores.WithEvidence(score, evidence);
    }
}
