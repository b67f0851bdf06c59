using PiiExtProc.Scanning.Validators;
namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// IBAN_CODE: two letters, two check digits, 11-30 alphanumerics (ISO 13616), written whole or in groups of four
/// separated by single spaces, validated by ISO 7064 mod 97-10 (Presidio <c>IbanRecognizer</c>, pii-detection.md §1.3).
/// Only validated matches count (India has no IBAN; a failed check is almost never a real one).
/// </summary>
internal static class IbanRecognizer
{
    public const string Name = "iban.mod97";

    /// <summary>Longest IBAN, characters without spaces (ISO 13616).</summary>
    public const int MaxLength = 34;

    /// <summary>Validates compact IBAN characters (upper-cased by the caller).</summary>
    public static float Score(ReadOnlySpan<byte> compact)
    {
        if (compact.Length is < 15 or > MaxLength || !Ascii.AllUpper(compact[..2]) || !Ascii.AllDigits(compact.Slice(2, 2)))
        {
            return 0;
        }

        return IbanValidator.IsValid(compact) ? Scores.Validated : 0;
    }
}
