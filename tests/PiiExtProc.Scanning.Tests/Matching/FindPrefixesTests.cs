using System.Text;
using PiiExtProc.Scanning.Matching;

namespace PiiExtProc.Scanning.Tests.Matching;

public sealed class FindPrefixesTests
{
    [Theory]
    [InlineData("acme corp ltd", "acme,acme corp")]
    [InlineData("ACME Corporation", "acme,acme corp")]
    [InlineData("xacme corp", "")]
    [InlineData("acm", "")]
    [InlineData("corp", "corp")]
    public void FindPrefixes_KeywordsStartingAtZero_ReportedShortestFirst(string text, string expected)
    {
        string[] keywords = ["acme", "acme corp", "corp", "me c"];
        var builder = new AhoCorasickBuilder(ignoreAsciiCase: true);
        for (int i = 0; i < keywords.Length; i++)
        {
            builder.Add(keywords[i], i);
        }

        AhoCorasickAutomaton automaton = builder.Build();
        var hits = new List<KeywordHit>();
        var sink = new CollectingSink(hits);
        automaton.FindPrefixes(Encoding.UTF8.GetBytes(text), ref sink);

        Assert.Equal(expected, string.Join(",", hits.Select(h => keywords[h.Payload])));
        Assert.All(hits, h => Assert.Equal(0, h.Start));
    }
}
