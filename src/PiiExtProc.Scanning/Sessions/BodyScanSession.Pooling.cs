using System.Buffers;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// Reuse of a <see cref="BodyScanSession"/> through its scanner's <see cref="ScanSessionPool"/>: <see cref="Reset"/>
/// returns every per-body field to its initial value and keeps the lists, the rented buffers (up to
/// <see cref="MaxKeptBufferBytes"/>) and the per-scanner caches (key classes, JSON path strings), which depend only on
/// the scanner, never on a body.
/// </summary>
public sealed partial class BodyScanSession
{
    /// <summary>Largest rented buffer a pooled session keeps for its next body, bytes (or elements for lists).</summary>
    internal const int MaxKeptBufferBytes = 16 * 1024;

    /// <summary>Largest list capacity (findings, slots, matches, records) a pooled session keeps for its next body.</summary>
    internal const int MaxKeptListCapacity = 256;

    /// <summary>
    /// Largest findings list capacity a pooled session keeps for its next body, findings (about 64 KB): the default
    /// <see cref="ScanLimits.MaxFindingsKept"/> (1000) fits, so a dense body does not grow the list again (and allocate
    /// 4-64 KB) every time.
    /// </summary>
    internal const int MaxKeptFindingsCapacity = 1024;

    /// <summary>The pool this session goes back to on <see cref="Dispose"/>, or null for a session that is not pooled.</summary>
    private ScanSessionPool? _pool;

    /// <summary>True while an owner holds this pooled session (between rent and return).</summary>
    private bool _rented;

    /// <summary>How many times this session was rented; tells owners apart in tests and diagnostics.</summary>
    internal int RentCount { get; private set; }

    /// <summary>Called by the pool when it hands this session to a new owner: starts a new body in <paramref name="format"/>.</summary>
    internal void OnRent(ScanSessionPool pool, BodyFormat format)
    {
        _pool = pool;
        _rented = true;
        RentCount++;
        Reset(format);
    }

    /// <summary>
    /// Ends this owner's use of a pooled session: the first call hands it back to the pool (or releases its buffers when
    /// the pool is full), and later calls do nothing, so a session is never in the pool twice.
    /// </summary>
    /// <returns>True when the session is pooled (handled here), false for a plain session.</returns>
    private bool TryReturnToPool()
    {
        if (_pool is null)
        {
            return false;
        }

        if (!_rented)
        {
            return true;
        }

        _rented = false;
        _disposed = true;
        _output = null;
        if (!_pool.Return(this))
        {
            _pool = null;
            ReleaseBuffers();
        }

        return true;
    }

    /// <summary>
    /// Returns the session to the state of a new session for <paramref name="format"/>: same output and findings for the
    /// next body as a fresh session, whatever the previous body did (completed, failed, abandoned mid-body).
    /// </summary>
    internal void Reset(BodyFormat format)
    {
        _findings.Clear();
        TrimList(_findings, MaxKeptFindingsCapacity);
        _scratchMatches.Clear();
        TrimList(_scratchMatches);
        _slots.Clear();
        TrimList(_slots);
        _matches.Clear();
        TrimList(_matches);
        _records.Clear();
        TrimList(_records);
        TrimBuffer(ref _held);
        TrimBuffer(ref _decoded);
        TrimBuffer(ref _names);
        TrimBuffer(ref _attributeLabels);
        if (_frames.Length > MaxKeptListCapacity)
        {
            ArrayPool<JsonFrame>.Shared.Return(_frames);
            _frames = [];
        }

        if (_operatorOutput is { Capacity: > MaxKeptBufferBytes })
        {
            _operatorOutput = null;
        }

        if (_encodedOutput is { Capacity: > MaxKeptBufferBytes })
        {
            _encodedOutput = null;
        }

        _heldLength = 0;
        _heldOffset = 0;
        _releasedTo = 0;
        _settledTo = -1;
        _waitSettled = false;
        ReleaseSettledBytes = false;
        _decodedLength = 0;
        _output = null;
        _written = 0;
        _writtenTo = 0;
        _slotBase = 0;
        _matchBase = 0;
        ResetPaths();
        _fingerprintGroups.Reset();
        _textMode = format is BodyFormat.Text or BodyFormat.Markup or BodyFormat.Multipart;
        _markupMode = format == BodyFormat.Markup;
        _markupLabel = default;
        _markupContainer = default;
        _keyValueBlock = false;
        _addressBlock = default;
        _indentedObject = default;
        ResetMarkupTables();
        _final = false;
        _disposed = false;
        _bytesScanned = 0;
        _findingCount = 0;
        _containsPii = false;
        _blockRequested = false;
        _nextRecordId = 0;
        FellBackToText = false;

        // JSON parsing (BodyScanSession.Json.cs); the frames array is kept, its entries are written before they are read.
        _jsonConsumed = 0;
        _lastUnitStart = 0;
        _propertyStart = 0;
        _afterProperty = false;
        _jsonComplete = false;
        _cleanObjectClosed = false;
        ResetRepeatedValues();
        _columns.Reset();
        _neverAt = -1;
        _siblingProofWaitAt = -1;
        _siblingProofWaitBytes = 0;
        _neverSearchedTo = 0;
        _depth = 0;
        _earliestPending = long.MaxValue;
        _dataIsAscii = false;
        _dataMayHoldInLineName = false;
        _jsonScannedTo = 0;
        _pendingToken = PendingToken.Unknown;
        _pendingBackslashes = 0;
        ProvedClean = false;
        CleanProofEnabled = true;
        ValuePrefilterEnabled = true;
        KeyedFastPathEnabled = true;
        ValuesPrefiltered = 0;
        BytesProvedClean = 0;
        InitializeJson();

        // Text scanning (BodyScanSession.Text.cs).
        _textPosition = 0;
        _textMayHoldInLineName = true;
        _newlineSearchedTo = 0;

        // Form scanning (BodyScanSession.Form.cs); _records was cleared with the JSON state.
        _formMode = format == BodyFormat.FormUrlEncoded;
        _formPosition = 0;
        _formShapeKnown = false;
        ResetMultipart(format);
        _ampersandSearchedTo = 0;

        // CSV scanning (BodyScanSession.Csv.cs); the column tables are kept, entries are written before they are read.
        ResetCsv(format);
    }

    private static void TrimList<T>(List<T> list, int maxCapacity = MaxKeptListCapacity)
    {
        if (list.Capacity > maxCapacity)
        {
            list.Capacity = maxCapacity;
        }
    }

    private static void TrimBuffer(ref byte[] buffer)
    {
        if (buffer.Length > MaxKeptBufferBytes)
        {
            ReturnBuffer(ref buffer);
        }
    }
}
