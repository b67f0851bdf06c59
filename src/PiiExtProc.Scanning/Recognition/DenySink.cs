using PiiExtProc.Scanning.Matching;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// Collects, from the keywords that start at a word start, the deny-list term that ends at a word end and whose entity
/// the scanner enables; the longest such term wins.
/// </summary>
internal ref struct DenySink : IKeywordHitSink
{
    private readonly ReadOnlySpan<byte> _text;
    private readonly int _start;
    private readonly Detector _detector;
    private readonly KeywordTable _table;

    public DenySink(ReadOnlySpan<byte> text, int start, Detector detector, KeywordTable table)
    {
        _text = text;
        _start = start;
        _detector = detector;
        _table = table;
        End = -1;
    }

    /// <summary>End of the chosen term in the text (exclusive), or -1.</summary>
    public int End { get; private set; }

    /// <summary>The chosen term's entity.</summary>
    public PiiEntity? Entity { get; private set; }

    public void OnHit(in KeywordHit hit)
    {
        KeywordInfo info = _table.Info(hit.Payload);
        int end = _start + hit.End;
        if (info.DenyEntity is null || (end < _text.Length && Ascii.IsLetterOrDigit(_text[end]))
            || !_detector.Passes(info.DenyEntity, BuiltInId.Of(info.DenyEntity), Scores.Validated))
        {
            return;
        }

        End = end;
        Entity = info.DenyEntity;
    }
}
