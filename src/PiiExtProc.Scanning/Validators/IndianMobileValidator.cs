namespace PiiExtProc.Scanning.Validators;

/// <summary>
/// Checks an Indian mobile number in national significant form, 10 ASCII digits starting with 6, 7, 8 or 9, after
/// the caller has removed the <c>+91</c>/<c>91</c>/<c>0</c> prefix and separators. A number made of one repeated
/// digit (<c>9999999999</c>) is rejected as a placeholder.
/// Sources: TRAI National Numbering Plan (mobile series 6-9) as summarised by phonenumberformatter.app and
/// techrounder.com (pii-detection.md §3 "Indian mobile").
/// </summary>
internal static class IndianMobileValidator
{
    /// <summary>Length of an Indian mobile number without prefix, digits.</summary>
    public const int Length = 10;

    /// <summary>Returns true for 10 ASCII digits, first 6-9, not all the same digit.</summary>
    /// <param name="tenDigits">Ten ASCII bytes.</param>
    public static bool IsValid(ReadOnlySpan<byte> tenDigits) =>
        tenDigits.Length == Length
        && tenDigits[0] is >= (byte)'6' and <= (byte)'9'
        && Ascii.AllDigits(tenDigits)
        && !DigitRules.IsAllSame(tenDigits);
}
