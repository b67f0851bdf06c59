using PiiExtProc.Scanning.Validators;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// IN_PAN: <c>AAAAA9999A</c> with a holder-type fourth letter (P, C, H, F, A, T, B, L, J, G, E, K) and a serial other
/// than 0000 (CBDT; python-stdnum <c>stdnum/in_/pan.py</c>; Presidio <c>InPanRecognizer</c> omits E, pii-detection.md §1.4).
/// </summary>
/// <remarks>
/// The check letter's algorithm is undocumented, so nothing validates it. Ten-character codes of this shape also occur
/// as product and coupon codes, so the pattern alone scores <see cref="PatternScore"/>, just below the default threshold;
/// a context word (pan, permanent account number) or key makes it count. Lower case is accepted only with context.
/// </remarks>
internal static class PanRecognizer
{
    public const string Name = "pan.pattern";

    /// <summary>Format and holder type only.</summary>
    public const float PatternScore = 0.45f;

    public static float Score(ReadOnlySpan<byte> word, Evidence evidence)
    {
        if (word.Length != 10)
        {
            return 0;
        }

        WordBuffer buffer = default;
        Span<byte> upper = ((Span<byte>)buffer)[..10];
        bool wasUpper = true;
        for (int i = 0; i < 10; i++)
        {
            upper[i] = Ascii.ToUpper(word[i]);
            wasUpper &= upper[i] == word[i];
        }

        if (!PanValidator.IsValid(upper))
        {
            return 0;
        }

        if (!wasUpper && evidence == Evidence.Pattern)
        {
            return 0;
        }

        return Scores.WithEvidence(PatternScore, evidence);
    }
}
