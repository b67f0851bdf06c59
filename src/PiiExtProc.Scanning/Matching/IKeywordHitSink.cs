namespace PiiExtProc.Scanning.Matching;

/// <summary>
/// Receives the keyword occurrences found by <see cref="AhoCorasickAutomaton.FindAll{TSink}"/>. Implement it on a
/// struct or ref struct so the search loop is specialised and nothing is boxed or allocated.
/// </summary>
internal interface IKeywordHitSink
{
    /// <summary>
    /// Called once per occurrence, in order of increasing <see cref="KeywordHit.End"/>; occurrences that end at the
    /// same byte come longest first. Must not throw for ordinary input.
    /// </summary>
    /// <param name="hit">The occurrence.</param>
    void OnHit(in KeywordHit hit);
}
