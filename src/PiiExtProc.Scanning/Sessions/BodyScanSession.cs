using System.Buffers;
using System.Runtime.InteropServices;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// Scans one body that arrives in chunks and releases redacted output as soon as it is final. Not thread-safe:
/// one session belongs to one direction of one stream.
/// </summary>
/// <remarks>
/// <para>Chunking never changes the result: the concatenated output and the findings are byte-identical whether the
/// body arrives whole or split at any positions. Every decision depends only on the bytes (token boundaries, record
/// boundaries, fixed limits), never on where a chunk ended. To achieve this the session holds back bytes that later
/// input can still change:</para>
/// <list type="bullet">
/// <item>JSON: an incomplete token; the last value and its property name (so that malformed input that follows can be
/// rescanned as text together with its key); and, from the first quasi-identifier of a record on, the rest of that record
/// until it closes (the combination rule needs all of it).</item>
/// <item>Text: the current line (a text record) until its line feed.</item>
/// </list>
/// <para>Held bytes are bounded by <see cref="ScanLimits.MaxRecordBytes"/>: when a record's pending quasi-identifiers
/// are further back than that, they are treated as PII (redacted by their operator) and the record's later
/// quasi-identifiers too; a text line longer than that is cut at the last space in its final 256 bytes, else at the
/// limit, and its pieces are records whose quasi-identifiers are PII. One JSON token longer than the limit makes the
/// rest of the body text. Findings are appended when their bytes are released, in body order.</para>
/// </remarks>
public sealed partial class BodyScanSession : IDisposable
{
    /// <summary>Slots waiting before an early release is tried while parsing one chunk.</summary>
    private const int EarlyReleaseSlots = 96;

    private readonly PiiScanner _scanner;
    private readonly Detector _detector;
    private readonly ScanLimits _limits;
    private readonly int _minimumDistinct;
    private readonly List<PiiFinding> _findings = [];
    private readonly List<RawMatch> _scratchMatches = [];
    private readonly List<Slot> _slots = [];
    private readonly List<SlotMatch> _matches = [];
    private readonly EntityTable _entities;
    private readonly RecognizerNameTable _recognizers;

    /// <summary>Which findings of the body still need a fingerprint (the audit lists a bounded number per group).</summary>
    private readonly FingerprintGroups _fingerprintGroups;

    /// <summary>JSON paths of the slots (<see cref="Slot.PathIndex"/>), from absolute index <see cref="_pathBase"/>.</summary>
    private string?[] _paths = [];
    private int _pathCount;
    private int _pathsUsed;
    private long _pathBase;

    private byte[] _held = [];
    private int _heldLength;
    private long _heldOffset;
    private byte[] _decoded = [];
    private int _decodedLength;
    private ArrayBufferWriter<byte>? _operatorOutput;
    private ArrayBufferWriter<byte>? _encodedOutput;
    private IBufferWriter<byte>? _output;
    private int _written;
    private long _writtenTo;
    private long _slotBase;
    private long _matchBase;
    private bool _textMode;
    private bool _final;
    private bool _disposed;
    private long _bytesScanned;
    private int _findingCount;
    private bool _containsPii;
    private bool _blockRequested;
    private int _nextRecordId;

    internal BodyScanSession(PiiScanner scanner, BodyFormat format)
    {
        _scanner = scanner;
        _detector = scanner.Detector;
        _entities = scanner.EntityTable;
        _recognizers = new RecognizerNameTable(_entities.Count);
        _fingerprintGroups = new FingerprintGroups(_entities.Count);
        _limits = scanner.Options.Limits;
        _minimumDistinct = scanner.Options.Combination.MinimumDistinctEntities;
        _textMode = format is BodyFormat.Text or BodyFormat.Markup or BodyFormat.Multipart;
        _markupMode = format == BodyFormat.Markup;
        _formMode = format == BodyFormat.FormUrlEncoded;
        ResetMultipart(format);
        ResetCsv(format);
        InitializeJson();
    }

    /// <summary>Findings so far, in body order, at most <see cref="ScanLimits.MaxFindingsKept"/>.</summary>
    /// <remarks>A finding is added when its bytes are released, so findings inside held bytes appear later.</remarks>
    public IReadOnlyList<PiiFinding> Findings => _findings;

    /// <summary>All findings so far including those not kept.</summary>
    public int FindingCount => _findingCount;

    /// <summary>True when the body holds PII by the policy: a redacted or blocked finding (the Guardian is_pii).</summary>
    public bool ContainsPii => _containsPii;

    /// <summary>Bytes fed so far.</summary>
    public long BytesScanned => _bytesScanned;

    /// <summary>
    /// True when part of a JSON body was malformed (or a token, or a form pair, outgrew
    /// <see cref="ScanLimits.MaxRecordBytes"/>) and the body was scanned as text from that point.
    /// </summary>
    public bool FellBackToText { get; private set; }

    /// <summary>True once a finding with the block operator was released.</summary>
    public bool BlockRequested => _blockRequested;

