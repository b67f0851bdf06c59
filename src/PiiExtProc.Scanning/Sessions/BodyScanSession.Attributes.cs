using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// Attribute lists in JSON bodies (<see cref="AttributeMember"/>): a label member's string gives its key class to the
/// value member after it in the same object (<c>{"name": "mobile", "value": "9876543210"}</c> reads the number as under
/// a <c>mobile</c> key); such a label is not a person name; an attribute object in an array counts its
/// quasi-identifiers in the record around the array.
/// </summary>
public sealed partial class BodyScanSession
{
    /// <summary>The last label string of each open object, <see cref="AttributeLabel.MaxLabelBytes"/> bytes per depth.</summary>
    private byte[] _attributeLabels = [];

    /// <summary>
    /// Remembers where the string <paramref name="value"/> of a label member of <paramref name="frame"/> (the innermost
    /// open object) is, at absolute <paramref name="tokenStart"/>, for a value member after it: most labels are never read
    /// (a "name" is usually a person's name), so only an <paramref name="escaped"/> one, whose decoded bytes are scratch,
    /// is copied now; a label too long to classify clears it.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RememberAttributeLabel(ref JsonFrame frame, ReadOnlySpan<byte> value, long tokenStart, bool escaped)
    {
        frame.AttributeLabelStart = tokenStart + 1;
        frame.AttributeLabelLength = AttributeLabel.Fits(value) ? value.Length : 0;
        frame.AttributeLabelKept = false;
        if (escaped && frame.AttributeLabelLength > 0)
        {
            KeepAttributeLabel(ref frame, _depth - 1, value);
        }
    }

    /// <summary>Copies a label (<paramref name="label"/>, unescaped) of the frame at <paramref name="depth"/> into the
    /// label buffer.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void KeepAttributeLabel(ref JsonFrame frame, int depth, ReadOnlySpan<byte> label)
    {
        int at = depth * AttributeLabel.MaxLabelBytes;
        EnsureCapacity(ref _attributeLabels, _attributeLabels.Length, at + AttributeLabel.MaxLabelBytes);
        label.CopyTo(_attributeLabels.AsSpan(at));
        frame.AttributeLabelKept = true;
    }

    /// <summary>
    /// Before the bytes of this chunk (<paramref name="work"/> at absolute <paramref name="workOffset"/>) are released:
    /// copies the labels of open objects that are still read from them.
    /// </summary>
    private void KeepAttributeLabels(ReadOnlySpan<byte> work, long workOffset)
    {
        for (int d = 0; d < _depth; d++)
        {
            ref JsonFrame frame = ref _frames[d];
            if (frame.AttributeLabelLength > 0 && !frame.AttributeLabelKept)
            {
                KeepAttributeLabel(ref frame, d, work.Slice((int)(frame.AttributeLabelStart - workOffset), frame.AttributeLabelLength));
            }
        }
    }

    /// <summary>
    /// For a value member (<see cref="AttributeMember.Value"/>) read after a label in <paramref name="frame"/> (the
    /// innermost open object), with <paramref name="work"/> at absolute <paramref name="workOffset"/> the bytes being
    /// read: when the label classifies as a key, the member takes that key's class, the object becomes an attribute of
    /// the record around it, and the label's person-name matches, if its slot is the last one, are removed (a label is
    /// not a name).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ApplyAttributeLabel(ref JsonFrame frame, ReadOnlySpan<byte> work, long workOffset)
    {
        ReadOnlySpan<byte> label = frame.AttributeLabelKept
            ? _attributeLabels.AsSpan((_depth - 1) * AttributeLabel.MaxLabelBytes, frame.AttributeLabelLength)
            : work.Slice((int)(frame.AttributeLabelStart - workOffset), frame.AttributeLabelLength);
        KeyClass labelClass = _keyCache.Classify(label, _detector.Keywords);
        if (!AttributeLabel.Names(labelClass))
        {
            return;
        }

        frame.PropertyKey = labelClass with { Attribute = AttributeMember.None };
        frame.IsAttribute = true;
        if (_slots.Count > 0 && _slots[^1].Start == frame.AttributeLabelStart - 1)
        {
            RemoveLabelNameSlot();
        }
    }

    /// <summary>
    /// Removes the last slot (a label's string) when every match in it is a pending person name: the label was read as a
    /// name under its <c>name</c> key before its value member showed it is a label. Any other match stays.
    /// </summary>
    private void RemoveLabelNameSlot()
    {
        Slot slot = _slots[^1];
        int personName = _entities.IndexOf(PiiEntity.PersonName);
        foreach (ref readonly SlotMatch match in MatchesOf(slot))
        {
            if (match.Decided || match.Entity != personName)
            {
                return;
            }
        }

        _matches.RemoveRange((int)(slot.FirstMatch - _matchBase), slot.MatchCount);
        _slots.RemoveAt(_slots.Count - 1);

        // Its matches were pending in the innermost record (the object holding the label). When they were that record's
        // first pending ones, the record has none left: the slot was the last one.
        if (_records.Count > 0 && _records[^1].FirstPendingStart == slot.Start)
        {
            CollectionsMarshal.AsSpan(_records)[^1].FirstPendingStart = long.MaxValue;
            UpdateEarliestPending();
        }
    }

    /// <summary>
    /// At the close of an attribute object that started record <paramref name="recordIndex"/> (an array element): its
    /// pending quasi-identifiers move to the record around it (one customer's attributes count together), and the
    /// record is dropped without being decided.
    /// </summary>
    private void MergeAttributeRecord(int recordIndex)
    {
        RecordInfo element = _records[recordIndex];
        ref RecordInfo enclosing = ref CollectionsMarshal.AsSpan(_records)[recordIndex - 1];
        int from = (int)Math.Max(0, element.FirstSlot - _slotBase);
        ReadOnlySpan<Slot> slots = CollectionsMarshal.AsSpan(_slots);
        Span<SlotMatch> all = CollectionsMarshal.AsSpan(_matches);
        for (int s = from; s < slots.Length; s++)
        {
            ref readonly Slot slot = ref slots[s];
            if (slot.Pending == 0)
            {
                continue;
            }

            Span<SlotMatch> matches = all.Slice((int)(slot.FirstMatch - _matchBase), slot.MatchCount);
            foreach (ref SlotMatch match in matches)
            {
                if (!match.Decided && match.RecordId == element.Id)
                {
                    match.RecordId = enclosing.Id;
                }
            }
        }

        if (_repeatedValues.Count > 0)
        {
            MoveRepeatedValues(element.Id, enclosing.Id);
        }

        enclosing.FirstPendingStart = Math.Min(enclosing.FirstPendingStart, element.FirstPendingStart);
        enclosing.DecidedParts |= element.DecidedParts;
        enclosing.RepeatGroups |= element.RepeatGroups;
        _records.RemoveAt(recordIndex);
        UpdateEarliestPending();
    }
}
