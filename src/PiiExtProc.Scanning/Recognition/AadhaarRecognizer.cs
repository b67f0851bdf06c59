using PiiExtProc.Scanning.Validators;
namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// IN_AADHAAR: 12 digits, written whole or as 4-4-4 with spaces or hyphens. Validated (<see cref="Scores.Validated"/>)
/// when the first digit is 2-9, the Verhoeff check digit holds and the number is not a palindrome or a repeated digit
/// (UIDAI; python-stdnum <c>stdnum/in_/aadhaar.py</c>; Presidio <c>InAadhaarRecognizer</c>, pii-detection.md §1.4).
/// </summary>
/// <remarks>
/// Two paths (pii-detection.md §0.3 and §7.1): under a JSON key naming Aadhaar the 12-digit format is enough, whatever
/// the first digit and checksum (the Guardian dataset's values mostly fail Verhoeff); in free text a failed checksum is
/// reported only with a context word (aadhaar, uid, uidai) and a 2-9 first digit.
/// </remarks>
internal static class AadhaarRecognizer
{
    public const string ValidatedName = "aadhaar.verhoeff";
    public const string KeyName = "aadhaar.key";
    public const string ContextName = "aadhaar.context";

    public static float Score(in DigitSpan span, Evidence evidence, out string recognizer)
    {
        recognizer = ValidatedName;
        ReadOnlySpan<byte> d = span.Digits;
        if (d.Length != 12 || (span.Groups > 1 && span.GroupAdjacent) || span.Plus || span.DotAdjacent || !span.SpaceOrHyphenOnly
            || !(span.Groups == 1 || (span.Groups == 3 && span.AllGroups(4) && span.Separators is DigitSpan.Space or DigitSpan.Hyphen)))
        {
            return 0;
        }

        bool plausible = d[0] >= '2' && !span.AllSameDigit();
        if (plausible && !span.IsPalindrome() && Verhoeff.IsValid(d))
        {
            return Scores.Validated;
        }

        if (evidence == Evidence.Key)
        {
            recognizer = KeyName;
            return Scores.KeyNamed;
        }

        if (evidence == Evidence.ContextWord && plausible)
        {
            recognizer = ContextName;
            return Scores.WithEvidence(0.25f, evidence);
        }

        return 0;
    }
}
