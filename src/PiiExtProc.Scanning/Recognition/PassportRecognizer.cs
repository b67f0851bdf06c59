namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// IN_PASSPORT: one letter and seven digits (<c>K1234567</c>), no public checksum (pii-detection.md §3). Presidio's
/// stricter regex (second and last digit 1-9) misses 8 of the Guardian dataset's 48 passports (§4.6), so the shape is
/// kept loose and, because letter+7-digit tokens are common (SKUs, ticket numbers), a key or context word (passport) is
/// required: the pattern alone scores <see cref="PatternScore"/>.
/// </summary>
internal static class PassportRecognizer
{
    public const string Name = "passport.pattern";

    /// <summary>Presidio InPassportRecognizer pattern score.</summary>
    public const float PatternScore = 0.1f;

    public static float Score(ReadOnlySpan<byte> word, Evidence evidence)
    {
        if (word.Length != 8 || !Ascii.IsLetter(word[0]) || !Ascii.AllDigits(word[1..]))
        {
            return 0;
        }

        if (!Ascii.IsUpper(word[0]) && evidence == Evidence.Pattern)
        {
            return 0;
        }

        return evidence switch
        {
            Evidence.Key => Scores.KeyNamed,
            Evidence.ContextWord => Scores.WithEvidence(0.25f, evidence),
            _ => PatternScore,
        };
    }
}
