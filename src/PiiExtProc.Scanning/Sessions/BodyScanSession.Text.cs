using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>Text scanning of a <see cref="BodyScanSession"/>: one record per line.</summary>
public sealed partial class BodyScanSession
{
    /// <summary>How far back from the cut of an over-long line a space is looked for, bytes.</summary>
    private const int CutSearchBytes = 256;

    private long _textPosition;

    private void ParseText(ReadOnlySpan<byte> work, long workOffset, bool isFinal)
    {
        int max = _limits.MaxRecordBytes;
        while (true)
        {
            ReadOnlySpan<byte> rest = work[(int)(_textPosition - workOffset)..];
            if (rest.IsEmpty)
            {
                return;
            }

            int newline = rest[..Math.Min(rest.Length, max)].IndexOf((byte)'\n');
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
                return;
            }

            ScanTextRecord(rest[..length], _textPosition, oversized);
            _textPosition += length;
            if (_slots.Count >= EarlyReleaseSlots)
            {
                ReleaseEarly(work, workOffset);
            }
        }
    }

    private static int CutPoint(ReadOnlySpan<byte> piece)
    {
        ReadOnlySpan<byte> tail = piece[^Math.Min(CutSearchBytes, piece.Length)..];
        int space = tail.LastIndexOfAny((byte)' ', (byte)'\t');
        return space < 0 ? piece.Length : piece.Length - tail.Length + space + 1;
    }

    private void ScanTextRecord(ReadOnlySpan<byte> line, long start, bool oversized)
    {
        _scratchMatches.Clear();
        _detector.Scan(line, KeyClass.None, default, _scratchMatches, textRecord: true);
        if (_scratchMatches.Count > 0)
        {
            AddSlot(new Slot { Start = start, Length = line.Length, Kind = SlotKind.Text }, _scratchMatches, recordId: -1, recordOversized: oversized);
        }
    }
}
