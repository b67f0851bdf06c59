namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// The clean-sibling skip of a <see cref="BodyScanSession"/>'s JSON parser: after its reader closes an object in which
/// nothing was found, the siblings that follow are proved clean (<see cref="CleanJsonProof"/>) and the reader resumes
/// after them in the same state. When a chunk ends inside a sibling the proof has not disproved, the parser waits for
/// the next chunk and proves it then, instead of reading it token by token.
/// </summary>
public sealed partial class BodyScanSession
{
    /// <summary>
    /// Most bytes after the last proved sibling that a sibling proof holds while it waits for more chunks (16 KiB, and
    /// at most half of <see cref="ScanLimits.MaxRecordBytes"/>), plus the chunk that passes it; a longer sibling is read
    /// token by token.
    /// </summary>
    private const int MaxSiblingProofWaitBytes = 16 * 1024;

    /// <summary>
    /// Absolute offset just after a clean object's <c>}</c> where the sibling proof stopped because the chunk ended, or
    /// -1: the next <see cref="ParseJson"/> tries the proof there again before its reader reads on.
    /// </summary>
    private long _siblingProofWaitAt = -1;

    /// <summary>
    /// Bytes after <see cref="_siblingProofWaitAt"/> when the wait began. The proof is tried again once twice as many
    /// have arrived, more than <see cref="MaxSiblingProofWaitBytes"/> have, or the body is final, so a sibling arriving
    /// in many small chunks is walked a bounded number of times: the walks add up to about twice its length at most.
    /// </summary>
    private long _siblingProofWaitBytes;

    /// <summary>
    /// The token just read closed an object (an array element or a property's value) in which nothing was found: the
    /// siblings after it are worth a <see cref="SkipCleanSiblings"/> attempt.
    /// </summary>
    private bool _cleanObjectClosed;

    /// <summary>Absolute offset of the last <c>@</c> or <c>\</c> <see cref="NextNeverByte"/> found, or -1.</summary>
    private long _neverAt = -1;

    /// <summary>Absolute offset up to which <see cref="NextNeverByte"/> searched.</summary>
    private long _neverSearchedTo;

    /// <summary>Bytes of siblings <see cref="SkipCleanSiblings"/> proved clean in this body (tests check the skip is taken).</summary>
    internal long BytesProvedClean { get; private set; }

    /// <summary>
    /// After the reader closed an object in which nothing was found (<see cref="_cleanObjectClosed"/>): proves the
    /// siblings that follow clean, the object elements of the same array (<see cref="CleanJsonProof.CleanElementsEnd"/>)
    /// or the properties of the same object whose values are objects (<see cref="CleanJsonProof.CleanMembersEnd"/>), so
    /// that clean records after a record with PII (an order's items after its customer) are not read token by token.
    /// Returns the absolute offset after the last proved sibling (its <c>}</c> becomes the last unit), or
    /// <paramref name="closedAt"/> when none is proved. <paramref name="wait"/> is set when the proof stopped only
    /// because this chunk ended (not final, not cut before an <c>@</c> or <c>\</c>, at most
    /// <see cref="MaxSiblingProofWaitBytes"/> after the returned offset): the reader must then stop at the returned
    /// offset, and the next chunk's <see cref="ParseJson"/> tries the proof there again (<see cref="_siblingProofWaitAt"/>).
    /// </summary>
    private long SkipCleanSiblings(long closedAt, long dataOffset, ReadOnlySpan<byte> data, bool isFinal, out bool wait)
    {
        wait = false;
        if (closedAt < _noSkipBefore)
        {
            return closedAt;
        }

        ref readonly JsonFrame parent = ref _frames[_depth - 1];
        int from = (int)(closedAt - dataOffset);
        long dataEnd = dataOffset + data.Length;
        long cutAt = NextNeverByte(closedAt, dataOffset, data);
        data = data[..(int)(cutAt - dataOffset)];
        ProofStop stop;
        int end = parent.IsArray
            ? CleanJsonProof.CleanElementsEnd(data, from, parent.ContainerKey, _depth, _dataIsAscii, ref _keyCache, _detector.Keywords, MaxKeyBytes, _limits, out stop)
            : CleanJsonProof.CleanMembersEnd(data, from, parent.ContainerKey, _depth, _dataIsAscii, ref _keyCache, _detector.Keywords, MaxKeyBytes, _limits, out stop);
        bool incomplete = stop != ProofStop.Stopped;
        if (end == from)
        {
            wait = incomplete && WaitForSiblings(closedAt, dataEnd, cutAt, isFinal);
            _waitSettled = wait && ReleaseSettledBytes && WalkedBytesSettled(data[from..], stop);
            return closedAt;
        }

        int repeatEnd = _repeatedValues.Count > 0 ? EndOfFirstRepeatedName(data[from..end]) : -1;
        if (repeatEnd >= 0)
        {
            // A remembered name repeats in these siblings: they are read token by token up to it (no new try before
            // it, so that a long array is not proved again at each element).
            _noSkipBefore = closedAt + repeatEnd;
            return closedAt;
        }

        long provedTo = dataOffset + end;
        BytesProvedClean += end - from;
        _lastUnitStart = provedTo - 1;
        wait = incomplete && WaitForSiblings(provedTo, dataEnd, cutAt, isFinal);
        _waitSettled = wait && ReleaseSettledBytes && WalkedBytesSettled(data[end..], stop);
        return provedTo;
    }

