using PiiExtProc.Scanning.Validators;
namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// IN_GSTIN: 15 characters, a state code (01-38, 97 other territory, 99 centre), the holder's PAN, an entity number
/// (1-9, A-Z), <c>Z</c>, and a Luhn mod-36 check character (python-stdnum <c>stdnum/in_/gstin.py</c>; Presidio's
/// <c>InGstinRecognizer</c> does not compute the check, pii-detection.md §1.4). Validated = certain; a failed check
/// counts only under a key naming GSTIN (product codes shaped like a GSTIN are common).
/// </summary>
internal static class GstinRecognizer
{
    public const string ValidatedName = "gstin.mod36";
    public const string KeyName = "gstin.key";

    /// <summary>Characters of a GSTIN: 2-digit state code, PAN, entity number, <c>Z</c>, check character.</summary>
    public const int Length = 15;

    public static float Score(ReadOnlySpan<byte> word, Evidence evidence, out string recognizer)
    {
        recognizer = ValidatedName;
        if (word.Length != Length || !Ascii.IsDigit(word[0]) || !Ascii.IsDigit(word[1]))
        {
            return 0;
        }

        Span<byte> upper = stackalloc byte[15];
        for (int i = 0; i < 15; i++)
        {
            upper[i] = Ascii.ToUpper(word[i]);
        }

        int state = ((upper[0] - '0') * 10) + (upper[1] - '0');
        bool stateValid = state is (>= 1 and <= 38) or 97 or 99;
        bool shape = stateValid && Ascii.AllUpper(upper.Slice(2, 5)) && Ascii.AllDigits(upper.Slice(7, 4))
            && Ascii.IsUpper(upper[11]) && upper[12] is >= (byte)'1' and <= (byte)'9' or >= (byte)'A' and <= (byte)'Z'
            && upper[13] == 'Z' && Ascii.IsLetterOrDigit(upper[14]);
        if (!shape)
        {
            return 0;
        }

        if (LuhnMod36.IsValid(upper))
        {
            return Scores.Validated;
        }

        recognizer = KeyName;
        return evidence == Evidence.Key ? Scores.KeyNamed : 0;
    }
}
