namespace PiiExtProc.Scanning.Validators;

/// <summary>
/// The Luhn mod N algorithm with N = 36 over the alphabet <c>0-9A-Z</c> (value of '0' is 0, of 'A' is 10, of 'Z'
/// is 35): from the rightmost character, weights alternate 1 and 2, each product is replaced by quotient + remainder
/// by 36, and a valid string sums to 0 mod 36. Detects every single-character substitution.
/// Sources: python-stdnum <c>stdnum/luhn.py</c> (<c>checksum(number, alphabet)</c>) as used by
/// <c>stdnum/in_/gstin.py</c>; Wikipedia "Luhn mod N algorithm".
/// </summary>
internal static class LuhnMod36
{
    private const int Radix = 36;

    /// <summary>
    /// Returns true when <paramref name="upperAlphanumerics"/> is non-empty, contains only '0'-'9' and 'A'-'Z', and
    /// its Luhn mod 36 sum is 0.
    /// </summary>
    /// <param name="upperAlphanumerics">ASCII upper-case alphanumerics, check character last.</param>
    public static bool IsValid(ReadOnlySpan<byte> upperAlphanumerics) =>
        !upperAlphanumerics.IsEmpty && Sum(upperAlphanumerics, doubleFirst: false) == 0;

    /// <summary>
    /// Computes the check character ('0'-'9' or 'A'-'Z') to append to <paramref name="upperAlphanumerics"/>, or
    /// returns 0 when the payload contains another byte.
    /// </summary>
    /// <param name="upperAlphanumerics">ASCII upper-case alphanumerics without the check character.</param>
    public static byte ComputeCheckCharacter(ReadOnlySpan<byte> upperAlphanumerics)
    {
        int sum = Sum(upperAlphanumerics, doubleFirst: true);
        return sum < 0 ? (byte)0 : ToCharacter((Radix - sum) % Radix);
    }

    /// <summary>Value 0-35 of an upper-case alphanumeric, or -1.</summary>
    /// <param name="character">One ASCII byte.</param>
    public static int ToValue(byte character) =>
        Ascii.IsDigit(character) ? character - '0'
        : Ascii.IsUpper(character) ? character - 'A' + 10
        : -1;

    /// <summary>The character '0'-'9' or 'A'-'Z' of a value 0-35.</summary>
    /// <param name="value">0-35.</param>
    public static byte ToCharacter(int value) => (byte)(value < 10 ? '0' + value : 'A' + value - 10);

    // Returns the sum mod 36, or -1 for a byte outside the alphabet.
    private static int Sum(ReadOnlySpan<byte> characters, bool doubleFirst)
    {
        int sum = 0;
        bool doubled = doubleFirst;
        for (int i = characters.Length - 1; i >= 0; i--)
        {
            int value = ToValue(characters[i]);
            if (value < 0)
            {
                return -1;
            }

            if (doubled)
            {
                value *= 2;
                value = (value / Radix) + (value % Radix);
            }

            sum = (sum + value) % Radix;
            doubled = !doubled;
        }

        return sum;
    }
}
