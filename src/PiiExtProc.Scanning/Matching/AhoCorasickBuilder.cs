using System.Numerics;
using System.Text;

namespace PiiExtProc.Scanning.Matching;

/// <summary>
/// Collects keywords (UTF-8 byte strings, each with an integer payload) at configuration time and compiles them into
/// an immutable <see cref="AhoCorasickAutomaton"/>. Not thread-safe; allocation is fine here.
/// </summary>
/// <remarks>
/// <para>How the automaton is built (Aho and Corasick, "Efficient string matching", CACM 1975):</para>
/// <list type="number">
/// <item>Insert every keyword into a trie; node 0 is the root. With <see cref="IgnoreAsciiCase"/> the keyword is
/// folded to lower case first, so "PAN" and "pan" are the same keyword (and a duplicate).</item>
/// <item>Map bytes to classes: every distinct (folded) byte that occurs in a keyword gets its own class 1..K, all
/// other bytes share class 0, and upper-case letters share their lower-case letter's class when case is ignored.
/// This keeps rows short (K + 1 entries, rounded up to a power of two) instead of 256.</item>
/// <item>Breadth-first, give each node its failure link (the longest proper suffix of its path that is also a trie
/// path) and fill its full DFA row: a missing child takes the failure node's transition, which is already complete
/// because the failure node is shallower.</item>
/// <item>Each node's output list is its own keyword (if any) followed by its failure node's output list, so the list
/// is ordered longest keyword first; all lists are flattened into one array.</item>
/// </list>
/// <para>For keywords "he", "she", "his", "hers" the trie and failure links (dashed) are:</para>
/// <code>
///   root ─h→ h ─e→ he* ─r→ her ─s→ hers*
///     │        └─i→ hi ─s→ his*
///     └──s→ s ─h→ sh ─e→ she*
///   sh - - → h,   she - - → he (so "she" also outputs "he"),   his - - → s,   hers - - → s
/// </code>
/// </remarks>
internal sealed class AhoCorasickBuilder
{
    /// <summary>
    /// Largest transition table accepted, entries (4 bytes each, so 32 MiB). A keyword set needing more is a
    /// configuration error.
    /// </summary>
    public const int MaximumTableEntries = 1 << 23;

    private readonly List<Dictionary<byte, int>?> _children = [null];
    private readonly List<int> _keywordAtNode = [-1];
    private readonly List<int> _payloads = [];
    private readonly List<int> _lengths = [];

    /// <summary>Creates an empty builder.</summary>
    /// <param name="ignoreAsciiCase">Fold 'A'-'Z' to 'a'-'z' in keywords and in searched text.</param>
    public AhoCorasickBuilder(bool ignoreAsciiCase = false) => IgnoreAsciiCase = ignoreAsciiCase;

    /// <summary>True when matching folds ASCII letters; non-ASCII bytes always match exactly.</summary>
    public bool IgnoreAsciiCase { get; }

    /// <summary>Number of keywords added so far.</summary>
    public int Count => _payloads.Count;

