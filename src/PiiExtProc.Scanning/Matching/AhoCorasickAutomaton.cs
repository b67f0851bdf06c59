using System.Buffers;
using System.Diagnostics;

namespace PiiExtProc.Scanning.Matching;

/// <summary>
/// An immutable, thread-safe Aho-Corasick automaton over UTF-8 bytes, compiled by <see cref="AhoCorasickBuilder"/>.
/// It finds every occurrence of every keyword, overlapping ones included, in one pass and without allocating.
/// One instance is shared by all streams; per-stream progress lives in an <see cref="AutomatonCursor"/>.
/// </summary>
/// <remarks>
/// <para>Representation (see Matching/README.md): a full DFA. <c>_classOf</c> maps each byte to a class (ASCII case
/// folding is built into it); <c>_table[row + class]</c> is the next state's row, where a state's row is its number
/// times the stride (a power of two ≥ the number of classes), so the hot loop does one add and one load per byte.
/// State 0 (row 0) is the root. <c>_outputStart</c>/<c>_outputCount</c> index, per state number, a slice of
/// <c>_outputs</c>: the keyword indexes that end at that state, longest first.</para>
/// <para>While the automaton is at the root, the search skips ahead with
/// <c>IndexOfAny</c> over <see cref="FirstBytes"/>.</para>
/// </remarks>
internal sealed class AhoCorasickAutomaton
{
    private readonly ushort[] _classOf;
    private readonly int[] _table;
    private readonly int _shift;
    private readonly int[] _outputStart;
    private readonly int[] _outputCount;
    private readonly int[] _outputs;
    private readonly int[] _depth;
    private readonly int[] _keywordAtState;
    private readonly int[] _payloads;
    private readonly int[] _lengths;

    internal AhoCorasickAutomaton(
        ushort[] classOf,
        int[] table,
        int shift,
        int classCount,
        int[] outputStart,
        int[] outputCount,
        int[] outputs,
        int[] depth,
        int[] keywordAtState,
        int[] payloads,
        int[] lengths,
        byte[] firstBytes,
        bool ignoreAsciiCase)
    {
        Debug.Assert(classOf.Length == 256, "one class per byte value");
        Debug.Assert(table.Length == outputStart.Length << shift, "one row per state");
        _classOf = classOf;
        _table = table;
        _shift = shift;
        _outputStart = outputStart;
        _outputCount = outputCount;
        _outputs = outputs;
        _depth = depth;
        _keywordAtState = keywordAtState;
        _payloads = payloads;
        _lengths = lengths;
        ClassCount = classCount;
        IgnoreAsciiCase = ignoreAsciiCase;
        FirstBytes = SearchValues.Create(firstBytes);
        int maximum = 0;
        foreach (int length in lengths)
        {
            maximum = Math.Max(maximum, length);
        }

        MaxKeywordLength = maximum;
    }

    /// <summary>Number of keywords.</summary>
    public int KeywordCount => _payloads.Length;

    /// <summary>Length of the longest keyword, bytes; 0 when there are none.</summary>
    public int MaxKeywordLength { get; }

    /// <summary>True when ASCII letters match regardless of case.</summary>
    public bool IgnoreAsciiCase { get; }

    /// <summary>
    /// The first byte of every keyword (both cases of ASCII letters when <see cref="IgnoreAsciiCase"/>): text without
    /// any of these bytes contains no keyword, so callers can skip with <c>IndexOfAny</c>.
    /// </summary>
    public SearchValues<byte> FirstBytes { get; }

    /// <summary>Number of states, the root included.</summary>
    public int StateCount => _outputStart.Length;

    /// <summary>Number of byte classes (distinct keyword bytes after folding, plus one for all other bytes).</summary>
    public int ClassCount { get; }

    /// <summary>Size of the transition table, bytes (for diagnostics).</summary>
    public long TableSizeInBytes => (long)_table.Length * sizeof(int);

    /// <summary>The payload given with keyword <paramref name="keywordIndex"/>.</summary>
    /// <param name="keywordIndex">0 to <see cref="KeywordCount"/> - 1.</param>
    public int GetPayload(int keywordIndex) => _payloads[keywordIndex];

    /// <summary>The length of keyword <paramref name="keywordIndex"/>, bytes.</summary>
    /// <param name="keywordIndex">0 to <see cref="KeywordCount"/> - 1.</param>
    public int GetKeywordLength(int keywordIndex) => _lengths[keywordIndex];

    /// <summary>
    /// Searches <paramref name="text"/> continuing from <paramref name="cursor"/> and reports every keyword occurrence
    /// that ends inside <paramref name="text"/> to <paramref name="sink"/>, overlapping occurrences included, in order
    /// of end offset (longest first at the same end). Occurrences that began in earlier chunks searched with the same
    /// cursor are reported too (with a negative <see cref="KeywordHit.Start"/>). On return the cursor has advanced by
    /// <c>text.Length</c> bytes. Allocates nothing.
    /// </summary>
    /// <typeparam name="TSink">A struct or ref struct sink, so the loop is specialised per sink.</typeparam>
    /// <param name="text">The bytes to search (UTF-8 or any bytes).</param>
    /// <param name="cursor">The stream position; <c>default</c> for a new stream.</param>
    /// <param name="sink">Receives the hits.</param>
    public void FindAll<TSink>(ReadOnlySpan<byte> text, ref AutomatonCursor cursor, ref TSink sink)
        where TSink : IKeywordHitSink, allows ref struct
    {
        ushort[] classOf = _classOf;
        int[] table = _table;
        int[] outputCount = _outputCount;
        int shift = _shift;
        long baseOffset = cursor.Offset;
        int row = cursor.Row;
        Debug.Assert((uint)row < (uint)table.Length && (row & ((1 << shift) - 1)) == 0, "the cursor belongs to this automaton");

        int i = 0;
        while (i < text.Length)
        {
            if (row == 0)
            {
                // At the root nothing is pending: jump to the next byte that can start a keyword.
                int skip = text[i..].IndexOfAny(FirstBytes);
                if (skip < 0)
                {
                    break;
                }

                i += skip;
            }

            row = table[row + classOf[text[i]]];
            i++;
            int state = row >> shift;
            if (outputCount[state] != 0)
            {
                Report(state, i, baseOffset, ref sink);
            }
        }

        cursor.Row = row;
        cursor.Offset = baseOffset + text.Length;
    }

