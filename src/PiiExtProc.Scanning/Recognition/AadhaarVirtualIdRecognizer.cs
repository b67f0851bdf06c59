using PiiExtProc.Scanning.Validators;
namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// IN_AADHAAR_VID: 16 digits, first digit 2-9, Verhoeff check digit (UIDAI circular; python-stdnum
/// <c>stdnum/in_/vid.py</c>), written whole or 4-4-4-4.
/// </summary>
/// <remarks>
/// Sixteen digits are also the card shape; 10% of random 16-digit numbers pass Verhoeff and 10% pass Luhn. A validated
/// VID without a context word therefore scores <see cref="UncontextedScore"/>, below the default threshold; a
/// context word (vid, virtual id, aadhaar) or key makes it certain. A number passing both Luhn and Verhoeff is decided
/// by context: card words win for the card, VID words for the VID, and without context the card (IIN known) wins.
/// </remarks>
internal static class AadhaarVirtualIdRecognizer
{
    public const string ValidatedName = "aadhaar_vid.verhoeff";
    public const string KeyName = "aadhaar_vid.key";

    /// <summary>Verhoeff holds but nothing names a VID.</summary>
    public const float UncontextedScore = 0.45f;

    public static float Score(in DigitSpan span, Evidence evidence, out string recognizer)
    {
        recognizer = ValidatedName;
        ReadOnlySpan<byte> d = span.Digits;
        if (d.Length != 16 || (span.Groups > 1 && span.GroupAdjacent) || span.Plus || span.DotAdjacent || !span.SpaceOrHyphenOnly
            || !(span.Groups == 1 || (span.Groups == 4 && span.AllGroups(4))))
        {
            return 0;
        }

        bool valid = d[0] >= '2' && !span.AllSameDigit() && Verhoeff.IsValid(d);
        if (valid)
        {
            return evidence == Evidence.Pattern ? UncontextedScore : Scores.Validated;
        }

        if (evidence == Evidence.Key)
        {
            recognizer = KeyName;
            return Scores.KeyNamed;
        }

        return 0;
    }
}
