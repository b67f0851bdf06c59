using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>JSON parsing of a <see cref="BodyScanSession"/>: tokens, key paths, records, fallback to text.</summary>
public sealed partial class BodyScanSession
{
    /// <summary>Longest property name kept for classification and paths, bytes.</summary>
    private const int MaxKeyBytes = 256;

    private static readonly SearchValues<byte> s_separatorBytes = SearchValues.Create(" \t\r\n,:"u8);
    private static readonly SearchValues<byte> s_whitespaceBytes = SearchValues.Create(" \t\r\n"u8);
    private static readonly SearchValues<byte> s_numberBytes = SearchValues.Create("0123456789+-.eE"u8);

    private readonly List<RecordInfo> _records = [];
    private JsonReaderState _readerState;
    private long _jsonConsumed;
    private long _lastUnitStart;
    private long _propertyStart;
    private bool _afterProperty;
    private bool _jsonComplete;
    private JsonFrame[] _frames = [];
    private int _depth;
    private byte[] _names = [];
    private long _earliestPending = long.MaxValue;
    private KeyClassCache _keyCache;
    private JsonPathCache _pathCache;

    /// <summary>True when the bytes the JSON reader reads in this <see cref="ParseJson"/> call are all ASCII.</summary>
    private bool _dataIsAscii;

    /// <summary>
    /// <see cref="SalutationName.MayHoldInLineOrIntroducedName"/> of the bytes the JSON reader reads in this
    /// <see cref="ParseJson"/> call: when false, no unescaped value read in it holds a name after an honorific inside a
    /// line or an introduced name.
    /// </summary>
    private bool _dataMayHoldInLineName;

    /// <summary>End (absolute) of the bytes the JSON reader last saw without completing a token; see <see cref="_pendingToken"/>.</summary>
    private long _jsonScannedTo;

    /// <summary>What the bytes from <see cref="_jsonConsumed"/> to <see cref="_jsonScannedTo"/> are (chunked input).</summary>
    private PendingToken _pendingToken;

    /// <summary>Parity of the backslashes ending a pending <see cref="PendingToken.OpenString"/>.</summary>
    private int _pendingBackslashes;

    /// <summary>The shape of an incomplete JSON token waiting for more chunks.</summary>
    private enum PendingToken
    {
        /// <summary>Anything else: read again with the next chunk.</summary>
        Unknown,

        /// <summary>Only whitespace, commas and colons.</summary>
        Separators,

        /// <summary>A string (or property name) whose closing quote has not arrived.</summary>
        OpenString,

        /// <summary>A number whose end has not arrived.</summary>
        Number,
    }

    private void InitializeJson()
    {
        var options = new JsonReaderOptions
        {
            AllowMultipleValues = true,
            MaxDepth = _limits.MaxJsonDepth,
            CommentHandling = JsonCommentHandling.Disallow,
        };
        _readerState = new JsonReaderState(options);
    }