    /// <summary>
    /// Feeds the next chunk. Bytes that can no longer be changed by later input are redacted and written to
    /// <paramref name="output"/>, unless the result is <see cref="ChunkResult.IsUnchanged"/>.
    /// </summary>
    /// <param name="chunk">The next bytes of the body; may be empty.</param>
    /// <param name="isFinal">True for the last chunk: everything held is released.</param>
    /// <param name="output">Receives the released, redacted bytes.</param>
    /// <exception cref="InvalidOperationException">Called again after a final chunk.</exception>
    public ChunkResult Process(ReadOnlySpan<byte> chunk, bool isFinal, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_final)
        {
            throw new InvalidOperationException("The session already processed its final chunk.");
        }

        _final = isFinal;
        long chunkOffset = _bytesScanned;
        _bytesScanned += chunk.Length;
        bool heldBefore = _heldLength > 0;
        ReadOnlySpan<byte> work;
        long workOffset;
        if (heldBefore)
        {
            Append(chunk);
            work = _held.AsSpan(0, _heldLength);
            workOffset = _heldOffset;
        }
        else
        {
            work = chunk;
            workOffset = chunkOffset;
        }

        if (!heldBefore && chunkOffset == 0 && isFinal && !_textMode && !_formMode && !_csvMode && TryProveClean(chunk))
        {
            return new ChunkResult(true, 0, 0, _blockRequested);
        }

        _output = output;
        _written = 0;

