namespace PiiExtProc.Scanning.Matching;

/// <summary>
/// The resumable position of a search: the automaton state after the last byte seen and the number of bytes seen
/// so far. Store it in the per-stream state between chunks (the <c>JsonReaderState</c> pattern): feeding a text in
/// any number of chunks with the same cursor reports exactly the hits of one search over the whole text.
/// </summary>
/// <remarks>
/// A cursor belongs to the automaton that advanced it; using it with another automaton gives meaningless results.
/// <c>default</c> is a cursor at the start of a stream.
/// </remarks>
internal struct AutomatonCursor
{
    /// <summary>Creates a cursor at the root state whose first byte will be at <paramref name="offset"/>.</summary>
    /// <param name="offset">Absolute offset of the next byte, bytes, not negative.</param>
    public AutomatonCursor(long offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        Offset = offset;
    }

    /// <summary>A cursor at the start of a stream (root state, offset 0).</summary>
    public static AutomatonCursor Start => default;

    /// <summary>
    /// The automaton's internal row of the current state (state number times the table stride; 0 is the root).
    /// Opaque to callers.
    /// </summary>
    internal int Row { get; set; }

    /// <summary>Absolute offset of the next byte to be searched, bytes from the start of the stream.</summary>
    public long Offset { get; internal set; }

    /// <summary>True when no keyword prefix is pending (the automaton is at its root state).</summary>
    public readonly bool IsAtRoot => Row == 0;

    /// <summary>Moves the cursor back to the root state without changing <see cref="Offset"/>, e.g. after a gap.</summary>
    public void ResetState() => Row = 0;
}
