namespace PiiExtProc.Scanning.Validators;

/// <summary>Small shape checks over ASCII bytes shared by the validators (byte classes are in <see cref="Ascii"/>).</summary>
internal static class DigitRules
{
    /// <summary>True for ASCII '0'-'9' and 'A'-'Z'.</summary>
    /// <param name="b">One byte.</param>
    public static bool IsDigitOrUpperLetter(byte b) => Ascii.IsDigit(b) || Ascii.IsUpper(b);

    /// <summary>True when <paramref name="value"/> is non-empty and every byte equals the first.</summary>
    /// <param name="value">ASCII bytes.</param>
    public static bool IsAllSame(ReadOnlySpan<byte> value) =>
        !value.IsEmpty && !value[1..].ContainsAnyExcept(value[0]);

    /// <summary>True when <paramref name="value"/> reads the same forwards and backwards (true for empty).</summary>
    /// <param name="value">ASCII bytes.</param>
    public static bool IsPalindrome(ReadOnlySpan<byte> value)
    {
        for (int i = 0, j = value.Length - 1; i < j; i++, j--)
        {
            if (value[i] != value[j])
            {
                return false;
            }
        }

        return true;
    }
}
