using PiiExtProc.Scanning.Matching;

namespace PiiExtProc.Scanning.Tests.Matching;

/// <summary>A struct sink that records hits into a list owned by the test.</summary>
internal readonly struct CollectingSink(List<KeywordHit> hits) : IKeywordHitSink
{
    public List<KeywordHit> Hits { get; } = hits;

    public void OnHit(in KeywordHit hit) => Hits.Add(hit);
}
