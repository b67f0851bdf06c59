using System.Runtime.InteropServices;
using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// Repeated values in JSON, CSV, form and text bodies: a full name or an email that a record holds as a quasi-identifier
/// is remembered, and the same bytes later in the body, in a free-text value, CSV field or form value (a key or column
/// that names nothing: a message, a subject, a note, a gift message) or a later text line, are decided with that record, whatever the value's own record
/// (or line) holds. A notification payload names the
/// customer in <c>to</c> and again in <c>subject</c> or <c>body</c>; an order names them in its customer object and
/// again in an item's gift message: when the customer's record is PII, the copies must not go out in the clear.
/// </summary>
/// <remarks>
/// <para>Only occurrences after the original are found, so the result depends on the bytes alone, never on the chunking.
/// A repeat while the original's record is open waits for it (its bytes are held like the record's own); after the record
/// decided PII it is decided at once; after the record decided it below the threshold the value is forgotten. A text line
/// that is its own record is decided at once: only the names and emails it redacts are remembered.</para>
/// <para>A name's repeat is an exact, case-sensitive copy of the decoded value (a full name of 2-5 words, 5 to
/// <see cref="MaxRepeatedValueBytes"/> bytes) with no letter or digit (ASCII or not) right before or after it (recognizer
/// <c>name.repeated</c>); an email's is an email the detector found with the same bytes (the detector finds every email
/// in free text; that match is decided as the repeat, keeping its recognizer). The first <see cref="MaxRepeatedValues"/>
/// distinct values of a body that are not forgotten are remembered. A repeat takes its entity's action and is reported
/// only when its original's record is PII.</para>
/// </remarks>
public sealed partial class BodyScanSession
{
    /// <summary>Most distinct values remembered per body.</summary>
    internal const int MaxRepeatedValues = 16;

    /// <summary>Longest value remembered, bytes (UTF-8).</summary>
    internal const int MaxRepeatedValueBytes = Detector.MaxRepeatedBytes;

    /// <summary>Shortest value remembered, bytes: shorter names (<c>Ab Cd</c>) repeat by chance in prose.</summary>
    private const int MinRepeatedValueBytes = Detector.MinRepeatedBytes;

    /// <summary>
    /// The remembered values: offset and length in <see cref="_repeatedBytes"/>, the entity, and the id of the record
    /// that decides them (-1 once it decided them PII).
    /// </summary>
    private readonly List<(int Offset, int Length, PiiEntity Entity, int RecordId)> _repeatedValues = [];

    private byte[] _repeatedBytes = [];
    private int _repeatedBytesUsed;

    /// <summary>How many of <see cref="_repeatedValues"/> are names (the rest are emails).</summary>
    private int _repeatedNames;

    /// <summary>Scratch lists of <see cref="AddRepeatedValues"/>: the repeats found, and the merged matches.</summary>
    private readonly List<RawMatch> _repeatScratch = [];
    private readonly List<RawMatch> _repeatMerge = [];

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

            if (match.RepeatOf > 0 || match.Allowed || !IsRepeatable(match.Entity, match.NamePart, match.FormEncoded, match.Length))
            {
                continue;
            }

