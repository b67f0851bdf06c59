using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// A match inside a slot and what the policy decided for it. Unmanaged (entity and recognizer are table indexes), so
/// copies and removals need no write barriers or clearing.
/// </summary>
internal struct SlotMatch
{
    /// <summary>Start of the match in the slot's value, bytes.</summary>
    public int Start;

    /// <summary>Length of the match, bytes.</summary>
    public int Length;

    /// <summary>Confidence in [0, 1].</summary>
    public float Score;

    /// <summary>The entity's index in the scanner's <see cref="EntityTable"/>.</summary>
    public int Entity;

    /// <summary>The recognizer name's index in the session's <see cref="RecognizerNameTable"/>.</summary>
    public int Recognizer;

    /// <summary>The record the match belongs to (quasi-identifiers), or -1.</summary>
    public int RecordId;

    /// <summary>The decision; meaningful when <see cref="Decided"/>.</summary>
    public FindingAction Action
    {
        readonly get => (FindingAction)_action;
        set => _action = (byte)value;
    }

    /// <summary><see cref="Action"/> in one byte, so that a slot match stays 32 bytes (six 4-byte numbers, eight bytes).</summary>
    private byte _action;

    /// <summary>For part matches (first/last name, street/city of an address object): the role; a part counts only when the record also has its other half (<see cref="RecordPartRules"/>).</summary>
    public ValueRole NamePart;

    /// <summary>The match was decided (identifiers at once, quasi-identifiers when their record closes).</summary>
    public bool Decided;

    /// <summary>The match is not reported (a first or last name without its partner).</summary>
    public bool Dropped;

    /// <summary>The match's bytes are form-encoded (<see cref="RawMatch.FormEncoded"/>).</summary>
    public bool FormEncoded;

    /// <summary>Not reported unless its record makes it PII (<see cref="RawMatch.ReportedOnlyWhenPii"/>).</summary>
    public bool ReportedOnlyWhenPii;

    public readonly int End => Start + Length;
}
