namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// An open record for the combination rule: a JSON object that is an array element, or a top-level value, with
/// everything nested inside (nested records excepted); in text, a line.
/// </summary>
internal struct RecordInfo
{
    public int Id;

    /// <summary>Absolute index of the first slot created inside the record.</summary>
    public long FirstSlot;

    /// <summary>The record outgrew <see cref="ScanLimits.MaxRecordBytes"/>: its quasi-identifiers are PII at once.</summary>
    public bool Oversized;

    /// <summary>Absolute offset of the record's first pending quasi-identifier, or <see cref="long.MaxValue"/>.</summary>
    public long FirstPendingStart;

    /// <summary>Parts the record holds through decided findings: a PIN code's city part (<see cref="RecordPartRules.PinCodePartOf"/>).</summary>
    public RecordParts DecidedParts;

    /// <summary>
    /// Combination groups of quasi-identifiers the detector found in this record that are decided with another record:
    /// a name or an email an earlier record holds, repeated here (<c>BodyScanSession.RepeatedValues.cs</c>). They are
    /// this record's too, so they count in its combination.
    /// </summary>
    public uint RepeatGroups;
}