    /// <summary>
    /// True when the bytes a waiting proof walked after its last proved sibling are settled, under the same rules as the
    /// reader's pending bytes (<see cref="PendingBytesSettled"/>): the proof stopped outside any value and property
    /// name; they do not end in a digit and whitespace (malformed input may continue that number as text); and no person
    /// name the body already masked repeats in them (the full scan would mask it there too,
    /// <see cref="EndOfFirstRepeatedName"/>).
    /// </summary>
    private bool WalkedBytesSettled(ReadOnlySpan<byte> walked, ProofStop stop)
    {
        if (stop != ProofStop.DataEnded)
        {
            // Inside a value, or inside a property name: the rest of the name may give it a finding (BodyScanSession.Names.cs).
            return false;
        }

        return !EndsInNumber(walked) && (_repeatedValues.Count == 0 || EndOfFirstRepeatedName(walked) < 0);
    }

    /// <summary>
    /// After a sibling proof that stopped at the end of its data, proved up to <paramref name="provedTo"/> (absolute):
    /// true, with the wait recorded, when the data ended because the chunk did (<paramref name="cutAt"/> is
    /// <paramref name="dataEnd"/>, the body is not final) and few enough bytes follow to hold them.
    /// </summary>
    private bool WaitForSiblings(long provedTo, long dataEnd, long cutAt, bool isFinal)
    {
        long pending = dataEnd - provedTo;
        if (isFinal || cutAt != dataEnd || pending > MaxSiblingWaitBytes)
        {
            return false;
        }

        _siblingProofWaitAt = provedTo;
        _siblingProofWaitBytes = pending;
        return true;
    }

    /// <summary>
    /// At the start of <see cref="ParseJson"/> while a sibling proof waits at <see cref="_jsonConsumed"/>: true when
    /// the body is not final and the chunks since have neither doubled the bytes it waits on nor passed
    /// <see cref="MaxSiblingWaitBytes"/>, so the proof is not tried again yet.
    /// </summary>
    private bool SiblingProofKeepsWaiting(long availableEnd, bool isFinal)
    {
        long available = availableEnd - _jsonConsumed;
        return !isFinal && _siblingProofWaitAt == _jsonConsumed && available < 2 * _siblingProofWaitBytes && available <= MaxSiblingWaitBytes;
    }

    /// <summary><see cref="MaxSiblingProofWaitBytes"/> under this scanner's <see cref="ScanLimits.MaxRecordBytes"/>.</summary>
    private int MaxSiblingWaitBytes => Math.Min(MaxSiblingProofWaitBytes, _limits.MaxRecordBytes / 2);

    /// <summary>
    /// The absolute offset of the first <see cref="CleanJsonProof.NeverBytes"/> byte at or after <paramref name="from"/>
    /// in <paramref name="data"/>, or the data's end. Remembered between calls, so each byte of a body is searched once
    /// however many skips are tried (a search to the end per try would be quadratic on bodies without <c>@</c>).
    /// </summary>
    private long NextNeverByte(long from, long dataOffset, ReadOnlySpan<byte> data)
    {
        if (_neverAt >= from)
        {
            return _neverAt;
        }

        // Bytes before _neverSearchedTo hold no never-byte but possibly the one at _neverAt, which lies before from.
        long start = Math.Max(from, _neverSearchedTo);
        long dataEnd = dataOffset + data.Length;
        int found = start < dataEnd ? data[(int)(start - dataOffset)..].IndexOfAny(CleanJsonProof.NeverBytes) : -1;
        if (found < 0)
        {
            _neverAt = -1;
            _neverSearchedTo = Math.Max(_neverSearchedTo, dataEnd);
            return dataEnd;
        }

        _neverAt = start + found;
        _neverSearchedTo = _neverAt + 1;
        return _neverAt;
    }
}
