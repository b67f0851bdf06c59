namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// Check-digit algorithms over ASCII digit and alphanumeric spans used by the built-in recognizers.
/// Each returns false for input it cannot check (wrong characters, empty). No allocation.
/// </summary>
/// <remarks>
/// Kept local to the recognizers until the shared Validators/ folder (branch feat/matching) lands; the algorithms
/// are the published ones: Verhoeff (UIDAI Aadhaar and VID), Luhn (ISO/IEC 7812 cards, EPIC serial per python-stdnum),
/// Luhn mod 36 (GSTIN per python-stdnum <c>stdnum/in_/gstin.py</c>) and ISO 7064 mod 97-10 (IBAN, ISO 13616).
/// </remarks>
internal static class Checksums
{
    private static ReadOnlySpan<byte> VerhoeffMultiplication =>
    [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
        1, 2, 3, 4, 0, 6, 7, 8, 9, 5,
        2, 3, 4, 0, 1, 7, 8, 9, 5, 6,
        3, 4, 0, 1, 2, 8, 9, 5, 6, 7,
        4, 0, 1, 2, 3, 9, 5, 6, 7, 8,
        5, 9, 8, 7, 6, 0, 4, 3, 2, 1,
        6, 5, 9, 8, 7, 1, 0, 4, 3, 2,
        7, 6, 5, 9, 8, 2, 1, 0, 4, 3,
        8, 7, 6, 5, 9, 3, 2, 1, 0, 4,
        9, 8, 7, 6, 5, 4, 3, 2, 1, 0,
    ];

    private static ReadOnlySpan<byte> VerhoeffPermutation =>
    [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
        1, 5, 7, 6, 2, 8, 3, 0, 9, 4,
        5, 8, 0, 3, 7, 9, 6, 1, 4, 2,
        8, 9, 1, 6, 0, 4, 3, 5, 2, 7,
        9, 4, 5, 3, 1, 2, 6, 8, 7, 0,
        4, 2, 8, 6, 5, 7, 3, 9, 0, 1,
        2, 7, 9, 3, 8, 0, 6, 4, 1, 5,
        7, 0, 4, 6, 9, 1, 3, 2, 5, 8,
    ];

    /// <summary>Verhoeff check over ASCII digits, check digit last (UIDAI).</summary>
    public static bool Verhoeff(ReadOnlySpan<byte> digits)
    {
        if (digits.IsEmpty)
        {
            return false;
        }

        int c = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            int d = digits[digits.Length - 1 - i] - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            c = VerhoeffMultiplication[(c * 10) + VerhoeffPermutation[((i % 8) * 10) + d]];
        }

        return c == 0;
    }

    /// <summary>Luhn mod-10 check over ASCII digits, check digit last.</summary>
    public static bool Luhn(ReadOnlySpan<byte> digits)
    {
        if (digits.IsEmpty)
        {
            return false;
        }

        int sum = 0;
        bool doubleIt = false;
        for (int i = digits.Length - 1; i >= 0; i--)
        {
            int d = digits[i] - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    /// <summary>Luhn mod 36 over <c>0-9A-Z</c> (upper case), check character last (GSTIN, python-stdnum).</summary>
    public static bool LuhnMod36(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        int sum = 0;
        bool doubleIt = false;
        for (int i = text.Length - 1; i >= 0; i--)
        {
            int v = Base36(text[i]);
            if (v < 0)
            {
                return false;
            }

            if (doubleIt)
            {
                v *= 2;
                v = (v / 36) + (v % 36);
            }

            sum += v;
            doubleIt = !doubleIt;
        }

        return sum % 36 == 0;
    }

    /// <summary>ISO 7064 mod 97-10 over an IBAN (<c>CCkk</c> + BBAN, upper-case alphanumerics, no spaces).</summary>
    public static bool IbanMod97(ReadOnlySpan<byte> iban)
    {
        if (iban.Length < 5)
        {
            return false;
        }

        int remainder = 0;
        for (int n = 0; n < iban.Length; n++)
        {
            byte b = iban[(n + 4) % iban.Length];
            int v = Base36(b);
            if (v < 0)
            {
                return false;
            }

            remainder = v < 10 ? ((remainder * 10) + v) % 97 : ((remainder * 100) + v) % 97;
        }

        return remainder == 1;
    }

    private static int Base36(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'A' and <= (byte)'Z' => b - 'A' + 10,
        _ => -1,
    };
}
