using System.Buffers;
using System.Runtime.CompilerServices;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// Settled bytes of a <see cref="BodyScanSession"/>: bytes its JSON parser still holds (the last value and its property
/// name, an incomplete token, a sibling waiting for its proof) but that no later chunk can change. Released with their
/// chunk, they let a clean chunk come back unchanged, so an ext_proc STREAMED reply needs no body mutation.
/// </summary>
public sealed partial class BodyScanSession
{
    /// <summary>
    /// Absolute offset up to which the body was released to the caller (written, or returned unchanged); the held bytes
    /// before it are settled bytes kept only for parsing.
    /// </summary>
    private long _releasedTo;

    /// <summary>
    /// Set by <see cref="ParseJson"/> for a chunk that is not final: the absolute end of the work when every byte the
    /// reader has not read is settled (see <see cref="ReleaseSettledBytes"/>), else -1.
    /// </summary>
    private long _settledTo = -1;

    /// <summary>
    /// Set by <see cref="SkipCleanSiblings"/> when it waits: true when the bytes after the last proved sibling are
    /// settled (the proof stopped outside any value and no remembered name repeats in them).
    /// </summary>
    private bool _waitSettled;

    /// <summary>
    /// When true, a JSON body's bytes that later chunks cannot change are released with their chunk even though the
    /// parser still holds them: structure and property names after the last value read (or with a clean last value
    /// and its property name, which are otherwise held until the next property in case malformed input follows), and
    /// the part of a sibling object its clean-sibling proof has walked when the chunk ended outside any value. A clean
    /// chunk then comes back <see cref="ChunkResult.IsUnchanged"/> instead of shifted by a held tail. Set it before the
    /// first chunk; a rented session starts with false. For ext_proc STREAMED bodies, where every shifted chunk costs a
    /// body mutation.
    /// </summary>
    /// <remarks>
    /// The price: when the JSON turns malformed right after a chunk boundary, the session rescans the last value before
    /// it as text together with what follows, and if that text scan finds personal data reaching back into released
    /// bytes, <see cref="Process"/> throws <see cref="ReleasedBytesChangedException"/> (the body cannot be redacted any
    /// more; the caller must end the exchange). Well-formed JSON never throws it: a value, and a property name that may hold
    /// a finding (<see cref="PropertyNameTriggers"/>), is released only once read (or proved) with nothing
    /// found in it.
    /// </remarks>
    public bool ReleaseSettledBytes { get; set; }

    /// <summary>
    /// Where this chunk's output may end: <paramref name="end"/> (the work's end) when the bytes from
    /// <paramref name="releaseTo"/> on are settled and hold no slot, else <paramref name="releaseTo"/>.
    /// </summary>
    private long SettledEnd(long releaseTo, long end, bool isFinal)
    {
        if (!ReleaseSettledBytes || isFinal || _settledTo != end || (_slots.Count > 0 && _slots[^1].Start >= releaseTo))
        {
            return releaseTo;
        }

        return end;
    }

    /// <summary>
    /// After <see cref="ParseJson"/> read what it could of a chunk that is not final (up to <see cref="_jsonScannedTo"/>):
    /// records in <see cref="_settledTo"/> whether the bytes it has not read are settled, those a waiting sibling proof
    /// walked (<paramref name="waiting"/>, <see cref="_waitSettled"/>) or the reader's pending bytes. Out of line, so the
    /// parser's loop does not grow.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void NoteSettledBytes(ReadOnlySpan<byte> work, long workOffset, bool waiting)
    {
        if (waiting ? _waitSettled : PendingBytesSettled(work, workOffset))
        {
            _settledTo = _jsonScannedTo;
        }
    }

