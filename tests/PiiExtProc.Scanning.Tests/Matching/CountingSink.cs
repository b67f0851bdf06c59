using PiiExtProc.Scanning.Matching;

namespace PiiExtProc.Scanning.Tests.Matching;

/// <summary>A ref struct sink that only counts, to show ref structs are accepted and nothing is allocated.</summary>
internal ref struct CountingSink : IKeywordHitSink
{
    public int Count;
    public long LastAbsoluteEnd;

    public void OnHit(in KeywordHit hit)
    {
        Count++;
        LastAbsoluteEnd = hit.AbsoluteEnd;
    }
}