    /// <summary>
    /// Finds the occurrence that ends first in <paramref name="text"/> (the longest one if several end there),
    /// searching from the root as a text of its own. Use it for context windows.
    /// </summary>
    /// <param name="text">The bytes to search.</param>
    /// <param name="hit">The occurrence, offsets relative to <paramref name="text"/>; default when none.</param>
    /// <returns>True when a keyword occurs in <paramref name="text"/>.</returns>
    public bool TryFindFirst(ReadOnlySpan<byte> text, out KeywordHit hit)
    {
        ushort[] classOf = _classOf;
        int[] table = _table;
        int[] outputCount = _outputCount;
        int row = 0;
        int i = 0;
        while (i < text.Length)
        {
            if (row == 0)
            {
                int skip = text[i..].IndexOfAny(FirstBytes);
                if (skip < 0)
                {
                    break;
                }

                i += skip;
            }

            row = table[row + classOf[text[i]]];
            i++;
            int state = row >> _shift;
            if (outputCount[state] != 0)
            {
                int keyword = _outputs[_outputStart[state]];
                hit = new KeywordHit(keyword, _payloads[keyword], i, _lengths[keyword], i);
                return true;
            }
        }

        hit = default;
        return false;
    }

    /// <summary>True when any keyword occurs in <paramref name="text"/>.</summary>
    /// <param name="text">The bytes to search.</param>
    public bool ContainsAny(ReadOnlySpan<byte> text) => TryFindFirst(text, out _);

    /// <summary>
    /// True when the whole of <paramref name="text"/> is one keyword (subject to ASCII case folding), e.g. to
    /// classify a JSON key name such as <c>phone_number</c>.
    /// </summary>
    /// <param name="text">The candidate, for example a JSON property name's unescaped UTF-8 bytes.</param>
    /// <param name="payload">The keyword's payload, or 0 when there is no match.</param>
    /// <returns>True on an exact match.</returns>
    public bool TryMatchExact(ReadOnlySpan<byte> text, out int payload)
    {
        if (TryMatchExactKeyword(text, out int keywordIndex))
        {
            payload = _payloads[keywordIndex];
            return true;
        }

        payload = 0;
        return false;
    }

    /// <summary>Like <see cref="TryMatchExact"/> but returns the keyword index.</summary>
    /// <param name="text">The candidate.</param>
    /// <param name="keywordIndex">The keyword index, or -1 when there is no match.</param>
    /// <returns>True on an exact match.</returns>
    public bool TryMatchExactKeyword(ReadOnlySpan<byte> text, out int keywordIndex)
    {
        keywordIndex = -1;
        if (text.IsEmpty || text.Length > MaxKeywordLength)
        {
            return false;
        }

        // Along trie edges the depth grows by one per byte; any failure transition makes it fall behind, so
        // depth == length at the end means the whole text is one trie path.
        int row = 0;
        foreach (byte value in text)
        {
            row = _table[row + _classOf[value]];
        }

        int state = row >> _shift;
        if (_depth[state] != text.Length || _keywordAtState[state] < 0)
        {
            return false;
        }

        keywordIndex = _keywordAtState[state];
        return true;
    }

    /// <summary>
    /// Reports every keyword that is a prefix of <paramref name="text"/> (starts at byte 0), shortest first, e.g. the
    /// deny-list terms that begin at a word start. Walks at most <see cref="MaxKeywordLength"/> bytes; allocates nothing.
    /// </summary>
    /// <typeparam name="TSink">A struct or ref struct sink.</typeparam>
    /// <param name="text">The bytes from the candidate start on.</param>
    /// <param name="sink">Receives the hits (<see cref="KeywordHit.Start"/> is 0, <see cref="KeywordHit.AbsoluteEnd"/>
    /// equals <see cref="KeywordHit.End"/>).</param>
    public void FindPrefixes<TSink>(ReadOnlySpan<byte> text, ref TSink sink)
        where TSink : IKeywordHitSink, allows ref struct
    {
        int row = 0;
        int limit = Math.Min(text.Length, MaxKeywordLength);
        for (int i = 0; i < limit; i++)
        {
            row = _table[row + _classOf[text[i]]];
            int state = row >> _shift;
            if (_depth[state] != i + 1)
            {
                // A failure transition: the bytes so far are no longer one trie path from the start.
                return;
            }

            int keyword = _keywordAtState[state];
            if (keyword >= 0)
            {
                sink.OnHit(new KeywordHit(keyword, _payloads[keyword], i + 1, _lengths[keyword], i + 1));
            }
        }
    }

    private void Report<TSink>(int state, int end, long baseOffset, ref TSink sink)
        where TSink : IKeywordHitSink, allows ref struct
    {
        int start = _outputStart[state];
        int stop = start + _outputCount[state];
        for (int k = start; k < stop; k++)
        {
            int keyword = _outputs[k];
            sink.OnHit(new KeywordHit(keyword, _payloads[keyword], end, _lengths[keyword], baseOffset + end));
        }
    }
}