        // This call's output starts where the caller's bytes end: the held bytes' start, or, when all of them were
        // released as settled bytes, the chunk's start, and then the chunk may still come back unchanged.
        _writtenTo = _releasedTo < chunkOffset ? _releasedTo : -1;
        _settledTo = -1;
        try
        {
            if (_formMode)
            {
                ParseForm(work, workOffset, isFinal);
            }
            else if (_csvMode)
            {
                ParseCsv(work, workOffset, isFinal);
            }
            else if (!_textMode)
            {
                ParseJson(work, workOffset, isFinal);
            }

            if (_textMode)
            {
                ParseText(work, workOffset, isFinal);
            }

            long end = workOffset + work.Length;
            long releaseTo = ReleasePoint(end, isFinal);
            int releaseLength = (int)(releaseTo - workOffset);
            long outputEnd = Math.Max(_releasedTo, SettledEnd(releaseTo, end, isFinal));
            bool unchanged = _writtenTo < 0 && outputEnd == end && !HasRewriteBefore(releaseTo);
            Release(work, workOffset, releaseTo, write: !unchanged);
            if (!unchanged)
            {
                WriteSettled(work, workOffset, outputEnd);
            }

            _releasedTo = outputEnd;

            ReadOnlySpan<byte> remaining = work[releaseLength..];
            if (heldBefore)
            {
                if (releaseLength > 0)
                {
                    remaining.CopyTo(_held);
                }

                _heldLength = remaining.Length;
            }
            else
            {
                _heldLength = 0;
                Append(remaining);
            }

            _heldOffset = releaseTo;
            if (_slots.Count == 0)
            {
                _decodedLength = 0;
            }

            return new ChunkResult(unchanged, unchanged ? 0 : _written, (int)(end - _releasedTo), _blockRequested);
        }
        finally
        {
            _output = null;
        }
    }

    /// <summary>
    /// Ends the session: a rented session (<see cref="PiiScanner.RentSession"/>) goes back to its scanner's pool, and
    /// must not be used again by this owner; any other session returns its pooled buffers.
    /// </summary>
    public void Dispose()
    {
        if (TryReturnToPool() || _disposed)
        {
            return;
        }

        _disposed = true;
        ReleaseBuffers();
    }

    private void ReleaseBuffers()
    {
        ReturnBuffer(ref _held);
        ReturnBuffer(ref _decoded);
        ReturnBuffer(ref _names);
        ReturnBuffer(ref _attributeLabels);
        _keyCache.Return();
        _pathCache.Return();
        if (_frames.Length > 0)
        {
            ArrayPool<JsonFrame>.Shared.Return(_frames);
            _frames = [];
        }
    }

    private static void ReturnBuffer(ref byte[] buffer)
    {
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
        }
    }

    private static void EnsureCapacity(ref byte[] buffer, int length, int needed)
    {
        if (buffer.Length >= needed)
        {
            return;
        }

        byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Max(256, buffer.Length * 2)));
        buffer.AsSpan(0, length).CopyTo(larger);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        buffer = larger;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        EnsureCapacity(ref _held, _heldLength, _heldLength + bytes.Length);
        bytes.CopyTo(_held.AsSpan(_heldLength));
        _heldLength += bytes.Length;
    }

    /// <summary>The absolute offset up to which output is final.</summary>
    private long ReleasePoint(long end, bool isFinal)
    {
        long limit = _textMode ? _textPosition : _formMode ? _formPosition : _csvMode ? _csvPosition : (isFinal && _jsonComplete ? end : _lastUnitStart);
        foreach (ref readonly Slot slot in CollectionsMarshal.AsSpan(_slots))
        {
            if (slot.Pending > 0)
            {
                return Math.Min(limit, slot.Start);
            }
        }

        return limit;
    }

    private bool HasRewriteBefore(long releaseTo)
    {
        foreach (ref readonly Slot slot in CollectionsMarshal.AsSpan(_slots))
        {
            if (slot.Start >= releaseTo)
            {
                break;
            }

            if (slot.Redacted > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// During parsing, once <see cref="EarlyReleaseSlots"/> slots wait, releases what is already final so that a large
    /// single-chunk body does not hold all its slots and matches: findings are committed and, when output is already
    /// being written or a rewrite is due, bytes are written. Same output and findings as releasing at the end.
    /// </summary>
    private void ReleaseEarly(ReadOnlySpan<byte> work, long workOffset)
    {
        long releaseTo = ReleasePoint(workOffset + work.Length, isFinal: false);
        if (_slots.Count == 0 || _slots[0].Start >= releaseTo)
        {
            return;
        }

        bool write = _writtenTo >= 0 || HasRewriteBefore(releaseTo);
        Release(work, workOffset, releaseTo, write);
        if (_slots.Count == 0)
        {
            _decodedLength = 0;
        }
    }

    /// <summary>
    /// Commits the findings of the slots before <paramref name="releaseTo"/> and, when <paramref name="write"/>, writes
    /// the bytes from where writing stopped (the start of the work when nothing was written yet) up to it, rewritten.
    /// </summary>
    private void Release(ReadOnlySpan<byte> work, long workOffset, long releaseTo, bool write)
    {
        IBufferWriter<byte>? output = write ? _output : null;

        // Bytes from here on are not written yet; unchanged slots stay in this run and go out with the next write.
        long unwritten = _writtenTo >= 0 ? _writtenTo : _releasedTo;
        ReadOnlySpan<Slot> slots = CollectionsMarshal.AsSpan(_slots);
        int released = 0;

        // Slots are written into one span of the output while it has room (one GetSpan and Advance for many slots, not
        // one pair per slot); used bytes of it are advanced before anything else writes to the output.
        var outputSpan = new OutputSpan();
        while (released < slots.Length && slots[released].Start < releaseTo)
        {
            ref readonly Slot slot = ref slots[released];
            if (slot.Redacted > 0 && slot.Start < _releasedTo)
            {
                // A text record that began in released bytes (a rescan after malformed JSON): only its bytes after them go out.
                CheckRewritesAfterRelease(slot);
                if (output is not null)
                {
                    outputSpan.Flush(output);
                    _written += WriteSlotAfterRelease(slot, work.Slice((int)(slot.Start - workOffset), slot.Length), output);
                    unwritten = slot.End;
                }
            }
            else if (output is not null && slot.Redacted > 0)
            {
                ReadOnlySpan<byte> raw = work.Slice((int)(slot.Start - workOffset), slot.Length);
                ReadOnlySpan<byte> before = work[(int)(unwritten - workOffset)..(int)(slot.Start - workOffset)];
                _written += WriteSlot(slot, raw, before, output, ref outputSpan);
                unwritten = slot.End;
            }

            released++;
        }

        long pathsReleased = CommitFindings(slots[..released], work, workOffset);

        if (output is not null && releaseTo > unwritten)
        {
            ReadOnlySpan<byte> tail = work[(int)(unwritten - workOffset)..(int)(releaseTo - workOffset)];
            if (tail.Length <= outputSpan.Free.Length)
            {
                tail.CopyTo(outputSpan.Free);
                outputSpan.Used += tail.Length;
                outputSpan.Flush(output);
            }
            else
            {
                outputSpan.Flush(output);
                output.Write(tail);
            }

            _written += tail.Length;
            _writtenTo = releaseTo;
        }
        else if (output is not null)
        {
            // Released up to bytes the caller already has (settled bytes): only what the slots wrote goes out.
            outputSpan.Flush(output);
            _writtenTo = Math.Max(_writtenTo, unwritten);
        }

        if (released > 0)
        {
            ref readonly Slot last = ref slots[released - 1];
            long matchesReleased = last.FirstMatch + last.MatchCount - _matchBase;
            _matches.RemoveRange(0, (int)matchesReleased);
            _matchBase += matchesReleased;
            _slots.RemoveRange(0, released);
            _slotBase += released;
            ReleasePaths(_slots.Count == 0 ? _pathBase + _pathCount : pathsReleased);
        }
    }

    /// <summary>
    /// Adds <paramref name="path"/> to the session's path table and returns its <see cref="Slot.PathIndex"/> (0 for null).
    /// </summary>
    private long AddPath(string? path)
    {
        if (path is null)
        {
            return 0;
        }

        if (_pathCount == _paths.Length)
        {
            Array.Resize(ref _paths, Math.Max(64, _paths.Length * 2));
        }

        _paths[_pathCount++] = path;
        _pathsUsed = Math.Max(_pathsUsed, _pathCount);
        return _pathBase + _pathCount;
    }

    /// <summary>Empties the path table, clearing every reference it held (no path outlives the body).</summary>
    private void ResetPaths()
    {
        Array.Clear(_paths, 0, _pathsUsed);
        if (_paths.Length > MaxKeptListCapacity)
        {
            _paths = [];
        }

        _pathCount = 0;
        _pathsUsed = 0;
        _pathBase = 0;
    }

    /// <summary>Drops the paths up to <see cref="Slot.PathIndex"/> <paramref name="to"/> (their slots were released).</summary>
    private void ReleasePaths(long to)
    {
        int count = (int)(to - _pathBase);
        if (count <= 0)
        {
            return;
        }

        // Usually every path goes; the stale references left in the array are cleared when the session is reset.
        _pathCount -= count;
        if (_pathCount > 0)
        {
            Array.Copy(_paths, count, _paths, 0, _pathCount);
        }

        _pathBase = to;
    }

    /// <summary>The JSON path of <paramref name="slot"/>, or null.</summary>
    private string? PathOf(in Slot slot) => slot.PathIndex == 0 ? null : _paths[(int)(slot.PathIndex - 1 - _pathBase)];

    /// <summary>
    /// Commits the findings of released <paramref name="slots"/> (bytes in <paramref name="work"/>, which starts at absolute
    /// offset <paramref name="workOffset"/>) in body order: counts every reported match, keeps at most
    /// <see cref="ScanLimits.MaxFindingsKept"/> as <see cref="PiiFinding"/>s written in place into the findings list.
    /// Returns the largest <see cref="Slot.PathIndex"/> of the slots (their paths can go).
    /// </summary>
    private long CommitFindings(ReadOnlySpan<Slot> slots, ReadOnlySpan<byte> work, long workOffset)
    {
        if (slots.IsEmpty)
        {
            return 0;
        }

        ReadOnlySpan<SlotMatch> all = CollectionsMarshal.AsSpan(_matches);
        ref readonly Slot lastSlot = ref slots[^1];
        int matchCount = (int)(lastSlot.FirstMatch + lastSlot.MatchCount - slots[0].FirstMatch);

        // Room for every match that can still be kept is made once; the list is cut to the findings written at the end.
        int kept = _findings.Count;
        int maxKept = _limits.MaxFindingsKept;
        int reserved = kept + Math.Min(matchCount, Math.Max(0, maxKept - kept));
        if (reserved > kept)
        {
            CollectionsMarshal.SetCount(_findings, reserved);
        }

        Span<PiiFinding> findings = CollectionsMarshal.AsSpan(_findings);
        FindingFingerprint? fingerprinter = _scanner.Fingerprint;
        EntityTable entities = _entities;
        int findingCount = 0;
        bool containsPii = false, blockRequested = false;
        long pathsReleased = 0;
        foreach (ref readonly Slot slot in slots)
        {
            pathsReleased = Math.Max(pathsReleased, slot.PathIndex);
            ReadOnlySpan<SlotMatch> matches = all.Slice((int)(slot.FirstMatch - _matchBase), slot.MatchCount);

            // Where a match's finding starts in the body: in an escaped string the whole token (offsets inside the decoded
            // value are not body offsets), in a string after its opening quote.
            bool wholeToken = HasDecodedValue(slot.Kind);
            long valueOffset = slot.Kind == SlotKind.JsonString ? slot.Start + 1 : slot.Start;
            string? path = PathOf(slot);
            ReadOnlySpan<byte> value = fingerprinter is null ? default : ValueOf(slot, work, workOffset);
            for (int m = 0; m < matches.Length; m++)
            {
                ref readonly SlotMatch match = ref matches[m];
                if (match.Dropped)
                {
                    continue;
                }

                FindingAction action = match.Action;
                findingCount++;
                containsPii |= action is FindingAction.Redacted or FindingAction.Blocked;
                blockRequested |= action == FindingAction.Blocked;
                if (kept < reserved)
                {
                    PiiEntity entity = entities.EntityAt(match.Entity);
                    ulong? fingerprint = fingerprinter is null ? null
                        : kept < FingerprintGroups.HashedBeforeGrouping ? Fingerprint(fingerprinter, entity, match, value)
                        : GroupedFingerprint(fingerprinter, entity, match, action, path, value, findings[..kept]);
                    findings[kept++] = new PiiFinding(
                        entity,
                        wholeToken ? slot.Start : valueOffset + match.Start,
                        wholeToken ? slot.Length : match.Length,
                        match.Score,
                        _recognizers.NameAt(match.Recognizer),
                        path,
                        action,
                        fingerprint);
                }
            }
        }

        if (kept < reserved)
        {
            CollectionsMarshal.SetCount(_findings, kept);
        }

        _findingCount += findingCount;
        _containsPii |= containsPii;
        _blockRequested |= blockRequested;
        return pathsReleased;
    }

    /// <summary>
    /// The fingerprint of a finding about to be kept after the <paramref name="earlier"/> ones (at least
    /// <see cref="FingerprintGroups.HashedBeforeGrouping"/>), or null when its group (<see cref="FingerprintGroups"/>) is
    /// full. The body's first findings are hashed without a group; the first call counts them into their groups. Not
    /// inlined: the loop that keeps findings stays small for the usual short body.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private ulong? GroupedFingerprint(
        FindingFingerprint fingerprinter, PiiEntity entity, in SlotMatch match, FindingAction action, string? path, ReadOnlySpan<byte> value, ReadOnlySpan<PiiFinding> earlier)
    {
        FingerprintGroups groups = _fingerprintGroups;
        if (groups.IsEmpty)
        {
            foreach (ref readonly PiiFinding finding in earlier)
            {
                int index = _entities.IndexOf(finding.Entity);
                groups.Add(groups.Find(index, _recognizers.IndexOf(finding.Recognizer, index), finding.Action, finding.JsonPath), finding.Fingerprint.GetValueOrDefault());
            }
        }

        int group = groups.Find(match.Entity, match.Recognizer, action, path);
        if (groups.IsFull(group))
        {
            return null;
        }

        ulong fingerprint = Fingerprint(fingerprinter, entity, match, value);
        groups.Add(group, fingerprint);
        return fingerprint;
    }

    /// <summary>The fingerprint of <paramref name="match"/>'s value (in <paramref name="value"/>, decoded first when form-encoded).</summary>
    private static ulong Fingerprint(FindingFingerprint fingerprinter, PiiEntity entity, in SlotMatch match, ReadOnlySpan<byte> value) =>
        match.FormEncoded ? FingerprintDecoded(fingerprinter, entity, value.Slice(match.Start, match.Length))
            : fingerprinter.Compute(entity, value.Slice(match.Start, match.Length));

    /// <summary>The fingerprint of a form-encoded match's decoded bytes: the same value fingerprints alike wherever it is.</summary>
    private static ulong FingerprintDecoded(FindingFingerprint fingerprinter, PiiEntity entity, ReadOnlySpan<byte> encoded)
    {
        Span<byte> decoded = stackalloc byte[encoded.Length];
        return fingerprinter.Compute(entity, decoded[..FormEncoding.Decode(encoded, decoded)]);
    }

    /// <summary>The value of <paramref name="slot"/> whose matches' offsets are relative to: the string without its quotes,
    /// the decoded string, the number or the text record.</summary>
    private ReadOnlySpan<byte> ValueOf(in Slot slot, ReadOnlySpan<byte> work, long workOffset)
    {
        ReadOnlySpan<byte> raw = work.Slice((int)(slot.Start - workOffset), slot.Length);
        return slot.Kind switch
        {
            SlotKind.JsonString => raw[1..^1],
            SlotKind.JsonEscapedString or SlotKind.FormValue or SlotKind.CsvEscapedField => _decoded.AsSpan(slot.DecodedStart, slot.DecodedLength),
            _ => raw,
        };
    }

    /// <summary>The matches of <paramref name="slot"/>, in place (valid until <see cref="_matches"/> changes).</summary>
    private ReadOnlySpan<SlotMatch> MatchesOf(in Slot slot) =>
        CollectionsMarshal.AsSpan(_matches).Slice((int)(slot.FirstMatch - _matchBase), slot.MatchCount);

    /// <summary>
    /// Writes <paramref name="before"/> (unchanged bytes) and then <paramref name="slot"/> rewritten: its redacted matches
    /// replaced by their operators' output, JSON-escaped and quoted in JSON. Returns the bytes written.
    /// </summary>
    private int WriteSlot(in Slot slot, ReadOnlySpan<byte> raw, ReadOnlySpan<byte> before, IBufferWriter<byte> output, ref OutputSpan outputSpan)
    {
        ReadOnlySpan<SlotMatch> matches = MatchesOf(slot);
        bool json = IsJson(slot.Kind);
        ReadOnlySpan<byte> value = slot.Kind switch
        {
            SlotKind.JsonString => raw[1..^1],
            SlotKind.JsonEscapedString or SlotKind.FormValue or SlotKind.CsvEscapedField => _decoded.AsSpan(slot.DecodedStart, slot.DecodedLength),
            _ => raw,
        };

        if (HasDecodedValue(slot.Kind))
        {
            // Decoded pieces need escaping (JSON), encoding (form) or their quotes doubled (CSV).
            outputSpan.Flush(output);
            return WriteSlotInPieces(slot, value, before, output);
        }

        // When every operator here can write into a span (all built-in rewriting operators), the slot is written straight
        // into the output.
        int bound = before.Length + 2 + value.Length;
        foreach (ref readonly SlotMatch match in matches)
        {
            if (match.Dropped || match.Action != FindingAction.Redacted)
            {
                continue;
            }

            int most = match.FormEncoded ? -1 : _entities.OperatorAt(match.Entity).MaxOutputBytes(match.Length);
            if (most < 0)
            {
                bound = -1;
                break;
            }

            bound += most;
        }

        if (bound >= 0)
        {
            outputSpan.Ensure(output, bound);
            int direct = WriteSlotDirect(matches, value, before, json, slot.Kind, outputSpan.Free);
            if (direct >= 0)
            {
                outputSpan.Used += direct;
                return direct;
            }
        }

        // A replacement needs JSON escaping (nothing was advanced), or an operator writes only to a buffer writer.
        outputSpan.Flush(output);
        return WriteSlotInPieces(slot, value, before, output);
    }

    /// <summary>
    /// Writes <paramref name="before"/> and the slot's value with its redacted matches replaced into
    /// <paramref name="destination"/> (large enough by the operators' <see cref="RedactionOperator.MaxOutputBytes"/>), the
    /// operators writing in place. Returns the bytes written, or -1 when a JSON replacement needs escaping or a CSV
    /// replacement quoting.
    /// </summary>
    private int WriteSlotDirect(
        ReadOnlySpan<SlotMatch> matches, ReadOnlySpan<byte> value, ReadOnlySpan<byte> before, bool json, SlotKind kind, Span<byte> destination)
    {
        before.CopyTo(destination);
        int written = before.Length;
        if (json)
        {
            destination[written++] = (byte)'"';
        }

        int position = 0;
        foreach (ref readonly SlotMatch match in matches)
        {
            if (match.Dropped || match.Action != FindingAction.Redacted)
            {
                continue;
            }

            // Most matches are the whole value: no unchanged piece before or after them, and no copy call for it.
            if (match.Start > position)
            {
                value[position..match.Start].CopyTo(destination[written..]);
                written += match.Start - position;
            }

            ref readonly EntityInfo info = ref _entities.InfoAt(match.Entity);
            int replaced = info.Operator!.Write(info.Entity, value.Slice(match.Start, match.Length), destination[written..]);

            // Unchanged pieces are copied as they are: raw JSON string bytes are already escaped, numbers and text need none.
            // A replacement needs a check only when its operator may write bytes that are not the value's (a raw JSON
            // string or number value has no byte that needs escaping: the reader refuses unescaped quotes and controls).
            if (json && !info.OutputNeedsNoJsonEscaping && JsonEscaper.NeedsEscaping(destination.Slice(written, replaced)))
            {
                return -1;
            }

            if (kind is SlotKind.CsvField or SlotKind.CsvQuotedField && CsvNeedsQuoting(kind, destination.Slice(written, replaced)))
            {
                return -1;
            }

            written += replaced;
            position = match.End;
        }

        if (position < value.Length)
        {
            value[position..].CopyTo(destination[written..]);
            written += value.Length - position;
        }

        if (json)
        {
            destination[written++] = (byte)'"';
        }

        return written;
    }

    /// <summary>
    /// The general way of <see cref="WriteSlot"/>: piece by piece, escaping what needs it, the operators writing into a
    /// scratch buffer.
    /// </summary>
    private int WriteSlotInPieces(in Slot slot, ReadOnlySpan<byte> value, ReadOnlySpan<byte> before, IBufferWriter<byte> output)
    {
        _operatorOutput ??= new ArrayBufferWriter<byte>(64);
        output.Write(before);
        int written = before.Length;
        // A CSV field without quotes is written quoted here: this way is taken when a replacement needs quotes.
        bool quote = IsJson(slot.Kind) || slot.Kind == SlotKind.CsvField;
        if (quote)
        {
            output.Write("\""u8);
            written++;
        }

        int position = 0;
        foreach (ref readonly SlotMatch match in MatchesOf(slot))
        {
            if (match.Dropped || match.Action != FindingAction.Redacted)
            {
                continue;
            }

            written += WriteText(value[position..match.Start], slot.Kind, original: true, output);
            _operatorOutput.ResetWrittenCount();
            if (match.FormEncoded)
            {
                written += WriteText(EncodedReplacement(match, value), slot.Kind, original: false, output);
            }
            else
            {
                _entities.OperatorAt(match.Entity).Write(_entities.EntityAt(match.Entity), value.Slice(match.Start, match.Length), _operatorOutput);
                written += WriteText(_operatorOutput.WrittenSpan, slot.Kind, original: false, output);
            }

            position = match.End;
        }

        written += WriteText(value[position..], slot.Kind, original: true, output);
        if (quote)
        {
            output.Write("\""u8);
            written++;
        }

        return written;
    }

    /// <summary>
    /// The replacement of a form-encoded match (<see cref="SlotMatch.FormEncoded"/>): its operator's output for the decoded
    /// bytes, encoded again like the query around it (valid until the next call).
    /// </summary>
    private ReadOnlySpan<byte> EncodedReplacement(in SlotMatch match, ReadOnlySpan<byte> value)
    {
        Span<byte> decoded = stackalloc byte[match.Length];
        decoded = decoded[..FormEncoding.Decode(value.Slice(match.Start, match.Length), decoded)];
        _operatorOutput!.ResetWrittenCount();
        _entities.OperatorAt(match.Entity).Write(_entities.EntityAt(match.Entity), decoded, _operatorOutput);
        _encodedOutput ??= new ArrayBufferWriter<byte>(64);
        _encodedOutput.ResetWrittenCount();
        FormEncoding.Write(_operatorOutput.WrittenSpan, _encodedOutput);
        return _encodedOutput.WrittenSpan;
    }

    /// <summary>True for the slot kinds whose matches are in a decoded copy of the value (<see cref="Slot.DecodedStart"/>).</summary>
    private static bool HasDecodedValue(SlotKind kind) => kind is SlotKind.JsonEscapedString or SlotKind.FormValue or SlotKind.CsvEscapedField;

    /// <summary>True for the slot kinds written as a JSON string.</summary>
    private static bool IsJson(SlotKind kind) => kind is SlotKind.JsonString or SlotKind.JsonEscapedString or SlotKind.JsonNumber;

    /// <summary>
    /// Writes a piece of a slot's value: an <paramref name="original"/> piece of the value or an operator's replacement,
    /// escaped for JSON (except the raw bytes of an unescaped JSON string, already escaped), encoded for a form, quoted for a
    /// CSV field (except the raw bytes of a quoted field, already quoted), or as it is in text. Returns the bytes written.
    /// </summary>
    private static int WriteText(ReadOnlySpan<byte> text, SlotKind kind, bool original, IBufferWriter<byte> output)
    {
        switch (kind)
        {
            case SlotKind.FormValue:
                return FormEncoding.Write(text, output);
            case SlotKind.CsvQuotedField when original:
                output.Write(text);
                return text.Length;
            case SlotKind.CsvField:
            case SlotKind.CsvQuotedField:
            case SlotKind.CsvEscapedField:
                return WriteCsvQuoted(text, output);
            case SlotKind.Text:
            case SlotKind.JsonString when original:
                output.Write(text);
                return text.Length;
            default:
                return JsonEscaper.Write(text, output);
        }
    }

    /// <summary>
    /// Adds a slot for <paramref name="raws"/> (the matches of one value or record, offsets relative to the value).
    /// Identifiers and attributes are decided now; quasi-identifiers wait for <paramref name="recordId"/> unless it is
    /// -1 (decide now by the counts in <paramref name="raws"/>) or oversized. Returns the number of matches left
    /// pending.
    /// </summary>
    private int AddSlot(in Slot added, ReadOnlySpan<RawMatch> raws, int recordId, bool recordOversized)
    {
        EntityTable entities = _entities;
        RecognizerNameTable recognizers = _recognizers;

        // The matches are written in place at the end of the list (no copy of each through a temporary), entity and
        // recognizer as indexes. Quasi-identifiers without a record are decided after this loop by the counts.
        int firstMatch = _matches.Count;
        CollectionsMarshal.SetCount(_matches, firstMatch + raws.Length);
        Span<SlotMatch> matches = CollectionsMarshal.AsSpan(_matches)[firstMatch..];
        bool countNow = recordId < 0 && !recordOversized;
        uint groups = 0;
        RecordParts parts = RecordParts.None;
        int pending = 0;
        int redacted = 0;
        for (int m = 0; m < raws.Length; m++)
        {
            ref readonly RawMatch raw = ref raws[m];
            ref SlotMatch match = ref matches[m];
            int entity = entities.IndexOf(raw.Entity);
            match.Start = raw.Start;
            match.Length = raw.Length;
            match.Score = raw.Score;
            match.Entity = entity;
            match.Recognizer = recognizers.IndexOf(raw.Recognizer, entity);
            match.NamePart = raw.NamePart;
            match.FormEncoded = raw.FormEncoded;
            match.ReportedOnlyWhenPii = raw.ReportedOnlyWhenPii;
            match.RecordId = -1;
            ref readonly EntityInfo info = ref entities.InfoAt(entity);
            uint group = info.Group;
            if (group == 0 || raw.Allowed || recordOversized || (raw.RepeatOf > 0 && _repeatedValues[raw.RepeatOf - 1].RecordId < 0))
            {
                match.Decided = true;
                match.Action = raw.Allowed ? FindingAction.Allowed : EntityTable.ActionOf(info);
                match.Dropped = (raw.NamePart != ValueRole.None && !recordOversized && !raw.Allowed) || (raw.ReportedOnlyWhenPii && raw.Allowed);
                if (!match.Dropped && match.Action == FindingAction.Redacted)
                {
                    redacted++;
                }
            }
            else if (countNow && raw.RepeatOf == 0)
            {
                // Decided below, once the counts of the whole value are known.
                match.Decided = true;
                parts |= RecordPartRules.PartOf(raw.NamePart);
                if (raw.NamePart == ValueRole.None)
                {
                    groups |= group;
                    parts |= RecordPartRules.WholePartsOf(group);
                }
            }
            else
            {
                match.Decided = false;
                match.Dropped = false;
                match.Action = default;
                match.RecordId = raw.RepeatOf > 0 ? _repeatedValues[raw.RepeatOf - 1].RecordId : recordId;
                pending++;
            }

            if (countNow && raw.RepeatOf > 0 && IsOwnRepeat(raw))
            {
                // A repeat the detector found here is this value's too (RecordInfo.RepeatGroups).
                groups |= group;
            }
        }

        if (countNow)
        {
            parts |= RecordPartRules.PinCodePartOf(raws);
            redacted += DecideByCounts(matches, raws, groups, parts);
        }

        // Written field by field in place.
        int slotIndex = _slots.Count;
        CollectionsMarshal.SetCount(_slots, slotIndex + 1);
        ref Slot slot = ref CollectionsMarshal.AsSpan(_slots)[slotIndex];
        slot.Start = added.Start;
        slot.Length = added.Length;
        slot.Kind = added.Kind;
        slot.DecodedStart = added.DecodedStart;
        slot.DecodedLength = added.DecodedLength;
        slot.PathIndex = added.PathIndex;
        slot.FirstMatch = _matchBase + firstMatch;
        slot.MatchCount = raws.Length;
        slot.Pending = added.Pending + pending;
        slot.Redacted = added.Redacted + redacted;
        return pending;
    }

    /// <summary>
    /// Decides the quasi-identifiers of a value without a record by the counts of the value (<paramref name="groups"/>,
    /// and the name and address <paramref name="parts"/>). Returns the number of them redacted.
    /// </summary>
    private int DecideByCounts(Span<SlotMatch> matches, ReadOnlySpan<RawMatch> raws, uint groups, RecordParts parts)
    {
        groups |= RecordPartRules.GroupsOf(parts);
        bool pii = System.Numerics.BitOperations.PopCount(groups) >= _minimumDistinct;
        int redacted = 0;
        for (int m = 0; m < matches.Length; m++)
        {
            ref SlotMatch match = ref matches[m];
            if (_entities.GroupAt(match.Entity) == 0 || raws[m].Allowed || raws[m].RepeatOf > 0)
            {
                // Decided already, or a repeat: decided with its original's record.
                continue;
            }

            match.Dropped = (match.NamePart != ValueRole.None && !RecordPartRules.IsComplete(match.NamePart, parts)) || (match.ReportedOnlyWhenPii && !pii);
            match.Action = pii ? _entities.ActionAt(match.Entity) : FindingAction.BelowCombinationThreshold;
            if (!match.Dropped && match.Action == FindingAction.Redacted)
            {
                redacted++;
            }
        }

        return redacted;
    }

    /// <summary>Decides the pending quasi-identifiers of a record that closed (or was cut off).</summary>
    /// <param name="recordId">The record.</param>
    /// <param name="firstSlot">Absolute index of its first slot.</param>
    /// <param name="decidedParts">Parts it holds through decided findings (<see cref="RecordInfo.DecidedParts"/>).</param>
    /// <param name="asPii">Decide every pending quasi-identifier as PII (the record outgrew the limit).</param>
    /// <param name="repeatGroups">Groups of its repeats decided with other records (<see cref="RecordInfo.RepeatGroups"/>).</param>
    private void ResolveRecord(int recordId, long firstSlot, RecordParts decidedParts, bool asPii, uint repeatGroups = 0)
    {
        uint groups = repeatGroups;
        RecordParts parts = decidedParts;
        int from = (int)Math.Max(0, firstSlot - _slotBase);
        ReadOnlySpan<Slot> pendingSlots = CollectionsMarshal.AsSpan(_slots);
        for (int s = from; s < pendingSlots.Length; s++)
        {
            ref readonly Slot pendingSlot = ref pendingSlots[s];
            if (pendingSlot.Pending == 0)
            {
                continue;
            }

            ReadOnlySpan<SlotMatch> matches = MatchesOf(pendingSlot);
            for (int m = 0; m < matches.Length; m++)
            {
                ref readonly SlotMatch match = ref matches[m];
                if (match.Decided || match.RecordId != recordId)
                {
                    continue;
                }

                parts |= RecordPartRules.PartOf(match.NamePart);
                if (match.NamePart == ValueRole.None)
                {
                    uint group = _entities.GroupAt(match.Entity);
                    groups |= group;
                    parts |= RecordPartRules.WholePartsOf(group);
                }
            }
        }

        groups |= RecordPartRules.GroupsOf(parts);

        // Pending matches are quasi-identifiers that were not allowed: their action is their operator's.
        bool pii = asPii || System.Numerics.BitOperations.PopCount(groups) >= _minimumDistinct;
        Span<Slot> slots = CollectionsMarshal.AsSpan(_slots);
        Span<SlotMatch> all = CollectionsMarshal.AsSpan(_matches);
        for (int s = from; s < slots.Length; s++)
        {
            ref Slot slot = ref slots[s];
            if (slot.Pending == 0)
            {
                continue;
            }

            Span<SlotMatch> matches = all.Slice((int)(slot.FirstMatch - _matchBase), slot.MatchCount);
            for (int m = 0; m < matches.Length; m++)
            {
                ref SlotMatch match = ref matches[m];
                if (match.Decided || match.RecordId != recordId)
                {
                    continue;
                }

                match.Decided = true;
                match.Dropped = (match.NamePart != ValueRole.None && !RecordPartRules.IsComplete(match.NamePart, parts) && !asPii)
                    || (match.ReportedOnlyWhenPii && !pii);
                match.Action = pii ? _entities.ActionAt(match.Entity) : FindingAction.BelowCombinationThreshold;
                slot.Pending--;
                if (!match.Dropped && match.Action == FindingAction.Redacted)
                {
                    slot.Redacted++;
                }
            }
        }

        if (_repeatedValues.Count > 0)
        {
            ResolveRepeatedValues(recordId, pii);
        }
    }
}
