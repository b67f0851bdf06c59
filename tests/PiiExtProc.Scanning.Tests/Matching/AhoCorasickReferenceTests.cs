using PiiExtProc.Scanning.Matching;

namespace PiiExtProc.Scanning.Tests.Matching;

/// <summary>
/// Compares the automaton with <see cref="NaiveKeywordFinder"/> on seeded random keyword sets and texts over small
/// alphabets (so matches, overlaps, prefixes and suffixes are frequent), and checks that resuming across chunk
/// boundaries gives the same hits as one search over the whole text.
/// </summary>
public sealed class AhoCorasickReferenceTests
{
    private static readonly byte[] s_smallAlphabet = "abcAB-"u8.ToArray();
    private static readonly byte[] s_mixedAlphabet = [(byte)'a', (byte)'b', (byte)'Z', (byte)'z', 0x00, 0xC3, 0xA9, 0xFF];

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 2)]
    [InlineData(false, 3)]
    [InlineData(true, 4)]
    public void FindAll_RandomInputs_MatchNaiveReference(bool ignoreAsciiCase, int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 1500; round++)
        {
            byte[] alphabet = round % 2 == 0 ? s_smallAlphabet : s_mixedAlphabet;
            byte[][] keywords = RandomKeywords(random, alphabet, ignoreAsciiCase);
            AhoCorasickAutomaton automaton = Build(keywords, ignoreAsciiCase);
            byte[] text = RandomBytes(random, alphabet, random.Next(0, 120));

            var expected = NaiveKeywordFinder.FindAll(keywords, text, ignoreAsciiCase);
            var actual = Search(automaton, [text]);

            Assert.Equal(expected, actual);
        }
    }

    [Theory]
    [InlineData(false, 11)]
    [InlineData(true, 12)]
    public void FindAll_EverySplitPoint_SameHitsAsWholeText(bool ignoreAsciiCase, int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 200; round++)
        {
            byte[][] keywords = RandomKeywords(random, s_smallAlphabet, ignoreAsciiCase);
            AhoCorasickAutomaton automaton = Build(keywords, ignoreAsciiCase);
            byte[] text = RandomBytes(random, s_smallAlphabet, random.Next(0, 60));
            var whole = Search(automaton, [text]);

            for (int split = 0; split <= text.Length; split++)
            {
                Assert.Equal(whole, Search(automaton, [text[..split], text[split..]]));
            }
        }
    }

    [Theory]
    [InlineData(false, 21)]
    [InlineData(true, 22)]
    public void FindAll_RandomChunkings_SameHitsAsWholeText(bool ignoreAsciiCase, int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 500; round++)
        {
            byte[][] keywords = RandomKeywords(random, s_mixedAlphabet, ignoreAsciiCase);
            AhoCorasickAutomaton automaton = Build(keywords, ignoreAsciiCase);
            byte[] text = RandomBytes(random, s_mixedAlphabet, random.Next(0, 200));
            var chunks = new List<byte[]>();
            for (int start = 0; start < text.Length;)
            {
                int length = Math.Min(text.Length - start, random.Next(0, 9)); // empty chunks included
                chunks.Add(text[start..(start + length)]);
                start += length;
            }

            Assert.Equal(Search(automaton, [text]), Search(automaton, chunks));
        }
    }

    [Fact]
    public void FindAll_HeSheHisHers_EverySplitOfUshersMatchesReference()
    {
        byte[][] keywords = ["he"u8.ToArray(), "she"u8.ToArray(), "his"u8.ToArray(), "hers"u8.ToArray()];
        AhoCorasickAutomaton automaton = Build(keywords, ignoreAsciiCase: false);
        byte[] text = "ushershishe"u8.ToArray();
        var expected = NaiveKeywordFinder.FindAll(keywords, text, ignoreAsciiCase: false);

        for (int split = 0; split <= text.Length; split++)
        {
            Assert.Equal(expected, Search(automaton, [text[..split], text[split..]]));
        }
    }

    [Fact]
    public void TryMatchExact_RandomInputs_MatchNaiveEquality()
    {
        var random = new Random(31);
        for (int round = 0; round < 2000; round++)
        {
            bool ignoreAsciiCase = round % 2 == 0;
            byte[][] keywords = RandomKeywords(random, s_smallAlphabet, ignoreAsciiCase);
            AhoCorasickAutomaton automaton = Build(keywords, ignoreAsciiCase);
            byte[] candidate = random.Next(3) == 0
                ? keywords[random.Next(keywords.Length)]
                : RandomBytes(random, s_smallAlphabet, random.Next(0, 5));

            int expected = Array.FindIndex(keywords, k => k.Length == candidate.Length
                && NaiveKeywordFinder.FindAll([k], candidate, ignoreAsciiCase).Count == 1);
            bool matched = automaton.TryMatchExactKeyword(candidate, out int keywordIndex);

            Assert.Equal(expected >= 0, matched);
            Assert.Equal(expected, keywordIndex);
        }
    }

    [Fact]
    public void TryFindFirst_RandomInputs_MatchFirstReferenceHit()
    {
        var random = new Random(41);
        for (int round = 0; round < 2000; round++)
        {
            bool ignoreAsciiCase = round % 2 == 1;
            byte[][] keywords = RandomKeywords(random, s_smallAlphabet, ignoreAsciiCase);
            AhoCorasickAutomaton automaton = Build(keywords, ignoreAsciiCase);
            byte[] text = RandomBytes(random, s_smallAlphabet, random.Next(0, 40));

            var expected = NaiveKeywordFinder.FindAll(keywords, text, ignoreAsciiCase);
            bool found = automaton.TryFindFirst(text, out KeywordHit hit);

            Assert.Equal(expected.Count > 0, found);
            if (found)
            {
                Assert.Equal(expected[0], (hit.KeywordIndex, (long)hit.End));
            }
        }
    }

    private static List<(int Keyword, long AbsoluteEnd)> Search(AhoCorasickAutomaton automaton, IEnumerable<byte[]> chunks)
    {
        var hits = new List<KeywordHit>();
        var sink = new CollectingSink(hits);
        var cursor = AutomatonCursor.Start;
        long offset = 0;
        foreach (byte[] chunk in chunks)
        {
            int before = hits.Count;
            automaton.FindAll(chunk, ref cursor, ref sink);
            for (int i = before; i < hits.Count; i++)
            {
                Assert.Equal(offset + hits[i].End, hits[i].AbsoluteEnd);
                Assert.InRange(hits[i].End, 1, chunk.Length);
            }

            offset += chunk.Length;
            Assert.Equal(offset, cursor.Offset);
        }

        return hits.Select(h => (h.KeywordIndex, h.AbsoluteEnd)).ToList();
    }

    private static AhoCorasickAutomaton Build(byte[][] keywords, bool ignoreAsciiCase)
    {
        var builder = new AhoCorasickBuilder(ignoreAsciiCase);
        for (int i = 0; i < keywords.Length; i++)
        {
            builder.Add(keywords[i], payload: i * 7);
        }

        var automaton = builder.Build();
        for (int i = 0; i < keywords.Length; i++)
        {
            Assert.Equal(i * 7, automaton.GetPayload(i));
        }

        return automaton;
    }

    // 1-8 distinct keywords (distinct after folding when ignoring case), lengths 1-6.
    private static byte[][] RandomKeywords(Random random, byte[] alphabet, bool ignoreAsciiCase)
    {
        var keywords = new List<byte[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int wanted = random.Next(1, 9);
        while (keywords.Count < wanted)
        {
            byte[] keyword = RandomBytes(random, alphabet, random.Next(1, 7));
            string key = Convert.ToHexString(ignoreAsciiCase ? keyword.Select(AsciiCaseFolding.ToLower).ToArray() : keyword);
            if (seen.Add(key))
            {
                keywords.Add(keyword);
            }
        }

        return [.. keywords];
    }

    private static byte[] RandomBytes(Random random, byte[] alphabet, int length)
    {
        var bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = alphabet[random.Next(alphabet.Length)];
        }

        return bytes;
    }
}
