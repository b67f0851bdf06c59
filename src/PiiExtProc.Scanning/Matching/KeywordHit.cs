namespace PiiExtProc.Scanning.Matching;

/// <summary>
/// One keyword occurrence reported by <see cref="AhoCorasickAutomaton"/>. Carries positions and ids only, never the
/// matched bytes.
/// </summary>
/// <param name="KeywordIndex">Index of the keyword in the order it was added to the builder, 0-based.</param>
/// <param name="Payload">The caller's id given with the keyword (several keywords may share a payload).</param>
/// <param name="End">
/// End of the occurrence, exclusive, in bytes relative to the start of the span being searched. May be smaller than
/// <see cref="Length"/> when the keyword began in an earlier chunk (then <see cref="Start"/> is negative).
/// </param>
/// <param name="Length">Length of the keyword, bytes (UTF-8).</param>
/// <param name="AbsoluteEnd">
/// End of the occurrence, exclusive, in bytes from the start of the whole stream: the cursor's
/// <see cref="AutomatonCursor.Offset"/> before the call plus <see cref="End"/>.
/// </param>
internal readonly record struct KeywordHit(int KeywordIndex, int Payload, int End, int Length, long AbsoluteEnd)
{
    /// <summary>Start of the occurrence relative to the searched span, bytes; negative if it began in an earlier chunk.</summary>
    public int Start => End - Length;

    /// <summary>Start of the occurrence from the start of the whole stream, bytes.</summary>
    public long AbsoluteStart => AbsoluteEnd - Length;
}
