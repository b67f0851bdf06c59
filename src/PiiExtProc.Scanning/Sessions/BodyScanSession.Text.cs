using System.Runtime.InteropServices;
using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// Text scanning of a <see cref="BodyScanSession"/>: one slot per line with matches; each line is a record, except in a
/// <see cref="BodyFormat.Markup"/> or <see cref="BodyFormat.Multipart"/> body, which is one record (multipart lines are
/// read by <see cref="ReadMultipartLine"/> first).
/// </summary>
public sealed partial class BodyScanSession
{
    /// <summary>The body is XML or HTML: its lines are one record (<see cref="BodyFormat.Markup"/>).</summary>
    private bool _markupMode;

    /// <summary>A markup label whose value may be on a later line (<see cref="Detector.ContinueMarkupLabel"/>).</summary>
    private MarkupLabelCarry _markupLabel;

    /// <summary>The open address or name element of a markup body, from earlier lines (<see cref="Detector.ContinueMarkupContainer"/>).</summary>
    private MarkupContainerCarry _markupContainer;

    /// <summary>
    /// The text lines read last are <c>Key: value</c> lines (<see cref="Detector.IsKeyValueLine"/>): they are one record,
    /// open in <see cref="BodyScanSession._records"/> once one of them has a match, until a line that is neither one nor
    /// blank.
    /// </summary>
    private bool _keyValueBlock;

    /// <summary>
    /// An address or party label alone on a line of a plain-text body, and the lines read under it
    /// (<see cref="Detector.StartAddressBlock"/>): they join the <see cref="_keyValueBlock"/> record, each a part of it.
    /// </summary>
    private AddressBlockCarry _addressBlock;

    /// <summary>
    /// An object's key alone on a line of a plain-text body, its members indented on the lines after it (YAML:
    /// <see cref="Detector.StartIndentedObject"/>): members whose keys name nothing alone take their part roles in it.
    /// </summary>
    private IndentedObjectCarry _indentedObject;

    /// <summary>How far back from the cut of an over-long line a space is looked for, bytes.</summary>
    private const int CutSearchBytes = 256;

    private long _textPosition;

    /// <summary>Absolute offset up to which the current line was already searched for a line feed (chunked input).</summary>
    private long _newlineSearchedTo;

    private void ParseText(ReadOnlySpan<byte> work, long workOffset, bool isFinal)
    {
        int max = _limits.MaxRecordBytes;
        bool inLineNamesKnown = false;
        while (true)
        {
            ReadOnlySpan<byte> rest = work[(int)(_textPosition - workOffset)..];
            if (rest.IsEmpty)
            {
                if (isFinal)
                {
                    ResolveOpenRecords();
                }

                return;
            }

            int newline = IndexOfWithin(rest, _textPosition, _newlineSearchedTo, max, (byte)'\n');
            int length;
            bool oversized = false;
            if (newline >= 0)
            {
                length = newline + 1;
            }
            else if (rest.Length > max)
            {
                length = CutPoint(rest[..max]);
                oversized = true;
            }
            else if (isFinal)
            {
                length = rest.Length;
            }
            else
            {
                _newlineSearchedTo = workOffset + work.Length;
                return;
            }

            if (!inLineNamesKnown)
            {
                // Once per call, over every line it scans: a search per line cost LogLines 3% (short lines pay its tail).
                _textMayHoldInLineName = SalutationName.MayHoldInLineOrIntroducedName(rest);
                inLineNamesKnown = true;
            }

            ScanTextRecord(rest[..length], _textPosition, oversized);
            _textPosition += length;
            LimitOpenRecords(_textPosition);
            if (_slots.Count >= EarlyReleaseSlots)
            {
                ReleaseEarly(work, workOffset);
            }
        }
    }

    /// <summary>
    /// Index in <paramref name="rest"/> (which starts at absolute offset <paramref name="position"/>) of the first
    /// <paramref name="delimiter"/> within <paramref name="max"/> bytes, or -1. The bytes before
    /// <paramref name="searchedTo"/> were searched by an earlier chunk and are skipped, so a line or form pair that
    /// arrives in many chunks is searched once, not again from its start for every chunk.
    /// </summary>
    private static int IndexOfWithin(ReadOnlySpan<byte> rest, long position, long searchedTo, int max, byte delimiter)
    {
        int searched = (int)Math.Clamp(searchedTo - position, 0, Math.Min(rest.Length, max));
        int found = rest[searched..Math.Min(rest.Length, max)].IndexOf(delimiter);
        return found < 0 ? found : found + searched;
    }