    /// <summary>
    /// True when the bytes after the reader's last token (<see cref="_pendingToken"/>, from <see cref="_jsonConsumed"/> in
    /// <paramref name="work"/> at absolute <paramref name="workOffset"/>) can hold no value: only whitespace, commas and
    /// colons, or a closed property name that cannot hold a finding (only names with the detector's trigger bytes are
    /// scanned, BodyScanSession.Names.cs; a name not closed yet may still get one). Whitespace alone after a number is
    /// not settled: in malformed JSON the digits that follow may continue it as text (<c>"mobile": 98765 43210</c>), and
    /// the rescan would rewrite the number.
    /// </summary>
    private bool PendingBytesSettled(ReadOnlySpan<byte> work, long workOffset)
    {
        int consumed = (int)(_jsonConsumed - workOffset);
        switch (_pendingToken)
        {
            case PendingToken.Separators:
                return !EndsInNumber(work);
            case PendingToken.Unknown:
                // A property name closed but not yet followed by its colon (the reader returns a name with its colon).
                return ExpectsPropertyName && IsClosedString(work[consumed..]) && !PropertyNameTriggers.MayHoldEntity(work[consumed..]);
            default:
                return false;
        }
    }

    /// <summary>
    /// True when the last byte of <paramref name="bytes"/> before trailing whitespace is a digit: a number followed by
    /// whitespace alone, which digits in a later chunk could continue as one number when malformed JSON is rescanned as
    /// text (<c>"mobile": 98765 43210</c>), so it is not settled. A comma after it ends it.
    /// </summary>
    private static bool EndsInNumber(ReadOnlySpan<byte> bytes)
    {
        int last = bytes.LastIndexOfAnyExcept(s_whitespaceBytes);
        return last >= 0 && Ascii.IsDigit(bytes[last]);
    }

    /// <summary>True when the reader's next token is a property name: inside an object, not right after a name.</summary>
    private bool ExpectsPropertyName => _depth > 0 && !_frames[_depth - 1].IsArray && !_afterProperty;

    /// <summary>
    /// True when <paramref name="pending"/> (bytes the reader could not complete a token from) is separators and a closed
    /// string: anything but whitespace after the string would have made the reader fail (a name needs its colon).
    /// </summary>
    private static bool IsClosedString(ReadOnlySpan<byte> pending)
    {
        int start = pending.IndexOfAnyExcept(s_separatorBytes);
        return start >= 0 && pending[start] == '"' && FindUnescapedQuote(pending[(start + 1)..], 0) >= 0;
    }

    /// <summary>Writes the settled bytes from where this call's output stopped up to <paramref name="to"/>, unchanged.</summary>
    private void WriteSettled(ReadOnlySpan<byte> work, long workOffset, long to)
    {
        long from = _writtenTo >= 0 ? _writtenTo : _releasedTo;
        if (to <= from)
        {
            return;
        }

        ReadOnlySpan<byte> settled = work[(int)(from - workOffset)..(int)(to - workOffset)];
        _output!.Write(settled);
        _written += settled.Length;
        _writtenTo = to;
    }

    /// <summary>
    /// For a slot with rewrites that starts before <see cref="_releasedTo"/>: throws
    /// <see cref="ReleasedBytesChangedException"/> unless it is a text record whose rewritten matches all start at or
    /// after it (its released bytes are then unchanged).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CheckRewritesAfterRelease(in Slot slot)
    {
        long first = long.MaxValue;
        foreach (ref readonly SlotMatch match in MatchesOf(slot))
        {
            if (!match.Dropped && match.Action == FindingAction.Redacted)
            {
                first = Math.Min(first, slot.Start + match.Start);
            }
        }

        if (slot.Kind != SlotKind.Text || first < _releasedTo)
        {
            throw new ReleasedBytesChangedException(slot.Kind == SlotKind.Text ? first : slot.Start, _releasedTo);
        }
    }

    /// <summary>
    /// Writes a text record (<paramref name="raw"/>, its bytes) that began in released bytes: rewritten whole into scratch,
    /// then only the part after <see cref="_releasedTo"/>, which starts at the same place since nothing before it changed
    /// (<see cref="CheckRewritesAfterRelease"/>). Returns the bytes written.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int WriteSlotAfterRelease(in Slot slot, ReadOnlySpan<byte> raw, IBufferWriter<byte> output)
    {
        var scratch = new ArrayBufferWriter<byte>(raw.Length + 64);
        var scratchSpan = new OutputSpan();
        WriteSlot(slot, raw, [], scratch, ref scratchSpan);
        scratchSpan.Flush(scratch);
        ReadOnlySpan<byte> after = scratch.WrittenSpan[(int)(_releasedTo - slot.Start)..];
        output.Write(after);
        return after.Length;
    }
}
