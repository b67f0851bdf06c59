namespace PiiExtProc.Scanning.Validators;

/// <summary>Small shape checks over ASCII bytes shared by the validators.</summary>
internal static class DigitRules
{
    /// <summary>True when every byte of <paramref name="value"/> is an ASCII digit '0'-'9' (true for empty).</summary>
    /// <param name="value">ASCII bytes.</param>
    public static bool AreAllDigits(ReadOnlySpan<byte> value)
    {
        foreach (byte b in value)
        {
            if ((uint)(b - '0') > 9)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when every byte of <paramref name="value"/> is an ASCII upper-case letter 'A'-'Z'.</summary>
    /// <param name="value">ASCII bytes.</param>
    public static bool AreAllUpperLetters(ReadOnlySpan<byte> value)
    {
        foreach (byte b in value)
        {
            if (!IsUpperLetter(b))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for ASCII 'A'-'Z'.</summary>
    /// <param name="b">One byte.</param>
    public static bool IsUpperLetter(byte b) => (uint)(b - 'A') <= 'Z' - 'A';

    /// <summary>True for ASCII '0'-'9'.</summary>
    /// <param name="b">One byte.</param>
    public static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    /// <summary>True for ASCII '0'-'9' and 'A'-'Z'.</summary>
    /// <param name="b">One byte.</param>
    public static bool IsDigitOrUpperLetter(byte b) => IsDigit(b) || IsUpperLetter(b);

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
