using System.Runtime.CompilerServices;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// Tokenizer for numbers written with separators: up to <see cref="MaxGroups"/> groups of ASCII digits joined by one
/// space, hyphen, dot or slash, optionally preceded by <c>+</c> (the <c>+91 98765 43210</c>, <c>0987-654-3210</c>,
/// <c>2345 6789 0123</c>, <c>192.168.1.10</c> and <c>15/08/1990</c> shapes). A group that runs into a letter or an
/// underscore ends the run (digits inside a longer word are not a number), and a group longer than
/// <see cref="MaxGroupDigits"/> digits is a long digit run that no recognizer matches.
/// </summary>
/// <remarks>
/// Phone numbers also put a group in parentheses: <c>+91 (98765) 43210</c>, <c>+91-(98765)-43210</c>,
/// <c>(+91) 98765 43210</c>, <c>(0) 98765 43210</c>. A group opened by <c>(</c> (after the previous group, directly or
/// after one space or hyphen, or before the run's <c>+</c> or first digit) joins the run only when <c>)</c> closes it;
/// the next group then follows the <c>)</c> directly or after one space or hyphen. Such a join is recorded as the
/// separator <see cref="Parenthesis"/>, which only the mobile recognizer accepts (<see cref="DigitSpan.Parenthesis"/>).
/// </remarks>
internal ref struct DigitRun
{
    /// <summary>Most groups read into one run.</summary>
    public const int MaxGroups = 8;

    /// <summary>Longest group, digits (card numbers have at most 19).</summary>
    public const int MaxGroupDigits = 19;

    /// <summary>The separator recorded for a join through a parenthesised group (<c>(98765) 43210</c>).</summary>
    public const byte Parenthesis = (byte)'(';

    private DigitRunBuffer _starts;
    private DigitRunBuffer _ends;
    private DigitRunBuffer _separators;

    /// <summary>Number of groups read.</summary>
    public int Count;

    /// <summary>Position of the first byte of the run (the <c>+</c> when present).</summary>
    public int Start;

    /// <summary>Position after the last digit of the last group.</summary>
    public int End;

    /// <summary>A <c>+</c> precedes the first group.</summary>
    public bool Plus;

    public readonly int GroupStart(int g) => _starts[g];

    public readonly int GroupEnd(int g) => _ends[g];

    /// <summary>The separator byte before group <paramref name="g"/> (0 for the first group).</summary>
    public readonly byte SeparatorBefore(int g) => (byte)_separators[g];

    /// <summary>
    /// Reads the run whose first digit is at <paramref name="position"/> into <paramref name="run"/>. False when the
    /// first group is too long or joined to letters: there is no number here (the run is then empty).
    /// </summary>
    /// <remarks>
    /// Filled in place, not returned: a returned run is copied with wide loads right after its narrow group stores,
    /// which stalls (store forwarding fails). For the same reason the scalars are kept in locals and each stored once at
    /// the end, and only the group buffers are cleared (a whole-run clear is wide stores that the first read of a scalar
    /// waits on), and whether a number was found is returned rather than read back from the run.
    /// </remarks>
    public static bool Read(ReadOnlySpan<byte> text, int position, out DigitRun run)
    {
        run._starts = default;
        run._ends = default;
        run._separators = default;
        bool plus = position > 0 && text[position - 1] == '+';
        bool open = false;
        int count = 0;
        int end = position;
        int p = position;
        byte separator = 0;
        while (true)
        {
            int s = p;
            while (p < text.Length && IsDigit(text[p]))
            {
                p++;
            }

            bool joinedToWord = p < text.Length && IsWordLetter(text[p]);
            if (joinedToWord || p - s > MaxGroupDigits || (open && (p == text.Length || text[p] != ')')))
            {
                // A group opened by '(' joins only when ')' closes it.
                break;
            }

            run._starts[count] = s;
            run._ends[count] = p;
            run._separators[count] = separator;
            count++;
            end = p;
            if (count == MaxGroups || p + 1 >= text.Length)
            {
                break;
            }

            byte b = text[p];
            byte after = text[p + 1];
            if (IsSeparator(b))
            {
                if (!open && IsDigit(after))
                {
                    // The common join, kept here: one separator, then the next group.
                    separator = b;
                    p++;
                    continue;
                }

                if (after != '(')
                {
                    break;
                }
            }
            else if ((uint)(b - '(') > 1)
            {
                // Neither '(' nor ')' (adjacent bytes): the run ends.
                break;
            }
            else if (b == ')' && !open && !(count == 1 && OpenedBefore(text, plus ? position - 1 : position)))
            {
                // A ')' after the first group closes only a '(' before the run.
                break;
            }

            // The joins through parentheses, out of line.
            int next = NextGroup(text, p, ref open, out separator);
            if (next < 0)
            {
                break;
            }

            p = next;
        }

        run.Count = count;
        run.Start = plus ? position - 1 : position;
        run.End = end;
        run.Plus = plus;
        return count > 0;
    }

    /// <summary>
    /// The joins through parentheses (see the remarks on <see cref="DigitRun"/>), out of line: the position of the next
    /// group's first digit after a group ending at <paramref name="p"/> (before the last byte of the text), and the
    /// separator that joins it; -1 when no group follows. A <c>)</c> at <paramref name="p"/> closes the open group (the
    /// caller checked that one is open); on return <paramref name="open"/> says whether a <c>(</c> opens the next group.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int NextGroup(ReadOnlySpan<byte> text, int p, ref bool open, out byte separator)
    {
        separator = 0;
        byte b = text[p];
        if (b == ')')
        {
            // The ')' after the group: the next group follows directly, after one space or hyphen, or in parentheses.
            open = false;
            separator = Parenthesis;
            p++;
            if (p < text.Length && text[p] is (byte)' ' or (byte)'-')
            {
                p++;
            }

            if (p < text.Length && text[p] == '(')
            {
                open = true;
                p++;
            }
        }
        else if (IsSeparator(b))
        {
            separator = b;
            p++;
            if (b is (byte)' ' or (byte)'-' && p < text.Length && text[p] == '(')
            {
                separator = Parenthesis;
                open = true;
                p++;
            }
        }
        else if (b == '(')
        {
            separator = Parenthesis;
            open = true;
            p++;
        }
        else
        {
            return -1;
        }

        return p < text.Length && IsDigit(text[p]) ? p : -1;
    }

    /// <summary>
    /// True when a group ending at <paramref name="groupEnd"/> may join a next group through parentheses
    /// (<c>98765) 43210</c>, <c>91 (98765</c>, <c>91(98765</c>), by the joins of <see cref="Read"/>, whether or not a
    /// <c>(</c> is really open before the group (<see cref="Sessions.CleanValueRules"/> never proves such a chain clean).
    /// </summary>
    internal static bool MayJoinThroughParenthesis(ReadOnlySpan<byte> text, int groupEnd)
    {
        if (groupEnd + 1 >= text.Length)
        {
            return false;
        }

        // The bytes NextGroup needs for a parenthesis join (the common case, a clean value's timestamp, ends here).
        byte b = text[groupEnd];
        if ((uint)(b - '(') > 1 && !(b is (byte)' ' or (byte)'-' && text[groupEnd + 1] == '('))
        {
            return false;
        }

        bool open = false;
        return NextGroup(text, groupEnd, ref open, out byte separator) >= 0 && separator == Parenthesis;
    }

    /// <summary>True when <see cref="Read"/> joins a next group to the group ending at <paramref name="groupEnd"/> without
    /// parentheses: one space, hyphen, dot or slash, then a digit.</summary>
    internal static bool JoinsNext(ReadOnlySpan<byte> text, int groupEnd) =>
        groupEnd + 1 < text.Length && IsSeparator(text[groupEnd]) && IsDigit(text[groupEnd + 1]);

    /// <summary>True when the group starting at <paramref name="groupStart"/> is joined to a group before it without
    /// parentheses: a digit, then one space, hyphen, dot or slash.</summary>
    internal static bool JoinsPrevious(ReadOnlySpan<byte> text, int groupStart) =>
        groupStart >= 2 && IsSeparator(text[groupStart - 1]) && IsDigit(text[groupStart - 2]);

    /// <summary>True when a <c>(</c> directly precedes <paramref name="runStart"/> (the run's <c>+</c> or first digit).</summary>
    private static bool OpenedBefore(ReadOnlySpan<byte> text, int runStart) => runStart > 0 && text[runStart - 1] == '(';

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    private static bool IsWordLetter(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a' || b == '_';

    private static bool IsSeparator(byte b) => b is (byte)' ' or (byte)'-' or (byte)'.' or (byte)'/';
}