    private void ParseJson(ReadOnlySpan<byte> work, long workOffset, bool isFinal)
    {
        if (!isFinal && _jsonScannedTo > _jsonConsumed && !CanComplete(work[(int)(_jsonScannedTo - workOffset)..]))
        {
            // A long token arriving in many chunks is not read again from its start for every chunk (quadratic).
            _jsonScannedTo = workOffset + work.Length;
            if (_jsonScannedTo - _jsonConsumed > _limits.MaxRecordBytes)
            {
                FallBack(_lastUnitStart);
            }
            else if (ReleaseSettledBytes)
            {
                NoteSettledBytes(work, workOffset, waiting: false);
            }

            return;
        }

        if (SiblingProofKeepsWaiting(workOffset + work.Length, isFinal))
        {
            return;
        }

        int relative = (int)(_jsonConsumed - workOffset);
        long dataOffset = _jsonConsumed;
        ReadOnlySpan<byte> data = work[relative..];
        var reader = new Utf8JsonReader(data, isFinal, _readerState);

        // Every token value read below is a slice of data: when data is ASCII, each is valid UTF-8 without a check.
        _dataIsAscii = System.Text.Ascii.IsValid(data);
        _dataMayHoldInLineName = SalutationName.MayHoldInLineOrIntroducedName(data);

        // Read once when the loop ends (a copy of this struct per token costs; a field store of it also a GC write
        // barrier): after Read returns false the reader's state is that after its last complete token (the documented
        // streaming pattern), and after a fallback the state is no longer used.
        JsonReaderState state = _readerState;
        long fallbackAt = -1;
        bool waiting = false;
        try
        {
            if (_siblingProofWaitAt == dataOffset)
            {
                // The last chunk ended inside a sibling of a clean object the reader closed at dataOffset: prove the
                // siblings again with the bytes that have arrived since (the reader's state is still that after the '}').
                _siblingProofWaitAt = -1;
                long provedTo = SkipCleanSiblings(dataOffset, dataOffset, data, isFinal, out waiting);
                if (provedTo > dataOffset)
                {
                    reader = ResumeAfterProof(ref data, ref dataOffset, provedTo, isFinal, state);

                    // As after a proof in the loop below: a record whose quasi-identifiers wait further back than the
                    // record limit is decided now, before the reader's next token can close it.
                    LimitOpenRecords(provedTo);
                }
            }

            while (!waiting && reader.Read())
            {
                long tokenStart = dataOffset + reader.TokenStartIndex;
                long tokenEnd = dataOffset + reader.BytesConsumed;
                if (tokenEnd - _jsonConsumed > _limits.MaxRecordBytes
                    || !HandleToken(ref reader, work, workOffset, tokenStart, tokenEnd))
                {
                    fallbackAt = _lastUnitStart;
                    break;
                }

                _jsonConsumed = tokenEnd;
                if (_cleanObjectClosed)
                {
                    _cleanObjectClosed = false;
                    long provedTo = SkipCleanSiblings(tokenEnd, dataOffset, data, isFinal, out waiting);
                    if (provedTo > tokenEnd)
                    {
                        reader = ResumeAfterProof(ref data, ref dataOffset, provedTo, isFinal, reader.CurrentState);
                        tokenEnd = provedTo;
                    }
                }

                if (_slots.Count >= EarlyReleaseSlots)
                {
                    ReleaseEarly(work, workOffset);
                }
                LimitOpenRecords(tokenEnd);
            }

            if (fallbackAt < 0)
            {
                state = reader.CurrentState;
                if (isFinal)
                {
                    _jsonComplete = true;
                    _lastUnitStart = workOffset + work.Length;
                }
                else if (workOffset + work.Length - _jsonConsumed > _limits.MaxRecordBytes)
                {
                    fallbackAt = _lastUnitStart;
                }
                else
                {
                    _jsonScannedTo = workOffset + work.Length;
                    _pendingToken = Classify(work[(int)(_jsonConsumed - workOffset)..], out _pendingBackslashes);
                    if (ReleaseSettledBytes)
                    {
                        NoteSettledBytes(work, workOffset, waiting);
                    }
                }
            }
        }
        catch (JsonException)
        {
            fallbackAt = _lastUnitStart;
        }
        finally
        {
            _readerState = state;
        }

        if (fallbackAt >= 0)
        {
            FallBack(fallbackAt);
        }
        else if (!isFinal)
        {
            KeepAttributeLabels(work, workOffset);
        }
    }

    /// <summary>
    /// After a sibling proof (<see cref="SkipCleanSiblings"/>) proved <paramref name="data"/> (at absolute
    /// <paramref name="dataOffset"/>) up to absolute <paramref name="provedTo"/>: moves both past the proved bytes and
    /// returns the reader for the rest, in <paramref name="afterObject"/>, its state after the clean <c>}</c> the proof
    /// started from (see CleanJsonProof.Siblings.cs: the same containers are open and an object just closed).
    /// </summary>
    private Utf8JsonReader ResumeAfterProof(scoped ref ReadOnlySpan<byte> data, scoped ref long dataOffset, long provedTo, bool isFinal, JsonReaderState afterObject)
    {
        data = data[(int)(provedTo - dataOffset)..];
        dataOffset = provedTo;
        _jsonConsumed = provedTo;
        return new Utf8JsonReader(data, isFinal, afterObject);
    }

