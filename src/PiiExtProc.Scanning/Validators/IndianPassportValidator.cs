namespace PiiExtProc.Scanning.Validators;

/// <summary>
/// Validates the shape of an Indian passport number, 8 upper-case ASCII characters: one letter then 7 digits, the
/// first digit 1-9. The number itself has no public checksum (only the MRZ carries ICAO 9303 check digits).
/// </summary>
/// <remarks>
/// Every letter A-Z is accepted: no authoritative list of issued series letters was found, sources contradict each
/// other, and the Project Guardian dataset uses A-Z including Q, W and Z (pii-detection.md §3, §4.6).
/// Presidio's <c>in_passport_recognizer.py</c> also requires the last digit to be 1-9; we do not, because the Guardian
/// dataset has passports such as <c>T3691470</c>.
/// The Guardian dataset also has two passports whose first digit is 0 (<c>J0123456</c>, <c>F0741963</c>);
/// <see cref="IsValid"/> follows the published rule (first digit 1-9) and <see cref="IsValidAnyDigits"/> accepts
/// them, for use when a context word or JSON key already says "passport".
/// Sources: thepassportagents.com passport number format; Presidio <c>in_passport_recognizer.py</c>.
/// </remarks>
internal static class IndianPassportValidator
{
    /// <summary>Length of an Indian passport number, characters.</summary>
    public const int Length = 8;

    /// <summary>Returns true for one upper-case letter followed by 7 digits, the first digit 1-9.</summary>
    /// <param name="eightUpperAscii">Eight ASCII bytes.</param>
    public static bool IsValid(ReadOnlySpan<byte> eightUpperAscii) =>
        eightUpperAscii.Length == Length
        && Ascii.IsUpper(eightUpperAscii[0])
        && eightUpperAscii[1] is >= (byte)'1' and <= (byte)'9'
        && Ascii.AllDigits(eightUpperAscii[2..]);

    /// <summary>Returns true for one upper-case letter followed by any 7 digits (first digit 0 allowed).</summary>
    /// <param name="eightUpperAscii">Eight ASCII bytes.</param>
    public static bool IsValidAnyDigits(ReadOnlySpan<byte> eightUpperAscii) =>
        eightUpperAscii.Length == Length
        && Ascii.IsUpper(eightUpperAscii[0])
        && Ascii.AllDigits(eightUpperAscii[1..]);
}
