using PiiExtProc.Scanning.Matching;

namespace PiiExtProc.Scanning.Tests.Matching;

public sealed class AhoCorasickBuilderTests
{
    [Fact]
    public void Add_EmptyKeyword_ThrowsArgumentException()
    {
        var builder = new AhoCorasickBuilder();

        var error = Assert.Throws<ArgumentException>(() => builder.Add(ReadOnlySpan<byte>.Empty, 1));
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => builder.Add(string.Empty, 1));
    }

    [Fact]
    public void Add_DuplicateKeyword_ThrowsNamingOnlyTheKeyword()
    {
        var builder = new AhoCorasickBuilder().Add("aadhaar", 1);

        var error = Assert.Throws<ArgumentException>(() => builder.Add("aadhaar", 2));

        Assert.Equal("The keyword \"aadhaar\" is given more than once. (Parameter 'keyword')", error.Message);
    }

    [Fact]
    public void Add_DuplicateAfterCaseFolding_ThrowsWhenIgnoringCase()
    {
        var builder = new AhoCorasickBuilder(ignoreAsciiCase: true).Add("PAN", 1);

        var error = Assert.Throws<ArgumentException>(() => builder.Add("pan", 2));

        Assert.Contains("\"pan\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("ignoring ASCII case", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_SameLettersDifferentCase_AllowedWhenCaseSensitive()
    {
        var automaton = new AhoCorasickBuilder().Add("PAN", 1).Add("pan", 2).Build();

        Assert.Equal(2, automaton.KeywordCount);
        Assert.True(automaton.TryMatchExact("PAN"u8, out int upper));
        Assert.True(automaton.TryMatchExact("pan"u8, out int lower));
        Assert.Equal((1, 2), (upper, lower));
    }

    [Fact]
    public void Add_FailedAdd_LeavesBuilderUsable()
    {
        var builder = new AhoCorasickBuilder().Add("pan", 1);
        Assert.Throws<ArgumentException>(() => builder.Add("pan", 1));

        builder.Add("panel", 2);
        var automaton = builder.Build();

        Assert.Equal(2, builder.Count);
        Assert.True(automaton.TryMatchExact("panel"u8, out int payload));
        Assert.Equal(2, payload);
    }

    [Fact]
    public void Build_AllByteValuesAsKeywords_Works()
    {
        var builder = new AhoCorasickBuilder();
        for (int b = 0; b < 256; b++)
        {
            builder.Add([(byte)b, (byte)b], b);
        }

        var automaton = builder.Build();
        var hits = new List<KeywordHit>();
        var sink = new CollectingSink(hits);
        var cursor = AutomatonCursor.Start;
        automaton.FindAll([0, 0, 0, 255, 255, 7], ref cursor, ref sink);

        Assert.Equal(257, automaton.ClassCount);
        Assert.Equal([0, 0, 255], hits.Select(h => h.Payload).ToList());
    }

    [Fact]
    public void Build_CalledTwice_GivesEquivalentAutomata()
    {
        var builder = new AhoCorasickBuilder().Add("he", 1).Add("she", 2);
        var first = builder.Build();
        builder.Add("hers", 3);
        var second = builder.Build();

        Assert.Equal(2, first.KeywordCount);
        Assert.Equal(3, second.KeywordCount);
        Assert.False(first.TryMatchExact("hers"u8, out _));
        Assert.True(second.TryMatchExact("hers"u8, out _));
        Assert.True(first.TryMatchExact("she"u8, out _));
    }
}