    /// <summary>The shape of the incomplete bytes after the last token (read once per reader attempt).</summary>
    private static PendingToken Classify(ReadOnlySpan<byte> partial, out int backslashes)
    {
        backslashes = 0;
        int t = partial.IndexOfAnyExcept(s_separatorBytes);
        if (t < 0)
        {
            return PendingToken.Separators;
        }

        ReadOnlySpan<byte> token = partial[t..];
        if (token[0] == '"')
        {
            backslashes = TrailingBackslashes(token[1..], 0);
            return FindUnescapedQuote(token[1..], 0) < 0 ? PendingToken.OpenString : PendingToken.Unknown;
        }

        return (token[0] == '-' || (uint)(token[0] - '0') <= 9) && token.IndexOfAnyExcept(s_numberBytes) < 0
            ? PendingToken.Number
            : PendingToken.Unknown;
    }

    /// <summary>
    /// False when the bytes that arrived after the pending incomplete token (<paramref name="added"/>, the rest of the
    /// work) certainly cannot complete it, so reading again can wait for a later chunk (or the final one).
    /// </summary>
    private bool CanComplete(ReadOnlySpan<byte> added)
    {
        switch (_pendingToken)
        {
            case PendingToken.Separators:
                return added.IndexOfAnyExcept(s_whitespaceBytes) >= 0;
            case PendingToken.Number:
                return added.IndexOfAnyExcept(s_numberBytes) >= 0;
            case PendingToken.OpenString:
                if (FindUnescapedQuote(added, _pendingBackslashes) >= 0)
                {
                    return true;
                }

                _pendingBackslashes = TrailingBackslashes(added, _pendingBackslashes);
                return false;
            default:
                return true;
        }
    }

    /// <summary>Parity (0 or 1) of the backslashes ending <paramref name="text"/>, given those before it.</summary>
    private static int TrailingBackslashes(ReadOnlySpan<byte> text, int before)
    {
        int last = text.LastIndexOfAnyExcept((byte)'\\');
        return last < 0 ? (before + text.Length) & 1 : (text.Length - last - 1) & 1;
    }

    /// <summary>
    /// Position in <paramref name="text"/> of the first quote not escaped by a backslash, or -1;
    /// <paramref name="backslashesBefore"/> backslashes directly precede the text.
    /// </summary>
    private static int FindUnescapedQuote(ReadOnlySpan<byte> text, int backslashesBefore)
    {
        int from = 0;
        while (true)
        {
            int q = text[from..].IndexOf((byte)'"');
            if (q < 0)
            {
                return -1;
            }

            q += from;
            int run = q - from - text[from..q].LastIndexOfAnyExcept((byte)'\\') - 1;
            if (run == q - from)
            {
                run += backslashesBefore;
            }

            if ((run & 1) == 0)
            {
                return q;
            }

            from = q + 1;
            backslashesBefore = 0;
        }
    }

    /// <summary>Tests only: false makes every body take the full scan (the reference the proof is checked against).</summary>
    internal bool CleanProofEnabled { get; set; } = true;

    /// <summary>Tests only: false makes every value go to the detector (the reference the value prefilter is checked against).</summary>
    internal bool ValuePrefilterEnabled { get; set; } = true;

    /// <summary>Tests only: false makes every keyed JSON value and CSV field go to the full detector scan (the reference the keyed fast path is checked against).</summary>
    internal bool KeyedFastPathEnabled { get; set; } = true;

    /// <summary>
    /// True when a JSON value or CSV field under <paramref name="key"/> may take the keyed fast path
    /// (<see cref="Detector.TryScanKeyed"/>): the key names a role (name, address) or entities (not negatively), and the
    /// path applies to the policy. A predicate, so that the callers' hot paths keep <c>TryScanKeyed</c> inlined.
    /// </summary>
    private bool KeyedFastPathMayApply(KeyClass key) =>
        key.NamesRoleOrEntity && KeyedFastPathEnabled && _detector.KeyedFastPathApplies;

