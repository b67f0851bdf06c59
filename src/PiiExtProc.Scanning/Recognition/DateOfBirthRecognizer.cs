namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// DATE_OF_BIRTH: a calendar date (yyyy-mm-dd, dd-mm-yyyy, dd/mm/yyyy, dd.mm.yyyy; one separator kind; year
/// 1900-2099; a valid day of month), recognized only with a birth context word or key (dob, birth, born,
/// date_of_birth). Presidio's DateRecognizer patterns (pii-detection.md §1.3) without context would flag every date.
/// </summary>
internal static class DateOfBirthRecognizer
{
    public const string Name = "date_of_birth.context";

    public static float Score(in DigitSpan span, Evidence evidence)
    {
        if (evidence == Evidence.Pattern || span.Groups != 3 || span.Plus || span.DotAdjacent
            || span.Separators is not (DigitSpan.Hyphen or DigitSpan.Slash or DigitSpan.Dot))
        {
            return 0;
        }

        ReadOnlySpan<int> g = span.GroupLengths;
        ReadOnlySpan<byte> d = span.Digits;
        int year, month, day;
        if (g[0] == 4 && g[1] is 1 or 2 && g[2] is 1 or 2)
        {
            year = Number(d[..4]);
            month = Number(d.Slice(4, g[1]));
            day = Number(d.Slice(4 + g[1], g[2]));
        }
        else if (g[0] is 1 or 2 && g[1] is 1 or 2 && g[2] == 4)
        {
            day = Number(d[..g[0]]);
            month = Number(d.Slice(g[0], g[1]));
            year = Number(d.Slice(g[0] + g[1], 4));
        }
        else
        {
            return 0;
        }

        if (year is < 1900 or > 2099 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return 0;
        }

        return Scores.WithEvidence(0.25f, evidence);
    }

    private static int Number(ReadOnlySpan<byte> digits)
    {
        int n = 0;
        foreach (byte b in digits)
        {
            n = (n * 10) + (b - '0');
        }

        return n;
    }
}
