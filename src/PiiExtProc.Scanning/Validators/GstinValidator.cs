namespace PiiExtProc.Scanning.Validators;

/// <summary>
/// Validates the Indian GST identification number (GSTIN), 15 upper-case ASCII characters:
/// 2-digit state code + the holder's 10-character PAN + registration number (1-9 then A-Z; not 0) + 'Z' + a check
/// character computed with Luhn mod 36 over <c>0-9A-Z</c>.
/// </summary>
/// <remarks>
/// State codes accepted: 01-37 (python-stdnum's table), 38 (Ladakh, created 2019; absent from python-stdnum),
/// 97 (Other Territory) and 99 (Centre Jurisdiction), both used by GSTN for special registrations.
/// The PAN part must pass <see cref="PanValidator"/> (holder type and serial ≠ 0000).
/// Sources: python-stdnum <c>stdnum/in_/gstin.py</c> (format, state codes, <c>luhn.validate(number, alphabet)</c>);
/// Presidio <c>in_gstin_recognizer.py</c> (state code, PAN part, 'Z'; no check character);
/// pii-detection.md §3.
/// </remarks>
internal static class GstinValidator
{
    /// <summary>Length of a GSTIN, characters.</summary>
    public const int Length = 15;

    /// <summary>Returns true for a valid GSTIN in upper-case ASCII.</summary>
    /// <param name="fifteenUpperAscii">Fifteen ASCII bytes.</param>
    public static bool IsValid(ReadOnlySpan<byte> fifteenUpperAscii) =>
        fifteenUpperAscii.Length == Length
        && IsStateCode(fifteenUpperAscii[..2])
        && PanValidator.IsValid(fifteenUpperAscii.Slice(2, PanValidator.Length))
        && fifteenUpperAscii[12] is (>= (byte)'1' and <= (byte)'9') or (>= (byte)'A' and <= (byte)'Z')
        && fifteenUpperAscii[13] == (byte)'Z'
        && LuhnMod36.IsValid(fifteenUpperAscii);

    /// <summary>True for a GST state code: 01-38, 97 or 99.</summary>
    /// <param name="twoDigits">Two ASCII bytes.</param>
    public static bool IsStateCode(ReadOnlySpan<byte> twoDigits)
    {
        if (twoDigits.Length != 2 || !Ascii.AllDigits(twoDigits))
        {
            return false;
        }

        int code = ((twoDigits[0] - '0') * 10) + (twoDigits[1] - '0');
        return code is (>= 1 and <= 38) or 97 or 99;
    }
}