    /// <summary>Values the prefilter kept from the detector in this body (tests check the prefilter is taken).</summary>
    internal long ValuesPrefiltered { get; private set; }

    /// <summary>True when the last body was proved clean by <see cref="CleanJsonProof"/> (tests check the fast path is taken).</summary>
    internal bool ProvedClean { get; private set; }

    /// <summary>
    /// For a whole JSON body in one final chunk: true when <see cref="CleanJsonProof"/> shows it is well-formed (read to
    /// the end without a fallback to text) and has no finding, so the body is released unchanged without tokenizing it.
    /// </summary>
    private bool TryProveClean(ReadOnlySpan<byte> body)
    {
        if (!CleanProofEnabled || !_detector.OnlyBuiltInRecognizers
            || !CleanJsonProof.Holds(body, ref _keyCache, _detector.Keywords, MaxKeyBytes, _limits))
        {
            return false;
        }

        _jsonComplete = true;
        ProvedClean = true;
        return true;
    }

    private bool HandleToken(ref Utf8JsonReader reader, ReadOnlySpan<byte> work, long workOffset, long tokenStart, long tokenEnd)
    {
        JsonTokenType type = reader.TokenType;
        long unitStart = _afterProperty ? _propertyStart : tokenStart;
        _afterProperty = false;
        switch (type)
        {
            case JsonTokenType.PropertyName:
                _lastUnitStart = tokenStart;
                _propertyStart = tokenStart;
                _afterProperty = true;
                return ReadPropertyName(ref reader, work, workOffset, tokenStart);
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                _lastUnitStart = unitStart;
                Push(type == JsonTokenType.StartArray);
                return true;
            case JsonTokenType.EndObject:
            case JsonTokenType.EndArray:
                _lastUnitStart = tokenStart;
                Pop();
                return true;
            case JsonTokenType.String:
            case JsonTokenType.Number:
                _lastUnitStart = unitStart;
                return ScanValue(ref reader, type == JsonTokenType.Number, tokenStart, tokenEnd);
            default:
                _lastUnitStart = unitStart;
                if (_depth > 0 && _frames[_depth - 1].ColumnPart != ColumnPart.None)
                {
                    ReadColumnLiteral();
                }

                return true;
        }
    }

    private bool ReadPropertyName(ref Utf8JsonReader reader, ReadOnlySpan<byte> work, long workOffset, long tokenStart)
    {
        ref JsonFrame frame = ref _frames[_depth - 1];
        ReadOnlySpan<byte> raw = reader.ValueSpan;
        int decodedStart = _decodedLength;
        ReadOnlySpan<byte> whole;
        if (reader.ValueIsEscaped)
        {
            // Decoded once, into the decoded buffer: a name that turns out to be data keeps it there (ScanPropertyName).
            if (!TryDecodeEscapedToken(ref reader, out whole))
            {
                return false;
            }
        }
        else
        {
            whole = raw;
            if (!_dataIsAscii && !Utf8.IsValid(whole))
            {
                return false;
            }
        }

        // Classified from the name's own bytes, not from the copy written here (reading those back stalls).
        int start = frame.PropertyStart;
        EnsureCapacity(ref _names, start, start + MaxKeyBytes);
        ReadOnlySpan<byte> name = whole[..Math.Min(whole.Length, MaxKeyBytes)];
        name.CopyTo(_names.AsSpan(start, MaxKeyBytes));
        frame.PropertyLength = name.Length;
        _keyCache.Classify(name, raw, _detector.Keywords, out frame.PropertyKey, out frame.PropertyEntry, out frame.PropertyStamp, out bool mayHoldEntity);
        if (mayHoldEntity && ScanPropertyName(ref frame, tokenStart, raw.Length, whole, reader.ValueIsEscaped, decodedStart))
        {
            // A name that is data (a map keyed by mobile numbers or emails) names nothing (BodyScanSession.Names.cs).
            return true;
        }

        if (frame.AttributeLabelLength > 0 && frame.PropertyKey.Attribute == AttributeMember.Value)
        {
            ApplyAttributeLabel(ref frame, work, workOffset);
        }

        return true;
    }

