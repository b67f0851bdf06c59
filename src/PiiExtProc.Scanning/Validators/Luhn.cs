namespace PiiExtProc.Scanning.Validators;

/// <summary>
/// The Luhn (mod 10) checksum over ASCII decimal digits, ISO/IEC 7812-1 Annex B. Detects every single-digit
/// substitution and most adjacent transpositions (not 09/90).
/// Sources: ISO/IEC 7812-1; python-stdnum <c>stdnum/luhn.py</c>.
/// </summary>
internal static class Luhn
{
    /// <summary>
    /// Returns true when <paramref name="digits"/> (ASCII '0'-'9' only, check digit last, separators already removed)
    /// is non-empty and its Luhn sum is a multiple of 10. Any other byte makes the result false.
    /// </summary>
    /// <param name="digits">ASCII digits, most significant first, check digit last.</param>
    public static bool IsValid(ReadOnlySpan<byte> digits) => !digits.IsEmpty && Sum(digits, doubleFirst: false) % 10 == 0;

    /// <summary>
    /// Computes the Luhn check digit (ASCII '0'-'9') to append to <paramref name="digits"/>, or returns 0 when the
    /// payload contains a non-digit byte.
    /// </summary>
    /// <param name="digits">ASCII digits without the check digit.</param>
    public static byte ComputeCheckDigit(ReadOnlySpan<byte> digits)
    {
        int sum = Sum(digits, doubleFirst: true);
        return sum < 0 ? (byte)0 : (byte)('0' + ((10 - (sum % 10)) % 10));
    }

    // Sums from the rightmost digit; every second digit (starting with the rightmost when doubleFirst) is doubled and
    // its two decimal digits added. Returns -1 for a non-digit byte.
    private static int Sum(ReadOnlySpan<byte> digits, bool doubleFirst)
    {
        int sum = 0;
        bool doubled = doubleFirst;
        for (int i = digits.Length - 1; i >= 0; i--)
        {
            int digit = digits[i] - '0';
            if ((uint)digit > 9)
            {
                return -1;
            }

            if (doubled)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
            doubled = !doubled;
        }

        return sum;
    }
}
