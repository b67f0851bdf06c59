namespace PiiExtProc.Scanning.Validators;

/// <summary>
/// The Verhoeff checksum over ASCII decimal digits: a check digit based on the dihedral group D5 that detects every
/// single-digit substitution and every adjacent transposition.
/// Sources: J. Verhoeff, "Error Detecting Decimal Codes" (1969); the tables as in python-stdnum
/// <c>stdnum/verhoeff.py</c> and Wikipedia "Verhoeff algorithm". Used by UIDAI for the Aadhaar number and the
/// Aadhaar Virtual ID (UIDAI "A UID Numbering Scheme"; UIDAI circular 11-01-2018).
/// </summary>
internal static class Verhoeff
{
    // Multiplication table d(j, k) of the dihedral group D5, row-major 10 x 10.
    private static ReadOnlySpan<byte> Multiplication =>
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

    // Permutation table p(i mod 8, digit), row-major 8 x 10; row i is the i-th power of row 1.
    private static ReadOnlySpan<byte> Permutation =>
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

    // Inverse table inv(j): d(j, inv(j)) == 0.
    private static ReadOnlySpan<byte> Inverse => [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

    /// <summary>
    /// Returns true when <paramref name="digits"/> (ASCII '0'-'9' only, check digit last, separators already removed)
    /// is non-empty and its Verhoeff checksum is 0. Any other byte makes the result false.
    /// </summary>
    /// <param name="digits">ASCII digits, most significant first, check digit last.</param>
    public static bool IsValid(ReadOnlySpan<byte> digits)
    {
        if (digits.IsEmpty)
        {
            return false;
        }

        int check = 0;
        int position = 0;
        for (int i = digits.Length - 1; i >= 0; i--, position++)
        {
            uint digit = (uint)(digits[i] - '0');
            if (digit > 9)
            {
                return false;
            }

            check = Multiplication[(check * 10) + Permutation[((position & 7) * 10) + (int)digit]];
        }

        return check == 0;
    }

    /// <summary>
    /// Computes the Verhoeff check digit (ASCII '0'-'9') to append to <paramref name="digits"/>, or returns 0 when
    /// the payload contains a non-digit byte. Used by tests and by generators of synthetic test data.
    /// </summary>
    /// <param name="digits">ASCII digits without the check digit.</param>
    public static byte ComputeCheckDigit(ReadOnlySpan<byte> digits)
    {
        int check = 0;
        int position = 1; // the check digit itself will occupy position 0
        for (int i = digits.Length - 1; i >= 0; i--, position++)
        {
            uint digit = (uint)(digits[i] - '0');
            if (digit > 9)
            {
                return 0;
            }

            check = Multiplication[(check * 10) + Permutation[((position & 7) * 10) + (int)digit]];
        }

        return (byte)('0' + Inverse[check]);
    }
}
