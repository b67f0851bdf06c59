using System.Runtime.InteropServices;
using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// The one record of a body that is a single document for the combination rule (<see cref="BodyFormat.FormUrlEncoded"/>,
/// <see cref="BodyFormat.Markup"/>): opened at its first slot, its quasi-identifiers pending until the body ends, and
/// decided as PII once the first of them is more than <see cref="ScanLimits.MaxRecordBytes"/> back.
/// </summary>
public sealed partial class BodyScanSession
{
    /// <summary>Adds a slot to the body's record (opened here if needed); <paramref name="oversized"/> decides its
    /// quasi-identifiers as PII now (a cut text line).</summary>
    private void AddBodyRecordSlot(in Slot slot, ReadOnlySpan<RawMatch> matches, bool oversized)
    {
        if (_records.Count == 0)
        {
            _records.Add(new RecordInfo { Id = _nextRecordId++, FirstSlot = _slotBase + _slots.Count, FirstPendingStart = long.MaxValue });
        }

        ref RecordInfo record = ref CollectionsMarshal.AsSpan(_records)[0];
        bool decideNow = record.Oversized || oversized;
        int pending = AddSlot(slot, matches, decideNow ? -1 : record.Id, decideNow);
        if (pending > 0 && record.FirstPendingStart == long.MaxValue)
        {
            record.FirstPendingStart = slot.Start;
            _earliestPending = Math.Min(_earliestPending, slot.Start);
        }
    }

    /// <summary>Decides the record's pending quasi-identifiers as PII when the first is more than the record limit before
    /// <paramref name="position"/> (absolute offset scanned to).</summary>
    private void LimitBodyRecord(long position)
    {
        if (_earliestPending != long.MaxValue && position - _earliestPending > _limits.MaxRecordBytes)
        {
            ForceOpenRecords();
        }
    }

    /// <summary>Decides the record's pending quasi-identifiers (the body ended, or the rest of it is scanned otherwise).</summary>
    private void EndBodyRecord()
    {
        if (_records.Count > 0)
        {
            RecordInfo record = _records[0];
            ResolveRecord(record.Id, record.FirstSlot, asPii: record.Oversized);
            _records.Clear();
            _earliestPending = long.MaxValue;
        }
    }
}
