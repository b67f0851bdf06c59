namespace PiiExtProc.Scanning.Validators;

/// <summary>
/// Validates an Indian voter ID (EPIC, Electoral Photo Identity Card number), 10 upper-case ASCII characters: a
/// 3-letter functional unique serial number (FUSN) of the assembly constituency, then 7 digits of which the last is a
/// Luhn check digit over the 7 digits.
/// </summary>
/// <remarks>
/// Source: python-stdnum <c>stdnum/in_/epic.py</c> (<c>^[A-Z]{3}\d{7}$</c>, <c>luhn.validate(number[3:])</c>).
/// Contradicting source: freeindiantools.com's voter ID validator states the number has no checksum, and Presidio's
/// <c>in_voter_recognizer.py</c> applies none. Older EPIC series issued by states may therefore fail this check; the
/// recognizer should treat a failed Luhn as lower confidence rather than a certain non-match if recall matters.
/// </remarks>
internal static class VoterIdValidator
{
    /// <summary>Length of an EPIC number, characters.</summary>
    public const int Length = 10;

    /// <summary>Returns true for 3 upper-case letters + 7 digits with a valid Luhn check over the digits.</summary>
    /// <param name="tenUpperAscii">Ten ASCII bytes.</param>
    public static bool IsValid(ReadOnlySpan<byte> tenUpperAscii) =>
        IsValidFormat(tenUpperAscii) && Luhn.IsValid(tenUpperAscii[3..]);

    /// <summary>Returns true for 3 upper-case letters + 7 digits, without the Luhn check.</summary>
    /// <param name="tenUpperAscii">Ten ASCII bytes.</param>
    public static bool IsValidFormat(ReadOnlySpan<byte> tenUpperAscii) =>
        tenUpperAscii.Length == Length
        && Ascii.AllUpper(tenUpperAscii[..3])
        && Ascii.AllDigits(tenUpperAscii[3..]);
}
