namespace PiiExtProc.Scanning.Validators;

/// <summary>
/// Validates an Indian Financial System Code (IFSC), 11 upper-case ASCII characters: 4 letters (bank code), the
/// reserved '0', then 6 alphanumerics (branch code). There is no check character; the bank code could be checked
/// against the RBI list, which we do not ship.
/// Sources: RBI IFSC format as summarised in pii-detection.md §3 (bankcodes.rishavislive.com IFSC format notes).
/// </summary>
internal static class IfscValidator
{
    /// <summary>Length of an IFSC, characters.</summary>
    public const int Length = 11;

    /// <summary>Returns true for a structurally valid IFSC in upper-case ASCII.</summary>
    /// <param name="elevenUpperAscii">Eleven ASCII bytes.</param>
    public static bool IsValid(ReadOnlySpan<byte> elevenUpperAscii)
    {
        if (elevenUpperAscii.Length != Length
            || !Ascii.AllUpper(elevenUpperAscii[..4])
            || elevenUpperAscii[4] != (byte)'0')
        {
            return false;
        }

        foreach (byte b in elevenUpperAscii[5..])
        {
            if (!DigitRules.IsDigitOrUpperLetter(b))
            {
                return false;
            }
        }

        return true;
    }
}
