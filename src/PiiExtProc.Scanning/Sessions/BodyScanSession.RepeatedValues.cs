using System.Runtime.InteropServices;
using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// Repeated values in JSON bodies: a full name or an email that a record holds as a quasi-identifier is remembered, and
/// the same bytes later in the body, in a free-text value (a key that names nothing: a message, a subject, a note, a gift
/// message), are decided with that record, whatever the value's own record holds. A notification payload names the
/// customer in <c>to</c> and again in <c>subject</c> or <c>body</c>; an order names them in its customer object and
/// again in an item's gift message: when the customer's record is PII, the copies must not go out in the clear.
/// </summary>
/// <remarks>
/// <para>Only occurrences after the original are found, so the result depends on the bytes alone, never on the chunking.
/// A repeat while the original's record is open waits for it (its bytes are held like the record's own); after the record
/// decided PII it is decided at once; after the record decided it below the threshold the value is forgotten.</para>
/// <para>A repeat is an exact, case-sensitive copy of the decoded value (a full name of 2-5 words, or an email, 5 to
/// <see cref="MaxRepeatedValueBytes"/> bytes) with no letter or digit (ASCII or not) right before or after it; for an
/// email also no <c>_</c>, <c>-</c>, <c>+</c> or <c>.</c> that continues it. The first <see cref="MaxRepeatedValues"/>
/// distinct values of a body that are not forgotten are remembered. A repeat takes its entity's action (recognizer
/// <c>name.repeated</c> or <c>email.repeated</c>) and is reported only when its original's record is PII; where the
/// detector found the same entity on the same bytes, that match is decided so instead.</para>
/// </remarks>
public sealed partial class BodyScanSession
{
    /// <summary>Most distinct values remembered per body.</summary>
    internal const int MaxRepeatedValues = 16;

    /// <summary>Longest value remembered, bytes (UTF-8).</summary>
    internal const int MaxRepeatedValueBytes = 100;

    /// <summary>Shortest value remembered, bytes: shorter names (<c>Ab Cd</c>) repeat by chance in prose.</summary>
    private const int MinRepeatedValueBytes = 5;

    /// <summary>
    /// The remembered values: offset and length in <see cref="_repeatedBytes"/>, the entity, and the id of the record
    /// that decides them (-1 once it decided them PII).
    /// </summary>
    private readonly List<(int Offset, int Length, PiiEntity Entity, int RecordId)> _repeatedValues = [];

    private byte[] _repeatedBytes = [];
    private int _repeatedBytesUsed;

    /// <summary>Absolute offset before which <see cref="SkipCleanSiblings"/> is not tried: a remembered name lies there.</summary>
    private long _noSkipBefore;

    /// <summary>
    /// Remembers the full names and emails among <paramref name="found"/> (matches in <paramref name="value"/>, the
    /// decoded value) that wait for record <paramref name="recordId"/> as quasi-identifiers.
    /// </summary>
    private void RememberRepeatableMatches(ReadOnlySpan<byte> value, ReadOnlySpan<RawMatch> found, int recordId)
    {
        foreach (ref readonly RawMatch match in found)
        {
            if (_repeatedValues.Count >= MaxRepeatedValues)
            {
                return;
            }

            if (match.RepeatOf > 0 || match.Allowed || match.FormEncoded || match.NamePart != ValueRole.None
                || match.Length is < MinRepeatedValueBytes or > MaxRepeatedValueBytes
                || (match.Entity != PiiEntity.PersonName && match.Entity != PiiEntity.Email))
            {
                continue;
            }

            ReadOnlySpan<byte> bytes = value.Slice(match.Start, match.Length);
            if ((match.Entity == PiiEntity.PersonName && NameShape.Words(bytes) < 2) || IsRemembered(bytes))
            {
                continue;
            }

            // An entity outside the combination rule (a policy may make names standalone) was decided at once.
            int owner = _entities.GroupAt(_entities.IndexOf(match.Entity)) == 0 ? -1 : recordId;
            EnsureCapacity(ref _repeatedBytes, _repeatedBytesUsed, _repeatedBytesUsed + bytes.Length);
            bytes.CopyTo(_repeatedBytes.AsSpan(_repeatedBytesUsed));
            _repeatedValues.Add((_repeatedBytesUsed, bytes.Length, match.Entity, owner));
            _repeatedBytesUsed += bytes.Length;
        }
    }

    /// <summary>Record <paramref name="recordId"/> decided: its remembered values become PII (<paramref name="pii"/>) or
    /// are forgotten.</summary>
    private void ResolveRepeatedValues(int recordId, bool pii)
    {
        for (int v = _repeatedValues.Count - 1; v >= 0; v--)
        {
            (int offset, int length, PiiEntity entity, int owner) = _repeatedValues[v];
            if (owner != recordId)
            {
                continue;
            }

            if (pii)
            {
                _repeatedValues[v] = (offset, length, entity, -1);
            }
            else
            {
                // The bytes stay in the buffer: it is reset with the body.
                _repeatedValues.RemoveAt(v);
            }
        }
    }

