using System.Text;
using PiiExtProc.Scanning.Matching;

namespace PiiExtProc.Scanning.Tests.Matching;

public sealed class AhoCorasickAutomatonTests
{
    private static byte[] Utf8(string value) => Encoding.UTF8.GetBytes(value);

    private static AhoCorasickAutomaton Build(bool ignoreAsciiCase, params string[] keywords)
    {
        var builder = new AhoCorasickBuilder(ignoreAsciiCase);
        for (int i = 0; i < keywords.Length; i++)
        {
            builder.Add(keywords[i], payload: 100 + i);
        }

        return builder.Build();
    }

    private static List<KeywordHit> FindAll(AhoCorasickAutomaton automaton, string text)
    {
        var hits = new List<KeywordHit>();
        var sink = new CollectingSink(hits);
        var cursor = AutomatonCursor.Start;
        automaton.FindAll(Utf8(text), ref cursor, ref sink);
        return hits;
    }

    [Fact]
    public void FindAll_ClassicHeSheHisHers_ReportsOverlappingHitsLongestFirst()
    {
        var automaton = Build(false, "he", "she", "his", "hers");

        List<KeywordHit> hits = FindAll(automaton, "ushers");

        // "she" and "he" both end at 4 (longest first), "hers" ends at 6.
        Assert.Equal(
            [new KeywordHit(1, 101, 4, 3, 4), new KeywordHit(0, 100, 4, 2, 4), new KeywordHit(3, 103, 6, 4, 6)],
            hits);
        Assert.Equal(1, hits[0].Start);
    }

    [Fact]
    public void FindAll_PrefixAndSuffixKeywords_AllReported()
    {
        var automaton = Build(false, "a", "ab", "abc", "bc", "c");

        List<KeywordHit> hits = FindAll(automaton, "abc");

        Assert.Equal([(0, 1), (1, 2), (2, 3), (3, 3), (4, 3)], hits.Select(h => (h.KeywordIndex, h.End)).ToList());
    }

    [Fact]
    public void FindAll_IgnoreAsciiCase_MatchesAnyCaseAndReportsOriginalLength()
    {
        var automaton = Build(true, "Aadhaar", "pan");

        List<KeywordHit> hits = FindAll(automaton, "{\"AADHAAR\":1,\"Pan\":2,\"aadhaar\":3}");

        Assert.Equal([0, 1, 0], hits.Select(h => h.KeywordIndex).ToList());
        Assert.All(hits, h => Assert.Equal(h.KeywordIndex == 0 ? 7 : 3, h.Length));
    }

    [Fact]
    public void FindAll_CaseSensitive_DoesNotFoldCase()
    {
        var automaton = Build(false, "pan");

        Assert.Empty(FindAll(automaton, "PAN Pan pAn"));
        Assert.Single(FindAll(automaton, "PAN pan"));
    }

    [Fact]
    public void FindAll_NonAsciiKeyword_MatchesExactBytesAndIsNotFolded()
    {
        // Devanagari "आधार" (Aadhaar), 12 UTF-8 bytes.
        var automaton = Build(true, "आधार", "é");

        List<KeywordHit> hits = FindAll(automaton, "मेरा आधार नंबर É é");

        Assert.Equal(2, hits.Count);
        Assert.Equal(12, hits[0].Length);
        Assert.Equal(1, hits[1].KeywordIndex); // only the lower-case é: non-ASCII bytes are never folded
    }

    [Fact]
    public void FindAll_EmptyAutomaton_ReportsNothingAndAdvancesCursor()
    {
        var automaton = new AhoCorasickBuilder().Build();
        var hits = new List<KeywordHit>();
        var sink = new CollectingSink(hits);
        var cursor = AutomatonCursor.Start;

        automaton.FindAll(Utf8("anything"), ref cursor, ref sink);

        Assert.Empty(hits);
        Assert.Equal(8, cursor.Offset);
        Assert.Equal(0, automaton.MaxKeywordLength);
    }

    [Fact]
    public void FindAll_RefStructSink_IsAcceptedAndAllocatesNothing()
    {
        var automaton = Build(true, "phone", "mobile", "aadhaar", "pan", "email");
        byte[] text = Utf8(string.Concat(Enumerable.Repeat("{\"phone\":\"98765\",\"Email\":\"x@y\",\"pancake\":1} ", 200)));
        var warmUp = new CountingSink();
        var warmUpCursor = AutomatonCursor.Start;
        automaton.FindAll(text, ref warmUpCursor, ref warmUp);

        var sink = new CountingSink();
        var cursor = AutomatonCursor.Start;
        long before = GC.GetAllocatedBytesForCurrentThread();
        automaton.FindAll(text, ref cursor, ref sink);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(600, sink.Count);
        Assert.Equal(text.Length, cursor.Offset);
    }