    private static int CutPoint(ReadOnlySpan<byte> piece)
    {
        ReadOnlySpan<byte> tail = piece[^Math.Min(CutSearchBytes, piece.Length)..];
        int space = tail.LastIndexOfAny((byte)' ', (byte)'\t');
        return space < 0 ? piece.Length : piece.Length - tail.Length + space + 1;
    }

    /// <summary>
    /// <see cref="SalutationName.MayHoldInLineOrIntroducedName"/> of the text from the line <see cref="ScanTextRecord"/>
    /// scans to the end of the data (set by <see cref="ParseText"/> before its first line): when false, no line holds a
    /// name after an honorific inside it or an introduced name.
    /// </summary>
    private bool _textMayHoldInLineName = true;

    private void ScanTextRecord(ReadOnlySpan<byte> line, long start, bool oversized)
    {
        KeyClass key = KeyClass.None;
        if (_multipartMode && !ReadMultipartLine(line, oversized, out key))
        {
            return;
        }

        if (_multipartMode && _partIsCsv && _multipartState == MultipartState.Value)
        {
            // An uploaded CSV file: its rows are read under its header, each a record (BodyScanSession.Csv.cs).
            ScanCsvRow(line, start);
            return;
        }

        bool blockLine = false;
        bool addressLine = false;
        bool memberLine = false;
        if (!_markupMode && !_multipartMode)
        {
            // Consecutive Key: value lines (a form summary, a ticket, a message's headers) are one person's record; a log
            // line or prose ends it. The lines of an address after its label alone on a line ("Ship to:") belong to it.
            // The role test first: most lines of a text body follow no address label, and pay no call.
            addressLine = _addressBlock.Role != ValueRole.None && !oversized && _detector.ContinuesAddressBlock(line, _addressBlock);
            if (!addressLine)
            {
                _addressBlock = default;
            }

            blockLine = addressLine || (!oversized && Detector.IsKeyValueLine(line, _detector.Keywords));
            if (!blockLine && _keyValueBlock && line.IndexOfAnyExcept(" \t\r\n"u8) < 0)
            {
                // A blank line between the fields of one form does not end it.
                return;
            }

            if (_keyValueBlock && !blockLine && _records.Count > 0)
            {
                ResolveOpenRecords();
            }

            _keyValueBlock = blockLine;
            memberLine = blockLine && !addressLine && Detector.ContinuesIndentedObject(line, _indentedObject);
            if (!memberLine)
            {
                _indentedObject = default;
            }
        }

        _scratchMatches.Clear();
        _detector.Scan(line, key, default, _scratchMatches, textRecord: true, inLineNames: _textMayHoldInLineName);
        if (addressLine)
        {
            _detector.AddAddressBlockLine(line, ref _addressBlock, _scratchMatches);
        }
        else if (blockLine || (!_markupMode && !_multipartMode && line.TrimEnd(" \t\r\n"u8).EndsWith(":"u8)))
        {
            // A label alone on its line, or prose ending with a party phrase ("Your order will be delivered to:").
            _addressBlock = _detector.StartAddressBlock(line);
        }

        if (memberLine)
        {
            _detector.AddIndentedMember(line, _indentedObject, _scratchMatches);
        }

        if (blockLine && _detector.StartIndentedObject(line) is { Role: not ValueRole.None } opened)
        {
            // An object's key alone on its line (address:), its members on the lines after; a nested one replaces it.
            _indentedObject = opened;
        }

        if (_markupMode)
        {
            _detector.ContinueMarkupLabel(line, ref _markupLabel, _scratchMatches);
            _detector.ContinueMarkupContainer(line, ref _markupContainer, _scratchMatches);
            ReadMarkupTableLine(line);
        }

        if (_repeatedValues.Count > 0)
        {
            // A line may repeat a name or email an earlier line holds (BodyScanSession.RepeatedValues.cs).
            AddRepeatedValues(line, _scratchMatches);
        }

        if (_scratchMatches.Count == 0)
        {
            return;
        }

        var slot = new Slot { Start = start, Length = line.Length, Kind = SlotKind.Text };
        ReadOnlySpan<RawMatch> found = CollectionsMarshal.AsSpan(_scratchMatches);
        if (_markupMode || _multipartMode || blockLine)
        {
            AddBodyRecordSlot(slot, found, oversized);
            ref readonly RecordInfo record = ref CollectionsMarshal.AsSpan(_records)[0];
            if (!record.Oversized && !oversized && _repeatedValues.Count < MaxRepeatedValues)
            {
                RememberRepeatableMatches(line, found, record.Id);
            }
        }
        else
        {
            AddSlot(slot, found, recordId: -1, recordOversized: oversized);
            if (_repeatedValues.Count < MaxRepeatedValues)
            {
                RememberDecidedMatches(line, _slots.Count - 1);
            }
        }
    }
}
