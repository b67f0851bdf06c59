namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// A range of the body that holds matches: a JSON value token or a text record. Output is produced from it when it is
/// released, after every match in it is decided.
/// </summary>
/// <remarks>Unmanaged (no object references): copies and removals need no write barriers or clearing. AddSlot writes a new
/// slot into the list field by field: a field added here must be copied there too.</remarks>
internal struct Slot
{
    /// <summary>Absolute offset of the first byte (the opening quote of a JSON string), bytes.</summary>
    public long Start;

    /// <summary>Length of the token or record, bytes.</summary>
    public int Length;

    /// <summary>How to rewrite it.</summary>
    public SlotKind Kind;

    /// <summary>Absolute index of the first match in the session's match list.</summary>
    public long FirstMatch;

    /// <summary>Number of matches.</summary>
    public int MatchCount;

    /// <summary>For <see cref="SlotKind.JsonEscapedString"/>, <see cref="SlotKind.FormValue"/> and <see cref="SlotKind.CsvEscapedField"/>: where the decoded value is
    /// in the decoded buffer.</summary>
    public int DecodedStart;

    /// <summary>For <see cref="SlotKind.JsonEscapedString"/>, <see cref="SlotKind.FormValue"/> and <see cref="SlotKind.CsvEscapedField"/>: the decoded value's
    /// length, bytes.</summary>
    public int DecodedLength;

    /// <summary>Matches still waiting for their record to close.</summary>
    public int Pending;

    /// <summary>Decided, reported (not dropped) matches whose action is <see cref="FindingAction.Redacted"/>: when
    /// positive, the slot's bytes are rewritten on release.</summary>
    public int Redacted;

    /// <summary>The JSON path of the value: 1 + its absolute index in the session's path table, or 0 for none.</summary>
    public long PathIndex;

    public readonly long End => Start + Length;
}
