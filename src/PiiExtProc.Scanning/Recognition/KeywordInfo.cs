namespace PiiExtProc.Scanning.Recognition;

/// <summary>Everything one keyword of the <see cref="KeywordTable"/> stands for (the payload of its automaton).</summary>
/// <param name="KeyEntities">Entities the word names as a JSON key token (<see cref="BuiltInId"/> bits).</param>
/// <param name="ContextEntities">Entities the word names as a context word before a candidate.</param>
/// <param name="Flags">Negative word, person qualifier, UPI handle, deny-list term.</param>
/// <param name="DenyEntity">For a deny-list term, the entity it reports (the first entry's when a term is repeated).</param>
internal readonly record struct KeywordInfo(uint KeyEntities, uint ContextEntities, KeywordFlags Flags, PiiEntity? DenyEntity)
{
    /// <summary>True when the word is a negative word.</summary>
    public bool IsNegative => (Flags & KeywordFlags.Negative) != 0;
}
