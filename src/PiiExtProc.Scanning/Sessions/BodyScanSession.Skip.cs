namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// The clean-sibling skip of a <see cref="BodyScanSession"/>'s JSON parser: after its reader closes an object in which
/// nothing was found, the siblings that follow are proved clean (<see cref="CleanJsonProof"/>) and the reader resumes
/// after them in the same state.
/// </summary>
public sealed partial class BodyScanSession
{
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
    /// <paramref name="closedAt"/> when none is proved.
    /// </summary>
    private long SkipCleanSiblings(long closedAt, long dataOffset, ReadOnlySpan<byte> data)
    {
        if (closedAt < _noSkipBefore)
        {
            return closedAt;
        }

        ref readonly JsonFrame parent = ref _frames[_depth - 1];
        int from = (int)(closedAt - dataOffset);
        data = data[..(int)(NextNeverByte(closedAt, dataOffset, data) - dataOffset)];
        int end = parent.IsArray
            ? CleanJsonProof.CleanElementsEnd(data, from, parent.ContainerKey, _depth, _dataIsAscii, ref _keyCache, _detector.Keywords, MaxKeyBytes, _limits)
            : CleanJsonProof.CleanMembersEnd(data, from, parent.ContainerKey, _depth, _dataIsAscii, ref _keyCache, _detector.Keywords, MaxKeyBytes, _limits);
        if (end == from)
        {
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
        return provedTo;
    }

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