    /// <summary>Adds a keyword given as a string; it is encoded as UTF-8.</summary>
    /// <param name="keyword">The keyword, not empty.</param>
    /// <param name="payload">The caller's id reported with every occurrence.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The keyword is empty or was already added.</exception>
    public AhoCorasickBuilder Add(string keyword, int payload)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        return Add(Encoding.UTF8.GetBytes(keyword), payload);
    }

    /// <summary>Adds a keyword given as UTF-8 bytes.</summary>
    /// <param name="keyword">The keyword bytes, not empty.</param>
    /// <param name="payload">The caller's id reported with every occurrence.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">
    /// The keyword is empty, or it (after case folding when <see cref="IgnoreAsciiCase"/>) was already added. The
    /// message quotes the keyword, which is configuration, and nothing else.
    /// </exception>
    public AhoCorasickBuilder Add(ReadOnlySpan<byte> keyword, int payload)
    {
        if (keyword.IsEmpty)
        {
            throw new ArgumentException("A keyword must not be empty.", nameof(keyword));
        }

        int node = 0;
        foreach (byte raw in keyword)
        {
            byte value = IgnoreAsciiCase ? AsciiCaseFolding.ToLower(raw) : raw;
            Dictionary<byte, int> children = _children[node] ??= [];
            if (!children.TryGetValue(value, out int child))
            {
                child = _children.Count;
                _children.Add(null);
                _keywordAtNode.Add(-1);
                children.Add(value, child);
            }

            node = child;
        }

        if (_keywordAtNode[node] >= 0)
        {
            string caseNote = IgnoreAsciiCase ? " (ignoring ASCII case)" : string.Empty;
            throw new ArgumentException(
                $"The keyword \"{Encoding.UTF8.GetString(keyword)}\" is given more than once{caseNote}.", nameof(keyword));
        }

        _keywordAtNode[node] = _payloads.Count;
        _payloads.Add(payload);
        _lengths.Add(keyword.Length);
        return this;
    }

    /// <summary>Compiles the keywords added so far into an immutable automaton. The builder stays usable.</summary>
    /// <returns>The automaton; with no keywords it never matches.</returns>
    /// <exception cref="ArgumentException">The keyword set needs more than <see cref="MaximumTableEntries"/>.</exception>
    public AhoCorasickAutomaton Build()
    {
        int nodeCount = _children.Count;

        // 1. Byte classes. Class 0 is "not in any keyword".
        var classOf = new ushort[256];
        int classCount = 1;
        var seen = new bool[256];
        foreach (Dictionary<byte, int>? children in _children)
        {
            if (children is not null)
            {
                foreach (byte value in children.Keys)
                {
                    seen[value] = true;
                }
            }
        }

        var representative = new byte[257];
        for (int b = 0; b < 256; b++)
        {
            if (seen[b])
            {
                representative[classCount] = (byte)b;
                classOf[b] = (ushort)classCount++;
            }
        }

        if (IgnoreAsciiCase)
        {
            for (int b = 'A'; b <= 'Z'; b++)
            {
                classOf[b] = classOf[b | 0x20];
            }
        }

        int stride = (int)BitOperations.RoundUpToPowerOf2((uint)classCount);
        int shift = BitOperations.Log2((uint)stride);
        long tableEntries = (long)nodeCount * stride;
        if (tableEntries > MaximumTableEntries)
        {
            throw new ArgumentException(
                $"The {Count} keywords need {tableEntries} automaton table entries; the limit is {MaximumTableEntries}.");
        }

        // 2. Breadth-first: failure links and full DFA rows (stored as row offsets = state * stride).
        var table = new int[tableEntries];
        var failure = new int[nodeCount];
        var depth = new int[nodeCount];
        var order = new int[nodeCount];
        int head = 0;
        int tail = 0;
        order[tail++] = 0;
        while (head < tail)
        {
            int node = order[head++];
            Dictionary<byte, int>? children = _children[node];
            int row = node * stride;
            int failureRow = failure[node] * stride;
            for (int c = 0; c < classCount; c++)
            {
                if (c != 0 && children is not null && children.TryGetValue(representative[c], out int child))
                {
                    failure[child] = node == 0 ? 0 : table[failureRow + c] >> shift;
                    depth[child] = depth[node] + 1;
                    table[row + c] = child * stride;
                    order[tail++] = child;
                }
                else
                {
                    table[row + c] = node == 0 ? 0 : table[failureRow + c];
                }
            }
        }

        // 3. Output lists, flattened: own keyword first, then the failure node's list (already built: shallower).
        var outputStart = new int[nodeCount];
        var outputCount = new int[nodeCount];
        var outputs = new List<int>();
        foreach (int node in order)
        {
            outputStart[node] = outputs.Count;
            if (_keywordAtNode[node] >= 0)
            {
                outputs.Add(_keywordAtNode[node]);
            }

            if (node != 0)
            {
                int f = failure[node];
                for (int k = 0; k < outputCount[f]; k++)
                {
                    outputs.Add(outputs[outputStart[f] + k]);
                }
            }

            outputCount[node] = outputs.Count - outputStart[node];
        }

        return new AhoCorasickAutomaton(
            classOf, table, shift, classCount, outputStart, outputCount, [.. outputs], depth,
            [.. _keywordAtNode], [.. _payloads], [.. _lengths], FirstBytes(), IgnoreAsciiCase);
    }

    // The first byte of every keyword, in both cases when case is ignored.
    private byte[] FirstBytes()
    {
        if (_children[0] is not { } rootChildren)
        {
            return [];
        }

        var bytes = new List<byte>();
        foreach (byte value in rootChildren.Keys)
        {
            bytes.Add(value);
            if (IgnoreAsciiCase && AsciiCaseFolding.ToUpper(value) != value)
            {
                bytes.Add(AsciiCaseFolding.ToUpper(value));
            }
        }

        return [.. bytes];
    }
}
