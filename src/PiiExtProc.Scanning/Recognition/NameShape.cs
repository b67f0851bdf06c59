namespace PiiExtProc.Scanning.Recognition;

/// <summary>Shape checks for the whole-value roles (no NER: names and addresses come from keys and shape only).</summary>
internal static class NameShape
{
    /// <summary>Longest value taken as one street or city part of an address object, bytes (UTF-8).</summary>
    public const int MaxAddressPartBytes = 256;

    /// <summary>True when <paramref name="value"/> has a letter (ASCII, or any byte of a non-ASCII UTF-8 character): a part of an address, not a bare number.</summary>
    public static bool HasLetterByte(ReadOnlySpan<byte> value)
    {
        foreach (byte b in value)
        {
            if (IsLetterByte(b))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An ASCII letter, or any byte of a non-ASCII UTF-8 character (taken as a letter: no NER, no Unicode tables).</summary>
    private static bool IsLetterByte(byte b) => Ascii.IsLetter(b) || b >= 0x80;

    /// <summary>
    /// Counts the words of a name (letters, including any non-ASCII UTF-8 letter bytes, with <c>.</c>, <c>'</c> and
    /// <c>-</c> inside); returns 0 when the value has a digit or another symbol, or is longer than 100 bytes. One comma
    /// right after the first word is the surname-first form of bank, airline and CRM records (<c>Kumar, Ravi</c>,
    /// <c>KUMAR, RAVI K</c>).
    /// </summary>
    public static int Words(ReadOnlySpan<byte> value)
    {
        if (value.Length > 100)
        {
            return 0;
        }

        int words = 0;
        bool inWord = false;
        foreach (byte b in value)
        {
            if (b == ' ')
            {
                inWord = false;
                continue;
            }

            if (b == ',')
            {
                // Only right after the first word (a second comma comes after the second word).
                if (words != 1 || !inWord)
                {
                    return 0;
                }

                inWord = false;
                continue;
            }

            bool letter = IsLetterByte(b);
            if (!letter && !(inWord && b is (byte)'.' or (byte)'\'' or (byte)'-'))
            {
                return 0;
            }

            if (!inWord)
            {
                words++;
                inWord = true;
            }
        }

        return words;
    }

    /// <summary>
    /// True when an address value has street, city and PIN parts (Guardian rule B.3): at least 10 bytes, a comma, and
    /// either a 6-digit PIN or at least two commas.
    /// </summary>
    public static bool LooksLikeAddress(ReadOnlySpan<byte> value)
    {
        if (value.Length < 10)
        {
            return false;
        }

        int commas = value.Count((byte)',');
        if (commas == 0)
        {
            return false;
        }

        if (commas >= 2)
        {
            return true;
        }

        int run = 0;
        foreach (byte b in value)
        {
            run = Ascii.IsDigit(b) ? run + 1 : 0;
            if (run == 6)
            {
                return true;
            }
        }

        return false;
    }
}
