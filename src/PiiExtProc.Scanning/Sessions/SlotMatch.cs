using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>A match inside a slot and what the policy decided for it.</summary>
internal struct SlotMatch
{
    public RawMatch Raw;

    /// <summary>The decision; meaningful when <see cref="Decided"/>.</summary>
    public FindingAction Action;

    /// <summary>The match was decided (identifiers at once, quasi-identifiers when their record closes).</summary>
    public bool Decided;

    /// <summary>The match is not reported (a first or last name without its partner).</summary>
    public bool Dropped;

    /// <summary>The record the match belongs to (quasi-identifiers), or -1.</summary>
    public int RecordId;
}
