namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// A candidate number: consecutive digit groups of a <see cref="DigitRun"/> joined, with the shape recognizers check
/// (group lengths, which separators joined them, a leading <c>+</c>).
/// </summary>
internal readonly ref struct DigitSpan
{
    /// <summary>Separator bit for a space.</summary>
    public const int Space = 1;

    /// <summary>Separator bit for a hyphen.</summary>
    public const int Hyphen = 2;

    /// <summary>Separator bit for a dot.</summary>
    public const int Dot = 4;

    /// <summary>Separator bit for a slash.</summary>
    public const int Slash = 8;

    /// <summary>Separator bit for a join through a parenthesised group (<c>+91 (98765) 43210</c>; <see cref="DigitRun"/>).</summary>
    public const int Parenthesis = 16;

    public DigitSpan(ReadOnlySpan<byte> digits, ReadOnlySpan<int> groupLengths, int separators, bool plus, bool dotAdjacent, bool groupAdjacent)
    {
        Digits = digits;
        GroupLengths = groupLengths;
        Separators = separators;
        Plus = plus;
        DotAdjacent = dotAdjacent;
        GroupAdjacent = groupAdjacent;
    }

    /// <summary>The digits without separators, ASCII.</summary>
    public ReadOnlySpan<byte> Digits { get; }

    /// <summary>Digits per group, in order.</summary>
    public ReadOnlySpan<int> GroupLengths { get; }

    /// <summary>Bits of the separators between the groups (<see cref="Space"/>, <see cref="Hyphen"/>...), 0 for one group.</summary>
    public int Separators { get; }

    /// <summary>A <c>+</c> directly precedes the first digit.</summary>
    public bool Plus { get; }

    /// <summary>The span continues into more digits through a dot (a decimal, a version or a longer dotted number).</summary>
    public bool DotAdjacent { get; }

    /// <summary>
    /// More digit groups join the span through a space or hyphen: a grouped span (4-4-4) is then only part of a longer
    /// grouped number (a 4-4-4-4 card) and grouped-shape recognizers reject it.
    /// </summary>
    public bool GroupAdjacent { get; }

    /// <summary>Number of digit groups.</summary>
    public int Groups => GroupLengths.Length;

    /// <summary>True when at most space and hyphen separators join the groups.</summary>
    public bool SpaceOrHyphenOnly => (Separators & ~(Space | Hyphen)) == 0;

    /// <summary>True when at most the separators of a written phone number join the groups: space, hyphen, parentheses.</summary>
    public bool PhoneSeparatorsOnly => (Separators & ~(Space | Hyphen | Parenthesis)) == 0;

    /// <summary>True when every group has <paramref name="length"/> digits.</summary>
    public bool AllGroups(int length)
    {
        foreach (int g in GroupLengths)
        {
            if (g != length)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when every digit is the same (0000..., 9999...).</summary>
    public bool AllSameDigit()
    {
        ReadOnlySpan<byte> d = Digits;
        return d.Length > 0 && !d.ContainsAnyExcept(d[0]);
    }

    /// <summary>True when the digits read the same backwards.</summary>
    public bool IsPalindrome()
    {
        ReadOnlySpan<byte> d = Digits;
        for (int i = 0, j = d.Length - 1; i < j; i++, j--)
        {
            if (d[i] != d[j])
            {
                return false;
            }
        }

        return true;
    }
}