    private void Push(bool isArray)
    {
        if (_frames.Length == 0)
        {
            _frames = ArrayPool<JsonFrame>.Shared.Rent(Math.Min(_limits.MaxJsonDepth, 64) + 2);
        }
        else if (_depth == _frames.Length)
        {
            JsonFrame[] larger = ArrayPool<JsonFrame>.Shared.Rent(_frames.Length * 2);
            _frames.AsSpan(0, _depth).CopyTo(larger);
            ArrayPool<JsonFrame>.Shared.Return(_frames);
            _frames = larger;
        }

        // An object in an array starts a record, except an object in an array of a person's addresses, names, emails, IP
        // addresses or devices: its parts belong to the record the array is in (a customer's addresses, a patient's
        // names, a contact's emailAddresses [{"address": ..., "type": "work"}]).
        // A row of columnar JSON is a record too, and what opens in a row belongs to the row's record
        // (BodyScanSession.Columns.cs).
        ColumnPart columnPart = ColumnPart.None;
        if (_depth > 0)
        {
            ref JsonFrame parent = ref _frames[_depth - 1];
            if (ColumnTable.MayOpen(parent.ColumnPart, parent.IsArray, parent.PropertyKey, isArray))
            {
                columnPart = OpenColumnContainer(isArray);
            }

            if (parent.IsArray)
            {
                parent.ContainerElements++;
            }
        }

        bool startsRecord = _depth == 0 || columnPart == ColumnPart.Row
            || (!isArray && _frames[_depth - 1].IsArray && _frames[_depth - 1].ColumnPart != ColumnPart.Row
                && !HoldsPartsOfItsRecord(_frames[_depth - 1].ContainerKey));
        int recordIndex = -1;
        if (startsRecord)
        {
            _records.Add(new RecordInfo { Id = _nextRecordId++, FirstSlot = _slotBase + _slots.Count, FirstPendingStart = long.MaxValue });
            recordIndex = _records.Count - 1;
        }

        int propertyStart = _depth == 0 ? 0 : _frames[_depth - 1].PropertyStart + Math.Max(0, _frames[_depth - 1].PropertyLength);
        int pathLength = 1;
        if (_depth > 0)
        {
            JsonFrame parent = _frames[_depth - 1];
            pathLength = parent.PathLength + (parent.IsArray ? 2 : parent.PropertyLength >= 0 ? parent.PropertyLength + 1 : 0);
        }

        _frames[_depth] = new JsonFrame
        {
            PathLength = pathLength,
            IsArray = isArray,
            RecordIndex = recordIndex,
            SlotsAtOpen = _slotBase + _slots.Count,
            ContainerKey = ValueKey(forContainer: true),
            PropertyStart = propertyStart,
            PropertyLength = -1,
            ColumnPart = columnPart,
        };
        _depth++;
    }

    /// <summary>
    /// True when the objects of an array under <paramref name="arrayKey"/> are parts of the record the array is in, not
    /// records of their own: the array's key names an address or a name (role), or an email, an IP address or a device
    /// (<see cref="BuiltInId"/> bits of the Guardian list-B items). Not a mobile: <c>contacts</c> holds an address book's
    /// records.
    /// </summary>
    private static bool HoldsPartsOfItsRecord(KeyClass arrayKey) =>
        arrayKey.Role is ValueRole.PostalAddress or ValueRole.PersonName or ValueRole.DeviceId
        || (arrayKey.Entities & (BuiltInId.Bit(BuiltInId.Email) | BuiltInId.Bit(BuiltInId.IpAddress))) != 0;