    [Fact]
    public void FindAll_CursorWithStartOffset_ReportsAbsoluteOffsets()
    {
        var automaton = Build(false, "pan");
        var hits = new List<KeywordHit>();
        var sink = new CollectingSink(hits);
        var cursor = new AutomatonCursor(1000);

        automaton.FindAll(Utf8("xpan"), ref cursor, ref sink);

        Assert.Equal(4, hits[0].End);
        Assert.Equal(1004, hits[0].AbsoluteEnd);
        Assert.Equal(1001, hits[0].AbsoluteStart);
        Assert.Equal(1004, cursor.Offset);
    }

    [Fact]
    public void FindAll_KeywordSpanningChunks_ReportedInLaterChunkWithNegativeStart()
    {
        var automaton = Build(false, "aadhaar");
        var hits = new List<KeywordHit>();
        var sink = new CollectingSink(hits);
        var cursor = AutomatonCursor.Start;

        automaton.FindAll(Utf8("my aadh"), ref cursor, ref sink);
        Assert.False(cursor.IsAtRoot);
        automaton.FindAll(Utf8("aar no"), ref cursor, ref sink);

        KeywordHit hit = Assert.Single(hits);
        Assert.Equal(3, hit.End);
        Assert.Equal(-4, hit.Start);
        Assert.Equal(3, hit.AbsoluteStart);
        Assert.Equal(10, hit.AbsoluteEnd);
    }

    [Fact]
    public void ResetState_DropsPendingPrefix()
    {
        var automaton = Build(false, "aadhaar");
        var hits = new List<KeywordHit>();
        var sink = new CollectingSink(hits);
        var cursor = AutomatonCursor.Start;

        automaton.FindAll(Utf8("aadh"), ref cursor, ref sink);
        cursor.ResetState();
        automaton.FindAll(Utf8("aar"), ref cursor, ref sink);

        Assert.Empty(hits);
        Assert.Equal(7, cursor.Offset);
    }

    [Theory]
    [InlineData("aadhar", true, 1)]
    [InlineData("AADHAR", true, 1)]
    [InlineData("Phone_Number", true, 2)]
    [InlineData("phone", true, 3)]
    [InlineData("phone_", false, 0)]         // prefix of a keyword, not a keyword
    [InlineData("xphone", false, 0)]         // keyword is a suffix only
    [InlineData("aadhar_no", false, 0)]      // keyword plus more
    [InlineData("adhar", false, 0)]
    [InlineData("", false, 0)]
    [InlineData("phone_number_extra_long_text", false, 0)]
    public void TryMatchExact_KeyNames_Expected(string key, bool expected, int expectedPayload)
    {
        var automaton = new AhoCorasickBuilder(ignoreAsciiCase: true)
            .Add("aadhar", 1).Add("aadhaar", 1).Add("phone_number", 2).Add("phone", 3).Build();

        bool matched = automaton.TryMatchExact(Utf8(key), out int payload);

        Assert.Equal(expected, matched);
        Assert.Equal(expectedPayload, payload);
    }

    [Fact]
    public void TryFindFirst_ReturnsEarliestEndingLongestHit()
    {
        var automaton = Build(false, "number", "umber", "mobile");

        Assert.True(automaton.TryFindFirst(Utf8("your mobile number"), out KeywordHit hit));
        Assert.Equal((2, 11, 6), (hit.KeywordIndex, hit.End, hit.Length));
        Assert.True(automaton.TryFindFirst(Utf8("a number"), out hit));
        Assert.Equal(0, hit.KeywordIndex); // "number" and "umber" end together: longest first
        Assert.True(automaton.ContainsAny(Utf8("numbers")));
        Assert.False(automaton.ContainsAny(Utf8("numbe mobil")));
        Assert.False(automaton.TryFindFirst(ReadOnlySpan<byte>.Empty, out hit));
        Assert.Equal(default, hit);
    }

    [Fact]
    public void Properties_DescribeTheKeywordSet()
    {
        var automaton = Build(true, "pan", "Phone", "aadhaar");

        Assert.Equal(3, automaton.KeywordCount);
        Assert.Equal(7, automaton.MaxKeywordLength);
        Assert.True(automaton.IgnoreAsciiCase);
        Assert.Equal(101, automaton.GetPayload(1));
        Assert.Equal(5, automaton.GetKeywordLength(1));
        foreach (char c in "pPaA")
        {
            Assert.True(automaton.FirstBytes.Contains((byte)c));
        }

        Assert.False(automaton.FirstBytes.Contains((byte)'h'));
        // Distinct folded bytes p a n h o e d r = 8, plus class 0.
        Assert.Equal(9, automaton.ClassCount);
    }
}