            // An entity outside the combination rule (a policy may make names standalone) was decided at once.
            int owner = _entities.GroupAt(_entities.IndexOf(match.Entity)) == 0 ? -1 : recordId;
            Remember(value.Slice(match.Start, match.Length), match.Entity, owner);
        }
    }

    /// <summary>
    /// Adds to <see cref="_scratchMatches"/> (the detector's matches in <paramref name="value"/>) the repeats of remembered
    /// values when <paramref name="key"/> names nothing (free text: a note, a message): the CSV field's and form value's
    /// counterpart of the JSON value's check.
    /// </summary>
    private void AddRepeatsInFreeText(ReadOnlySpan<byte> value, KeyClass key)
    {
        if (key.Role == ValueRole.None && key.Entities == 0 && _repeatedValues.Count > 0)
        {
            AddRepeatedValues(value, _scratchMatches);
        }
    }

    /// <summary>
    /// Remembers the full names and emails among <paramref name="found"/> (matches in <paramref name="value"/>, just added
    /// as a slot of the body's record: a CSV row, a form) for their repeats, waiting for that record. Most values hold one
    /// match of another entity (a mobile, an Aadhaar), and a body's first <see cref="MaxRepeatedValues"/> values fill the
    /// list: the checks here skip the call for them.
    /// </summary>
    private void RememberBodyRecordMatches(ReadOnlySpan<byte> value, ReadOnlySpan<RawMatch> found)
    {
        if (MayRememberRepeats(found))
        {
            RememberInBodyRecord(value, found);
        }
    }

    /// <summary>
    /// False when a value's <paramref name="found"/> matches (at least one) cannot add to the remembered values: the list
    /// is full, or the value holds one match of another entity than a name or an email (a mobile, an Aadhaar: most
    /// values), so no call is made for it.
    /// </summary>
    private bool MayRememberRepeats(ReadOnlySpan<RawMatch> found) =>
        _repeatedValues.Count < MaxRepeatedValues
        && (found.Length > 1 || found[0].Entity == PiiEntity.PersonName || found[0].Entity == PiiEntity.Email);

    /// <summary><see cref="RememberBodyRecordMatches"/> past its checks; out of line, as it runs for a body's first values only.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void RememberInBodyRecord(ReadOnlySpan<byte> value, ReadOnlySpan<RawMatch> found)
    {
        ref readonly RecordInfo record = ref CollectionsMarshal.AsSpan(_records)[0];
        if (!record.Oversized)
        {
            RememberRepeatableMatches(value, found, record.Id);
        }
    }

    /// <summary>
    /// Remembers the full names and emails that slot <paramref name="slotIndex"/> (of a text line decided by its own
    /// counts: <paramref name="line"/>) redacts; those it decided below the threshold are not remembered.
    /// </summary>
    private void RememberDecidedMatches(ReadOnlySpan<byte> line, int slotIndex)
    {
        ReadOnlySpan<SlotMatch> matches = MatchesOf(CollectionsMarshal.AsSpan(_slots)[slotIndex]);
        foreach (ref readonly SlotMatch match in matches)
        {
            PiiEntity entity = _entities.EntityAt(match.Entity);
            if (_repeatedValues.Count >= MaxRepeatedValues)
            {
                return;
            }

            if (!match.Decided || match.Dropped || match.Action != FindingAction.Redacted
                || !IsRepeatable(entity, match.NamePart, match.FormEncoded, match.Length))
            {
                continue;
            }

            Remember(line.Slice(match.Start, match.Length), entity, recordId: -1);
        }
    }

    /// <summary>True for a whole full name or email (not a first or last name) of a rememberable length, not form-encoded.</summary>
    private static bool IsRepeatable(PiiEntity entity, ValueRole namePart, bool formEncoded, int length) =>
        (entity == PiiEntity.PersonName || entity == PiiEntity.Email) && namePart == ValueRole.None && !formEncoded
        && length is >= MinRepeatedValueBytes and <= MaxRepeatedValueBytes;

    /// <summary>Remembers <paramref name="bytes"/> unless it is no full name, or already remembered.</summary>
    private void Remember(ReadOnlySpan<byte> bytes, PiiEntity entity, int recordId)
    {
        if ((entity == PiiEntity.PersonName && NameShape.Words(bytes) < 2) || IsRemembered(bytes))
        {
            return;
        }

        EnsureCapacity(ref _repeatedBytes, _repeatedBytesUsed, _repeatedBytesUsed + bytes.Length);
        bytes.CopyTo(_repeatedBytes.AsSpan(_repeatedBytesUsed));
        _repeatedValues.Add((_repeatedBytesUsed, bytes.Length, entity, recordId));
        _repeatedNames += entity == PiiEntity.PersonName ? 1 : 0;
        _repeatedBytesUsed += bytes.Length;
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
                _repeatedNames -= entity == PiiEntity.PersonName ? 1 : 0;
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

    /// <summary>The recognizer of a name's repeat that the remembered-value search found (not the detector).</summary>
    private const string RepeatedNameRecognizer = "name.repeated";

    /// <summary>
    /// True when a repeat (<see cref="RawMatch.RepeatOf"/>) is a match the detector found itself in its value (a name
    /// under a name key, an email) and that was only marked as the repeat: it is then its own record's quasi-identifier
    /// too (<c>name=Ravi Kumar address=...</c> on a line after another line named him). A repeat the remembered-value
    /// search added in free text is not.
    /// </summary>
    private static bool IsOwnRepeat(in RawMatch match) =>
        match.NamePart == ValueRole.None && !match.Allowed && !ReferenceEquals(match.Recognizer, RepeatedNameRecognizer);

    /// <summary>The combination groups of the own repeats (<see cref="IsOwnRepeat"/>) among <paramref name="matches"/>.</summary>
    private uint OwnRepeatGroups(ReadOnlySpan<RawMatch> matches)
    {
        uint groups = 0;
        foreach (ref readonly RawMatch match in matches)
        {
            if (match.RepeatOf > 0 && IsOwnRepeat(match))
            {
                groups |= _entities.GroupAt(_entities.IndexOf(match.Entity));
            }
        }

        return groups;
    }

    /// <summary>
    /// Adds the repeats of remembered values in the free-text <paramref name="value"/> to <paramref name="matches"/>
    /// (sorted, not overlapping): a detector match of the same entity on the same bytes is marked as the repeat
    /// (<see cref="RawMatch.RepeatOf"/>), a repeat that overlaps another match, or an earlier repeat, is left out. The
    /// repeats are collected, sorted and merged in one pass, so a value with many matches and many repeats costs
    /// linear time. Returns true when any was added or marked.
    /// </summary>
    private bool AddRepeatedValues(ReadOnlySpan<byte> value, List<RawMatch> matches)
    {
        bool emailMatches = HasEmailMatch(matches);
        if (!emailMatches && (_repeatedNames == 0 || value.IndexOfAny((byte)' ', (byte)',') < 0))
        {
            // A remembered name has two words or more, so a space or a comma (NameShape.Words); an email repeat is one
            // of the detector's email matches. Most values of record arrays (an id, a status) and most log lines hold
            // neither, and the search per remembered value is skipped.
            return false;
        }

        List<RawMatch> repeats = _repeatScratch;
        repeats.Clear();
        bool marked = false;
        for (int v = 0; v < _repeatedValues.Count; v++)
        {
            (int offset, int length, PiiEntity entity, int recordId) = _repeatedValues[v];
            ReadOnlySpan<byte> needle = _repeatedBytes.AsSpan(offset, length);
            if (entity == PiiEntity.Email)
            {
                // The detector finds every email in free text: a repeat is one of its matches, compared instead of
                // searched for (a log line is not read once more per remembered email).
                if (emailMatches)
                {
                    marked |= MarkRepeatedEmails(value, needle, (byte)(v + 1), pending: recordId >= 0, matches);
                }

                continue;
            }

            int from = 0;
            int at;
            while ((at = NameShape.NextWholeCopy(value, ref from, needle)) >= 0)
            {
                repeats.Add(new RawMatch(entity, at, length, Scores.KeyNamed, RepeatedNameRecognizer, Evidence.Key)
                {
                    RepeatOf = (byte)(v + 1),
                    ReportedOnlyWhenPii = recordId >= 0,
                });
            }
        }

        if (repeats.Count == 0)
        {
            return marked;
        }

        if (_repeatedValues.Count > 1)
        {
            repeats.Sort(RawMatch.ByStartLongestFirst);
        }

        return MergeRepeats(matches, repeats) | marked;
    }

    /// <summary>True when <paramref name="matches"/> holds an email (only those can be an email's repeat).</summary>
    private static bool HasEmailMatch(List<RawMatch> matches)
    {
        foreach (ref readonly RawMatch match in CollectionsMarshal.AsSpan(matches))
        {
            if (match.Entity == PiiEntity.Email)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Marks the detector's email matches in <paramref name="value"/> whose bytes are <paramref name="email"/>
    /// as repeats of remembered value <paramref name="repeatOf"/> (1-based).</summary>
    private static bool MarkRepeatedEmails(ReadOnlySpan<byte> value, ReadOnlySpan<byte> email, byte repeatOf, bool pending, List<RawMatch> matches)
    {
        bool any = false;
        foreach (ref RawMatch match in CollectionsMarshal.AsSpan(matches))
        {
            if (match.Entity == PiiEntity.Email && match.Length == email.Length && match.RepeatOf == 0 && !match.FormEncoded
                && value.Slice(match.Start, match.Length).SequenceEqual(email))
            {
                match.RepeatOf = repeatOf;
                match.ReportedOnlyWhenPii |= pending;
                any = true;
            }
        }

        return any;
    }

    /// <summary>Merges the sorted <paramref name="repeats"/> into the sorted <paramref name="matches"/>: see
    /// <see cref="AddRepeatedValues"/>.</summary>
    private bool MergeRepeats(List<RawMatch> matches, List<RawMatch> repeats)
    {
        List<RawMatch> merged = _repeatMerge;
        merged.Clear();
        Span<RawMatch> existing = CollectionsMarshal.AsSpan(matches);
        bool any = false;
        int e = 0;
        foreach (ref readonly RawMatch repeat in CollectionsMarshal.AsSpan(repeats))
        {
            while (e < existing.Length && existing[e].End <= repeat.Start)
            {
                merged.Add(existing[e++]);
            }

            if (e < existing.Length && existing[e].Start < repeat.End)
            {
                // Overlaps a detector match: its own match of the same value is decided as the repeat; any other wins.
                ref RawMatch other = ref existing[e];
                if (other.Start == repeat.Start && other.Length == repeat.Length && other.Entity == repeat.Entity && other.RepeatOf == 0)
                {
                    other.RepeatOf = repeat.RepeatOf;
                    other.ReportedOnlyWhenPii |= repeat.ReportedOnlyWhenPii;
                    any = true;
                }

                continue;
            }

            if (merged.Count > 0 && merged[^1].End > repeat.Start)
            {
                continue;
            }

            merged.Add(repeat);
            any = true;
        }

        if (!any)
        {
            return false;
        }

        for (; e < existing.Length; e++)
        {
            merged.Add(existing[e]);
        }

        matches.Clear();
        matches.AddRange(merged);
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
            int k = entity == PiiEntity.PersonName ? Ascii.IndexOfIgnoreCase(region, _repeatedBytes.AsSpan(offset, length)) : -1;
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
        _repeatedNames = 0;
        TrimList(_repeatedValues);
        _repeatScratch.Clear();
        TrimList(_repeatScratch);
        _repeatMerge.Clear();
        TrimList(_repeatMerge);
        TrimBuffer(ref _repeatedBytes);
        _repeatedBytesUsed = 0;
        _noSkipBefore = 0;
    }
}