    private void Pop()
    {
        _depth--;
        ref readonly JsonFrame frame = ref _frames[_depth];
        if (frame.ColumnPart != ColumnPart.None)
        {
            CloseColumnContainer(frame.ColumnPart);
        }

        // The sibling proofs do not model columns: none runs while columns are declared or in force.
        _cleanObjectClosed = !frame.IsArray && _depth > 0 && frame.SlotsAtOpen == _slotBase + _slots.Count
            && CleanProofEnabled && _detector.OnlyBuiltInRecognizers && !_columns.InForce;
        if (frame.RecordIndex >= 0)
        {
            if (frame.IsAttribute && frame.RecordIndex > 0)
            {
                MergeAttributeRecord(frame.RecordIndex);
                return;
            }

            RecordInfo record = _records[frame.RecordIndex];
            ResolveRecord(record.Id, record.FirstSlot, record.DecidedParts, asPii: record.Oversized, record.RepeatGroups);
            _records.RemoveAt(frame.RecordIndex);
            UpdateEarliestPending();
        }
    }

    /// <summary>What the key of the current value (or of a container about to open) says.</summary>
    private KeyClass ValueKey(bool forContainer)
    {
        if (_depth == 0)
        {
            return KeyClass.None;
        }

        ref JsonFrame top = ref _frames[_depth - 1];
        return top.ColumnPart == ColumnPart.Row
            ? RowElementKey(ref top, forContainer)
            : JsonValueKey.Of(top.IsArray, top.ContainerKey, top.PropertyKey, forContainer);
    }

    private ReadOnlySpan<byte> CurrentKeyName()
    {
        if (_depth == 0)
        {
            return default;
        }

        ref readonly JsonFrame top = ref _frames[_depth - 1];
        return top.IsArray || top.PropertyLength < 0 ? default : _names.AsSpan(top.PropertyStart, top.PropertyLength);
    }

    private bool ScanValue(ref Utf8JsonReader reader, bool isNumber, long tokenStart, long tokenEnd)
    {
        ReadOnlySpan<byte> value;
        SlotKind kind;
        int decodedStart = _decodedLength;
        if (reader.ValueIsEscaped)
        {
            if (!TryDecodeEscapedToken(ref reader, out value))
            {
                return false;
            }

            kind = SlotKind.JsonEscapedString;
        }
        else
        {
            value = reader.ValueSpan;
            if (!isNumber && !_dataIsAscii && !Utf8.IsValid(value))
            {
                return false;
            }

            kind = isNumber ? SlotKind.JsonNumber : SlotKind.JsonString;
        }

        if (!isNumber && _depth > 0 && _frames[_depth - 1].PropertyKey.Attribute == AttributeMember.Label)
        {
            // Out of line, and ValueKey read on its own below: the stores inline here, sharing one frame reference with
            // the key, made the dense JSON scan 3% slower (measured side by side).
            RememberAttributeLabel(ref _frames[_depth - 1], value, tokenStart, escaped: kind == SlotKind.JsonEscapedString);
        }

        if (_depth > 0 && ColumnTable.ReadsNames(_frames[_depth - 1].ColumnPart))
        {
            ReadColumnName(value, isNumber);
        }

        KeyClass key = ValueKey(forContainer: false);
        if (isNumber)
        {
            key = key.ForNumber;
        }

        if (key.Role == ValueRole.None && (isNumber ? value.Length <= Detector.ShortNumberBytes && _detector.OnlyBuiltInRecognizers : value.IsEmpty))
        {
            return true;
        }

        // The detector sees only this value and its key class: when the rules show no built-in recognizer can match in
        // it, it is skipped (whole-value roles, custom recognizers and deny-list terms always run the detector). A value
        // under a key that names an entity (mobile, aadhaar, email) is nearly always a finding, so the rules would only
        // add their cost before the detector: such values go straight to it (same result either way).
        // Free text may repeat a name or email an earlier value of this body holds (BodyScanSession.RepeatedValues.cs).
        bool repeats = !isNumber && key.Role == ValueRole.None && key.Entities == 0 && _repeatedValues.Count > 0;
        RawMatch keyed = default;
        scoped ReadOnlySpan<RawMatch> found;
        if (key.Role == ValueRole.None && key.Entities == 0 && ValuePrefilterEnabled && _detector.OnlyBuiltInRecognizers
            && CleanValueRules.IsClean(value, key, _detector.Keywords)
            && !SalutationName.Any(value, inLine: _dataMayHoldInLineName || kind == SlotKind.JsonEscapedString))
        {
            // The rules do not model salutation names (a record with a second kind may make one PII) or repeats; the
            // detector would find nothing here, so the repeats are the only matches.
            if (repeats)
            {
                _scratchMatches.Clear();
            }

            if (!repeats || !AddRepeatedValues(value, _scratchMatches))
            {
                ValuesPrefiltered++;
                return true;
            }

            found = CollectionsMarshal.AsSpan(_scratchMatches);
        }

        // A value under a key that names its entity is usually that entity's whole candidate, and a value under a key
        // role (name, address) usually its whole-value match: the keyed fast path finds that match directly, with the
        // same result as the full scan (Detector.TryScanKeyed), else the full scan runs.
        else if (KeyedFastPathMayApply(key) && _detector.TryScanKeyed(value, key, out keyed))
        {
            found = new ReadOnlySpan<RawMatch>(ref keyed);
        }
        else
        {
            _scratchMatches.Clear();
            _detector.Scan(value, key, _detector.HasCustomRecognizers ? CurrentKeyName() : default, _scratchMatches,
                inLineNames: _dataMayHoldInLineName || kind == SlotKind.JsonEscapedString);
            if (repeats)
            {
                AddRepeatedValues(value, _scratchMatches);
            }

            if (_scratchMatches.Count == 0)
            {
                return true;
            }

            found = CollectionsMarshal.AsSpan(_scratchMatches);
        }

        int recordIndex = AddJsonSlot(JsonTokenSlot(tokenStart, (int)(tokenEnd - tokenStart), kind, decodedStart, value.Length), found);
        if (recordIndex < 0)
        {
            return true;
        }

        ref RecordInfo record = ref CollectionsMarshal.AsSpan(_records)[recordIndex];
        if (!record.Oversized && MayRememberRepeats(found))
        {
            RememberRepeatableMatches(value, found, record.Id);
        }

        return true;
    }