    /// <summary>
    /// Every record is decided (the body ended, or the rest of it is scanned otherwise), so no remembered value should
    /// still wait for one. If one does, its pending repeats are decided as PII rather than held: never bytes left
    /// waiting for a record that is gone.
    /// </summary>
    private void ResolveOrphanedRepeats()
    {
        for (int v = 0; v < _repeatedValues.Count; v++)
        {
            int owner = _repeatedValues[v].RecordId;
            if (owner >= 0)
            {
                ResolveRecord(owner, _slotBase, RecordParts.None, asPii: true);
            }
        }
    }

    /// <summary>An attribute record merged into the record around it: its remembered values wait for that one.</summary>
    private void MoveRepeatedValues(int fromRecordId, int toRecordId)
    {
        for (int v = 0; v < _repeatedValues.Count; v++)
        {
            if (_repeatedValues[v].RecordId == fromRecordId)
            {
                _repeatedValues[v] = _repeatedValues[v] with { RecordId = toRecordId };
            }
        }
    }

    private bool IsRemembered(ReadOnlySpan<byte> bytes)
    {
        foreach ((int offset, int length, _, _) in _repeatedValues)
        {
            if (_repeatedBytes.AsSpan(offset, length).SequenceEqual(bytes))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Adds the repeats of remembered values in the free-text <paramref name="value"/> to <paramref name="matches"/>
    /// (sorted, not overlapping): a detector match of the same entity on the same bytes is marked as the repeat
    /// (<see cref="RawMatch.RepeatOf"/>), a repeat that overlaps another match is left out. Returns true when any was added
    /// or marked.
    /// </summary>
    private bool AddRepeatedValues(ReadOnlySpan<byte> value, List<RawMatch> matches)
    {
        bool any = false;
        for (int v = 0; v < _repeatedValues.Count; v++)
        {
            (int offset, int length, PiiEntity entity, int recordId) = _repeatedValues[v];
            ReadOnlySpan<byte> needle = _repeatedBytes.AsSpan(offset, length);
            int from = 0;
            while (from <= value.Length - length)
            {
                int k = value[from..].IndexOf(needle);
                if (k < 0)
                {
                    break;
                }

                int at = from + k;
                from = at + 1;
                if (IsWholeRepeat(value, at, length, entity == PiiEntity.Email))
                {
                    any |= AddRepeat(matches, entity, at, length, (byte)(v + 1), pending: recordId >= 0);
                    from = at + length;
                }
            }
        }

        return any;
    }

    /// <summary>True when nothing continues the repeat at [<paramref name="at"/>, +<paramref name="length"/>) on either side.</summary>
    private static bool IsWholeRepeat(ReadOnlySpan<byte> value, int at, int length, bool email)
    {
        static bool Continues(byte b, bool email) => Ascii.IsLetterOrDigit(b) || b >= 0x80 || (email && b is (byte)'_' or (byte)'-' or (byte)'+');
        int end = at + length;
        if (at > 0 && (Continues(value[at - 1], email) || (email && value[at - 1] == '.')))
        {
            return false;
        }

        if (end < value.Length && Continues(value[end], email))
        {
            return false;
        }

        // An email followed by "." and more of an address (ravi.k@gmail.com.au) continues; a sentence's full stop does not.
        return !(email && end + 1 < value.Length && value[end] == '.' && Ascii.IsLetterOrDigit(value[end + 1]));
    }

    private static bool AddRepeat(List<RawMatch> matches, PiiEntity entity, int at, int length, byte repeatOf, bool pending)
    {
        Span<RawMatch> found = CollectionsMarshal.AsSpan(matches);
        int end = at + length;
        int insertAt = found.Length;
        for (int m = 0; m < found.Length; m++)
        {
            ref RawMatch existing = ref found[m];
            if (existing.End <= at)
            {
                continue;
            }

            if (existing.Start >= end)
            {
                insertAt = m;
                break;
            }

            // Overlaps: the detector's own match of the same value is decided as the repeat; any other wins.
            if (existing.Start == at && existing.Length == length && existing.Entity == entity)
            {
                existing.RepeatOf = repeatOf;
                existing.ReportedOnlyWhenPii |= pending;
                return true;
            }

            return false;
        }

        string recognizer = entity == PiiEntity.Email ? "email.repeated" : "name.repeated";
        matches.Insert(insertAt, new RawMatch(entity, at, length, Scores.KeyNamed, recognizer, Evidence.Key) { RepeatOf = repeatOf, ReportedOnlyWhenPii = pending });
        return true;
    }

    /// <summary>
    /// Offset in <paramref name="region"/> just after the first remembered name in it, or -1: the clean-sibling skip
    /// must not pass over a repeat (emails cannot occur there: the skip stops at <c>@</c>).
    /// </summary>
    private int EndOfFirstRepeatedName(ReadOnlySpan<byte> region)
    {
        int first = -1;
        foreach ((int offset, int length, PiiEntity entity, _) in _repeatedValues)
        {
            int k = entity == PiiEntity.PersonName ? region.IndexOf(_repeatedBytes.AsSpan(offset, length)) : -1;
            if (k >= 0 && (first < 0 || k + length < first))
            {
                first = k + length;
            }
        }

        return first;
    }

    private void ResetRepeatedValues()
    {
        _repeatedValues.Clear();
        TrimList(_repeatedValues);
        TrimBuffer(ref _repeatedBytes);
        _repeatedBytesUsed = 0;
        _noSkipBefore = 0;
    }
}
