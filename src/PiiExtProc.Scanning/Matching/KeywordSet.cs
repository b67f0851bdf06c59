using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace PiiExtProc.Scanning.Matching;

/// <summary>
/// A small convenience over <see cref="AhoCorasickAutomaton"/>: builds it from (string keyword, value) pairs and maps
/// hits back to the values (for example context words → entity, JSON key names → entity).
/// The payload of keyword <c>i</c> is <c>i</c>, an index into the values.
/// </summary>
/// <typeparam name="TValue">What a keyword stands for.</typeparam>
internal sealed class KeywordSet<TValue>
{
    private readonly TValue[] _values;

    private KeywordSet(AhoCorasickAutomaton automaton, TValue[] values)
    {
        Automaton = automaton;
        _values = values;
    }

    /// <summary>The compiled automaton; hits carry payloads that <see cref="GetValue"/> maps back.</summary>
    public AhoCorasickAutomaton Automaton { get; }

    /// <summary>Builds a set from keyword → value pairs.</summary>
    /// <param name="keywords">Keywords (encoded as UTF-8) with their values.</param>
    /// <param name="ignoreAsciiCase">Fold ASCII letters in keywords and searched text.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentException">A keyword is empty or duplicated (the message quotes the keyword).</exception>
    public static KeywordSet<TValue> Create(IEnumerable<KeyValuePair<string, TValue>> keywords, bool ignoreAsciiCase)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        var builder = new AhoCorasickBuilder(ignoreAsciiCase);
        var values = new List<TValue>();
        foreach (KeyValuePair<string, TValue> pair in keywords)
        {
            builder.Add(Encoding.UTF8.GetBytes(pair.Key), values.Count);
            values.Add(pair.Value);
        }

        return new KeywordSet<TValue>(builder.Build(), [.. values]);
    }

    /// <summary>The value of the keyword behind <paramref name="hit"/>.</summary>
    /// <param name="hit">A hit reported by <see cref="Automaton"/>.</param>
    public TValue GetValue(in KeywordHit hit) => _values[hit.Payload];

    /// <summary>True when the whole of <paramref name="text"/> is one keyword; returns its value.</summary>
    /// <param name="text">For example a JSON property name, UTF-8.</param>
    /// <param name="value">The keyword's value when found.</param>
    public bool TryMatchExact(ReadOnlySpan<byte> text, [MaybeNullWhen(false)] out TValue value)
    {
        if (Automaton.TryMatchExact(text, out int payload))
        {
            value = _values[payload];
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The value of the first keyword occurring in <paramref name="text"/> (see
    /// <see cref="AhoCorasickAutomaton.TryFindFirst"/>).</summary>
    /// <param name="text">For example a context window, UTF-8.</param>
    /// <param name="value">The keyword's value when found.</param>
    public bool TryFindFirst(ReadOnlySpan<byte> text, [MaybeNullWhen(false)] out TValue value)
    {
        if (Automaton.TryFindFirst(text, out KeywordHit hit))
        {
            value = _values[hit.Payload];
            return true;
        }

        value = default;
        return false;
    }
}