    /// <summary>
    /// The slot of a JSON string or number token with matches (<paramref name="tokenStart"/> absolute,
    /// <paramref name="length"/> bytes): an escaped string's decoded value is kept in the decoded buffer
    /// (<paramref name="decodedStart"/>, <paramref name="decodedLength"/> bytes), and its path while findings are kept.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private Slot JsonTokenSlot(long tokenStart, int length, SlotKind kind, int decodedStart, int decodedLength)
    {
        var slot = new Slot { Start = tokenStart, Length = length, Kind = kind };
        if (kind == SlotKind.JsonEscapedString)
        {
            slot.DecodedStart = decodedStart;
            slot.DecodedLength = decodedLength;
            _decodedLength += decodedLength;
        }

        if (_findings.Count + _slots.Count < _limits.MaxFindingsKept)
        {
            slot.PathIndex = AddPath(BuildPath());
        }

        return slot;
    }

    /// <summary>
    /// Adds the slot of a JSON value or property name to the innermost open record, or decides it on its own when no
    /// record is open; returns that record's index, or -1.
    /// </summary>
    private int AddJsonSlot(in Slot slot, ReadOnlySpan<RawMatch> found)
    {
        int recordIndex = _records.Count - 1;
        if (recordIndex < 0)
        {
            AddSlot(slot, found, recordId: -1, recordOversized: false);
        }
        else
        {
            AddRecordSlot(ref CollectionsMarshal.AsSpan(_records)[recordIndex], slot, found, oversized: false);
        }

        return recordIndex;
    }

