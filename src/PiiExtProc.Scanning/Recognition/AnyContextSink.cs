using PiiExtProc.Scanning.Matching;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// Collects the context entities of every whole context word in a span (a whole word, or a whole word but for a
/// trailing plural <c>s</c>), not only the nearest one: an upper bound of what <see cref="ContextSink"/> reports for any
/// window inside the span, used by <see cref="Sessions.CleanJsonProof"/>.
/// </summary>
internal ref struct AnyContextSink : IKeywordHitSink
{
    private readonly ReadOnlySpan<byte> _text;
    private readonly int _start;
    private readonly int _end;
    private readonly KeywordTable _table;

    /// <param name="text">The whole span the searched part is in.</param>
    /// <param name="start">Where the searched part starts in <paramref name="text"/>.</param>
    /// <param name="end">Where the searched part ends.</param>
    /// <param name="table">The table whose automaton reports the hits.</param>
    public AnyContextSink(ReadOnlySpan<byte> text, int start, int end, KeywordTable table)
    {
        _text = text;
        _start = start;
        _end = end;
        _table = table;
    }

    /// <summary>Union of the context entities of the whole words found.</summary>
    public uint Entities { get; private set; }

    public void OnHit(in KeywordHit hit)
    {
        int start = _start + hit.Start;
        int end = _start + hit.End;
        if (!Ascii.IsWordStart(_text, start))
        {
            return;
        }

        // Looser than ContextSink (a hit at the searched part's end always counts), so a superset of its words; the
        // same camelCase humps bound words.
        bool exact = Ascii.IsWordEnd(_text, end, _end);
        bool plural = !exact && hit.Length >= 2 && _text[end] == 's' && Ascii.IsWordEnd(_text, end + 1, _end);
        if (exact || plural)
        {
            Entities |= _table.Info(hit.Payload).ContextEntities;
        }
    }
}
