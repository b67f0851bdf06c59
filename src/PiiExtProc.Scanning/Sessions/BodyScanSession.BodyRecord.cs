using System.Runtime.InteropServices;
using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// Open records of a <see cref="BodyScanSession"/>, shared by the formats: JSON opens one per record object; a body that
/// is a single document for the combination rule (<see cref="BodyFormat.FormUrlEncoded"/>, <see cref="BodyFormat.Markup"/>,
/// <see cref="BodyFormat.Multipart"/>) opens one at its first slot. Quasi-identifiers wait for their record, and are
/// decided as PII once the first of them is more than <see cref="ScanLimits.MaxRecordBytes"/> back.
/// </summary>
public sealed partial class BodyScanSession
{
    /// <summary>
    /// Adds a slot whose quasi-identifiers wait for <paramref name="record"/>, or are decided now when the record or
    /// the slot (a cut text line, <paramref name="oversized"/>) outgrew the record limit; notes where the record's first
    /// pending quasi-identifier is.
    /// </summary>
    private void AddRecordSlot(ref RecordInfo record, in Slot slot, ReadOnlySpan<RawMatch> matches, bool oversized)
    {
        bool decideNow = record.Oversized || oversized;
        if (!decideNow)
        {
            record.DecidedParts |= RecordPartRules.PinCodePartOf(matches);
            if (_repeatedValues.Count > 0)
            {
                record.RepeatGroups |= OwnRepeatGroups(matches);
            }
        }

        int pending = AddSlot(slot, matches, decideNow ? -1 : record.Id, decideNow);
        if (pending > 0 && record.FirstPendingStart == long.MaxValue)
        {
            record.FirstPendingStart = slot.Start;
            _earliestPending = Math.Min(_earliestPending, slot.Start);
        }
    }

    /// <summary>Adds a slot to the record of a single-document body (opened here if needed): see <see cref="AddRecordSlot"/>.</summary>
    private void AddBodyRecordSlot(in Slot slot, ReadOnlySpan<RawMatch> matches, bool oversized)
    {
        if (_records.Count == 0)
        {
            _records.Add(new RecordInfo { Id = _nextRecordId++, FirstSlot = _slotBase + _slots.Count, FirstPendingStart = long.MaxValue });
        }

        AddRecordSlot(ref CollectionsMarshal.AsSpan(_records)[0], slot, matches, oversized);
    }

    /// <summary>Decides the open records' pending quasi-identifiers as PII when the first is more than the record limit
    /// before <paramref name="position"/> (absolute offset scanned to).</summary>
    private void LimitOpenRecords(long position)
    {
        if (_earliestPending != long.MaxValue && position - _earliestPending > _limits.MaxRecordBytes)
        {
            ForceOpenRecords();
        }
    }

    /// <summary>Decides the pending quasi-identifiers of every open record, innermost first, and closes them all (the
    /// body ended, or the rest of it is scanned otherwise).</summary>
    private void ResolveOpenRecords()
    {
        for (int r = _records.Count - 1; r >= 0; r--)
        {
            RecordInfo record = _records[r];
            ResolveRecord(record.Id, record.FirstSlot, record.DecidedParts, asPii: record.Oversized, record.RepeatGroups);
        }

        _records.Clear();
        _earliestPending = long.MaxValue;
        if (_repeatedValues.Count > 0)
        {
            ResolveOrphanedRepeats();
        }
    }
}