    /// <summary>
    /// Decodes the escaped string token the reader is on (a value or a property name) into the decoded buffer after its
    /// used part; <see cref="JsonTokenSlot"/> counts it as used when a slot keeps it. False when an escape is invalid
    /// (malformed JSON there).
    /// </summary>
    private bool TryDecodeEscapedToken(scoped ref Utf8JsonReader reader, out ReadOnlySpan<byte> decoded)
    {
        int needed = reader.ValueSpan.Length;
        EnsureCapacity(ref _decoded, _decodedLength, _decodedLength + needed);
        try
        {
            decoded = _decoded.AsSpan(_decodedLength, reader.CopyString(_decoded.AsSpan(_decodedLength, needed)));
            return true;
        }
        catch (InvalidOperationException)
        {
            decoded = default;
            return false;
        }
    }

    /// <summary>The JSON path of the current value.</summary>
    private string BuildPath() => _depth == 0 ? "$" : ValuePath(_depth - 1);

    /// <summary>
    /// The path of the value open in frame <paramref name="d"/> (its current property, or its elements): from the path
    /// cache, by the frame's own path (built once per frame the same way), unless longer than
    /// <see cref="JsonPathCache.MaxPathBytes"/>.
    /// </summary>
    private string ValuePath(int d)
    {
        ref JsonFrame frame = ref _frames[d];
        int length = frame.PathLength + (frame.IsArray ? 2 : frame.PropertyLength >= 0 ? frame.PropertyLength + 1 : 0);
        if (length > JsonPathCache.MaxPathBytes)
        {
            return BuildPathString(d + 1);
        }

        string container = frame.Path ??= d == 0 ? "$" : ValuePath(d - 1);
        if (frame.IsArray)
        {
            return _pathCache.Element(container);
        }

        if (frame.PropertyLength < 0)
        {
            return container;
        }

        // The key cache entry that classified the property remembers its path under this container (records of an array).
        if (_keyCache.TryGetPath(frame.PropertyEntry, frame.PropertyStamp, container, out string path))
        {
            return path;
        }

        path = _pathCache.Property(container, _names.AsSpan(frame.PropertyStart, frame.PropertyLength));
        _keyCache.RememberPath(frame.PropertyEntry, frame.PropertyStamp, container, path);
        return path;
    }

    /// <summary>The JSON path through the first <paramref name="depth"/> frames, built as a new string (long paths).</summary>
    private string BuildPathString(int depth)
    {
        var path = new StringBuilder("$");
        for (int d = 0; d < depth; d++)
        {
            JsonFrame frame = _frames[d];
            if (frame.IsArray)
            {
                path.Append("[]");
            }
            else if (frame.PropertyLength >= 0)
            {
                path.Append('.').Append(Encoding.UTF8.GetString(_names, frame.PropertyStart, frame.PropertyLength));
            }
        }

        return path.ToString();
    }

    private void UpdateEarliestPending()
    {
        _earliestPending = long.MaxValue;
        foreach (RecordInfo record in _records)
        {
            _earliestPending = Math.Min(_earliestPending, record.FirstPendingStart);
        }
    }

    /// <summary>The pending quasi-identifiers are too far back: decide them as PII and keep deciding so in these records.</summary>
    private void ForceOpenRecords()
    {
        for (int r = 0; r < _records.Count; r++)
        {
            RecordInfo record = _records[r];
            if (record.FirstPendingStart != long.MaxValue)
            {
                ResolveRecord(record.Id, record.FirstSlot, record.DecidedParts, asPii: true);
                record.Oversized = true;
                record.FirstPendingStart = long.MaxValue;
                _records[r] = record;
            }
        }

        _earliestPending = long.MaxValue;
    }

    /// <summary>Malformed JSON (or invalid UTF-8, or a limit) at <paramref name="at"/>: the rest of the body is text.</summary>
    private void FallBack(long at)
    {
        while (_slots.Count > 0 && _slots[^1].Start >= at)
        {
            Slot slot = _slots[^1];
            _matches.RemoveRange((int)(slot.FirstMatch - _matchBase), slot.MatchCount);
            _slots.RemoveAt(_slots.Count - 1);
        }

        ResolveOpenRecords();
        _depth = 0;
        _textMode = true;
        FellBackToText = true;
        _textPosition = at;
    }
}
