using PiiExtProc.Scanning.Matching;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// Collects, from the keyword hits in a context window, the nearest whole word that is a context word or a negative
/// word. A hit counts when it is a whole word (<c>phone</c>) or a whole word but for a trailing plural <c>s</c>
/// (<c>phones</c>); the exact form's context entities win over the plural form's. camelCase humps bound words too
/// (<c>customerMobile</c>, <c>phoneNo</c>; <see cref="Ascii.IsWordStart"/>).
/// </summary>
internal ref struct ContextSink : IKeywordHitSink
{
    private readonly ReadOnlySpan<byte> _text;
    private readonly int _end;
    private readonly KeywordTable _table;
    private int _wordStart;
    private uint _exactEntities;
    private uint _pluralEntities;
    private bool _negative;
    private bool _compoundHeadOnly;

    /// <param name="text">The whole span the window is in.</param>
    /// <param name="windowStart">Where the searched window starts in <paramref name="text"/> (the first <see cref="Base"/>).</param>
    /// <param name="end">Where the window ends (the candidate's start).</param>
    /// <param name="table">The table whose automaton reports the hits.</param>
    public ContextSink(ReadOnlySpan<byte> text, int windowStart, int end, KeywordTable table)
    {
        _text = text;
        Base = windowStart;
        _end = end;
        _table = table;
        _wordStart = -1;
    }

    /// <summary>
    /// Where the offsets of the hits reported next count from in the text: the window start for a search of the window,
    /// a word start for <see cref="AhoCorasickAutomaton.FindPrefixes{TSink}"/> there.
    /// </summary>
    public int Base;

    /// <summary>True once a word that counts (a context word or a negative word) was reported.</summary>
    public readonly bool Found => _wordStart >= 0;

    /// <summary>Context entities of the deciding word (0 when it is a negative word or there is none).</summary>
    public readonly uint Entities => _exactEntities != 0 ? _exactEntities : _pluralEntities;

    /// <summary>True when the deciding word is a negative word and names no entity.</summary>
    public readonly bool Negative => Entities == 0 && _negative;

    /// <summary>Where the deciding word starts in the text, or -1 when there is none.</summary>
    public readonly int WordStart => _wordStart;

    /// <summary>True when every counting word at <see cref="WordStart"/> is a compound head (<see cref="KeywordFlags.CompoundHead"/>).</summary>
    public readonly bool DecidedByCompoundHead => _wordStart >= 0 && _compoundHeadOnly;

    public void OnHit(in KeywordHit hit)
    {
        int start = Base + hit.Start;
        int end = Base + hit.End;
        if (start < _wordStart || !Ascii.IsWordStart(_text, start))
        {
            return;
        }

        bool exact = Ascii.IsWordEnd(_text, end, _end);
        bool plural = !exact && hit.Length >= 2 && hit.Length < Keywords.MaxWordLength && _text[end] == 's'
            && Ascii.IsWordEnd(_text, end + 1, _end);
        if ((!exact && !plural) || hit.Length > Keywords.MaxWordLength)
        {
            return;
        }

        KeywordInfo info = _table.Info(hit.Payload);
        uint entities = info.ContextEntities;
        if (entities == 0 && !info.IsNegative)
        {
            return;
        }

        if (start > _wordStart)
        {
            _wordStart = start;
            _exactEntities = 0;
            _pluralEntities = 0;
            _negative = false;
            _compoundHeadOnly = true;
        }

        _compoundHeadOnly &= (info.Flags & KeywordFlags.CompoundHead) != 0;

        if (exact)
        {
            _exactEntities |= entities;
        }
        else
        {
            _pluralEntities |= entities;
        }

        _negative |= info.IsNegative;
    }
}
