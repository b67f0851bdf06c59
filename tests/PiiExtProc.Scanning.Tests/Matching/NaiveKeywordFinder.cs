using PiiExtProc.Scanning.Matching;

namespace PiiExtProc.Scanning.Tests.Matching;

/// <summary>The deliberately naive reference: every keyword compared at every end position.</summary>
internal static class NaiveKeywordFinder
{
    public static List<(int Keyword, long AbsoluteEnd)> FindAll(byte[][] keywords, ReadOnlySpan<byte> text, bool ignoreAsciiCase)
    {
        var hits = new List<(int Keyword, long AbsoluteEnd, int Length)>();
        for (int end = 1; end <= text.Length; end++)
        {
            for (int k = 0; k < keywords.Length; k++)
            {
                byte[] keyword = keywords[k];
                if (keyword.Length <= end && EqualBytes(text.Slice(end - keyword.Length, keyword.Length), keyword, ignoreAsciiCase))
                {
                    hits.Add((k, end, keyword.Length));
                }
            }
        }

        return hits.OrderBy(h => h.AbsoluteEnd).ThenByDescending(h => h.Length).Select(h => (h.Keyword, h.AbsoluteEnd)).ToList();
    }

    private static bool EqualBytes(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, bool ignoreAsciiCase)
    {
        for (int i = 0; i < a.Length; i++)
        {
            byte x = ignoreAsciiCase ? AsciiCaseFolding.ToLower(a[i]) : a[i];
            byte y = ignoreAsciiCase ? AsciiCaseFolding.ToLower(b[i]) : b[i];
            if (x != y)
            {
                return false;
            }
        }

        return true;
    }
}
