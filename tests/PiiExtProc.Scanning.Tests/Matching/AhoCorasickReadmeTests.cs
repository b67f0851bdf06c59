using PiiExtProc.Scanning.Matching;

namespace PiiExtProc.Scanning.Tests.Matching;

public sealed class AhoCorasickReadmeTests
{
    [Fact]
    public void Readme_WorkedExample_StatesAndHitsAsDocumented()
    {
        var automaton = new AhoCorasickBuilder().Add("he", 10).Add("she", 11).Add("his", 12).Add("hers", 13).Build();
        Assert.Equal(10, automaton.StateCount);
        Assert.Equal(6, automaton.ClassCount);

        var states = new List<int>();
        var hits = new List<KeywordHit>();
        var sink = new CollectingSink(hits);
        var cursor = AutomatonCursor.Start;
        foreach (byte b in "ushers"u8)
        {
            automaton.FindAll([b], ref cursor, ref sink);
            states.Add(cursor.Row / 8);
        }

        Assert.Equal([0, 3, 4, 5, 8, 9], states);
        Assert.Equal([(11, 4L), (10, 4L), (13, 6L)], hits.Select(h => (h.Payload, h.AbsoluteEnd)).ToList());

        hits.Clear();
        cursor = AutomatonCursor.Start;
        automaton.FindAll("ush"u8, ref cursor, ref sink);
        Assert.Equal(4, cursor.Row / 8);
        automaton.FindAll("ers"u8, ref cursor, ref sink);
        Assert.Equal([(11, 1, -2, 4L), (10, 1, -1, 4L), (13, 3, -1, 6L)], hits.Select(h => (h.Payload, h.End, h.Start, h.AbsoluteEnd)).ToList());
        Assert.False(automaton.TryMatchExact("ushe"u8, out _));
        Assert.True(automaton.TryMatchExact("she"u8, out int payload));
        Assert.Equal(11, payload);
    }
}
