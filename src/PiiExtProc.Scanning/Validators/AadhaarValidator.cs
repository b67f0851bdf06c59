namespace PiiExtProc.Scanning.Validators;

/// <summary>
/// Validates the Aadhaar number (12 digits) and the Aadhaar Virtual ID (16 digits) issued by UIDAI.
/// Rules: first digit 2-9 ("does not begin with 0 or 1"), Verhoeff check digit last, palindromes rejected.
/// Sources: UIDAI "A UID Numbering Scheme" working paper; UIDAI circular 11-01-2018 (Virtual ID);
/// python-stdnum <c>stdnum/in_/aadhaar.py</c> and <c>stdnum/in_/vid.py</c>; Presidio
/// <c>in_aadhaar_recognizer.py</c> (first digit ≥ 2, Verhoeff, not a palindrome).
/// </summary>
internal static class AadhaarValidator
{
    /// <summary>Length of an Aadhaar number, digits.</summary>
    public const int AadhaarLength = 12;

    /// <summary>Length of an Aadhaar Virtual ID, digits.</summary>
    public const int VirtualIdLength = 16;

    /// <summary>
    /// Returns true for a valid Aadhaar number: exactly 12 ASCII digits (separators already removed), first digit
    /// 2-9, not a palindrome, not all the same digit, and a valid Verhoeff check digit.
    /// </summary>
    /// <param name="twelveDigits">ASCII digits, separators removed.</param>
    public static bool IsValid(ReadOnlySpan<byte> twelveDigits) =>
        twelveDigits.Length == AadhaarLength && IsValidShape(twelveDigits);

    /// <summary>
    /// Returns true for a valid Aadhaar Virtual ID: exactly 16 ASCII digits, first digit 2-9, not a palindrome
    /// (python-stdnum <c>vid.py</c>), and a valid Verhoeff check digit.
    /// </summary>
    /// <param name="sixteenDigits">ASCII digits, separators removed.</param>
    public static bool IsValidVirtualId(ReadOnlySpan<byte> sixteenDigits) =>
        sixteenDigits.Length == VirtualIdLength && IsValidShape(sixteenDigits);

    private static bool IsValidShape(ReadOnlySpan<byte> digits) =>
        digits[0] is >= (byte)'2' and <= (byte)'9'
        && Ascii.AllDigits(digits)
        && !DigitRules.IsPalindrome(digits) // an all-same-digit number is a palindrome too
        && Verhoeff.IsValid(digits);
}
