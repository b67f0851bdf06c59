using Envoy.Extensions.Filters.Http.ExtProc.V3;
using Envoy.Service.ExtProc.V3;
using PiiExtProc.Diagnostics;
using PiiExtProc.Policy;
using PiiExtProc.Routing;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Sessions;

namespace PiiExtProc.Processing;

/// <summary>
/// The per-stream ext_proc state machine: one instance per Process call, two independent directions (request and
/// response) as in Envoy's processor state (extproc-protocol.md §1.1, §14.1). <see cref="Handle"/> turns one
/// ProcessingRequest into the replies it needs, in order, and does no I/O, so it is unit-testable without a server.
/// </summary>
/// <remarks>
/// Invariants:
/// <list type="bullet">
/// <item>Outside observability mode, exactly one reply per request message, of the matching oneof case, except in
/// FULL_DUPLEX_STREAMED where body replies are M:N and a final StreamedBodyResponse ends the body.</item>
/// <item>A reply may wrap pooled output bytes; call <see cref="OnRepliesWritten"/> after writing them.</item>
/// <item>Protocol violations throw <see cref="ProtocolViolationException"/>; the service ends the call with a non-OK
/// status so Envoy fails closed, never with OK while a body still needs redaction.</item>
/// </list>
/// </remarks>
internal sealed class ExtProcStream : IDisposable
{
    private const string AttributesKey = "envoy.filters.http.ext_proc";
    private const string MetadataNamespace = "pii_ext_proc";
    private const string MetadataKey = "policy";

    private IPolicySnapshot _policy;
    private IProcessingTelemetry _telemetry;
    private string? _policyHeader;
    private ExtProcStreamPool? _pool;
    private bool _rented;
    private readonly DirectionState _request = new(Direction.Request);
    private readonly DirectionState _response = new(Direction.Response);
    private StreamRoute _route = StreamRoute.Unknown;
    private Envoy.Config.Core.V3.HeaderValue? _requestIdHeader;
    private string? _requestId;
    private bool _protocolConfigSeen;
    private bool _completed;

    /// <summary>Creates the state for one stream.</summary>
    /// <param name="policy">The policy snapshot captured when the stream started; used to the end of the stream.</param>
    /// <param name="telemetry">Metrics and audit sink.</param>
    /// <param name="policyHeader">The <c>x-pii-policy</c> gRPC initial metadata value Envoy sent, or null.</param>
    public ExtProcStream(IPolicySnapshot policy, IProcessingTelemetry telemetry, string? policyHeader)
    {
        _policy = policy;
        _telemetry = telemetry;
        _policyHeader = policyHeader;
    }

    /// <summary>
    /// A stream state from <see cref="ExtProcStreamPool.Shared"/> (the service's hot path: no allocation per stream once
    /// warm), initialized as the constructor does. <see cref="Dispose"/> hands it back exactly once; the caller must not
    /// touch it afterwards.
    /// </summary>
    public static ExtProcStream Rent(IPolicySnapshot policy, IProcessingTelemetry telemetry, string? policyHeader)
        => ExtProcStreamPool.Shared.Rent(policy, telemetry, policyHeader);

    /// <summary>Called by the pool: starts a new stream in this (reset) instance.</summary>
    internal void OnRent(ExtProcStreamPool pool, IPolicySnapshot policy, IProcessingTelemetry telemetry, string? policyHeader)
    {
        _pool = pool;
        _rented = true;
        _policy = policy;
        _telemetry = telemetry;
        _policyHeader = policyHeader;
    }

    /// <summary>True after an immediate response: Envoy ignores anything more, so later messages get no reply.</summary>
    public bool Completed => _completed;

    /// <summary>
    /// Handles one message and appends its replies to <paramref name="replies"/> (none in observability mode or after
    /// an immediate response).
    /// </summary>
    /// <exception cref="ProtocolViolationException">The message breaks Envoy's protocol (body before headers after
    /// end_of_stream, a second headers message, an unknown oneof case) or a body cannot be handled safely.</exception>
    public void Handle(ProcessingRequest message, List<ProcessingResponse> replies)
    {
        ObjectDisposedException.ThrowIf(_pool is not null && !_rented, this);
        if (_completed)
        {
            return;
        }

        if (!_protocolConfigSeen && message.ProtocolConfig is { } config)
        {
            _protocolConfigSeen = true;
            _request.Mode = ToBodyMode(config.RequestBodyMode);
            _response.Mode = ToBodyMode(config.ResponseBodyMode);
        }

        var observability = message.ObservabilityMode;
        var firstReply = replies.Count;
        switch (message.RequestCase)
        {
            case ProcessingRequest.RequestOneofCase.RequestHeaders:
                OnHeaders(_request, message.RequestHeaders, message, replies);
                break;
            case ProcessingRequest.RequestOneofCase.ResponseHeaders:
                OnHeaders(_response, message.ResponseHeaders, message, replies);
                break;
            case ProcessingRequest.RequestOneofCase.RequestBody:
                OnBody(_request, message.RequestBody, message, observability, replies);
                break;
            case ProcessingRequest.RequestOneofCase.ResponseBody:
                OnBody(_response, message.ResponseBody, message, observability, replies);
                break;
            case ProcessingRequest.RequestOneofCase.RequestTrailers:
                OnTrailers(_request, observability, replies);
                break;
            case ProcessingRequest.RequestOneofCase.ResponseTrailers:
                OnTrailers(_response, observability, replies);
                break;
            default:
                throw new ProtocolViolationException(
                    "unknown_message", "ProcessingRequest carries no request message this server knows (empty or newer oneof case).");
        }

        if (observability)
        {
            // Envoy ignores every reply in observability mode (extproc-protocol.md §6): send none.
            replies.RemoveRange(firstReply, replies.Count - firstReply);
        }
    }

    /// <summary>
    /// Checks that the client ended its request stream at a point where nothing is pending. A body that has started
    /// but not ended, with bytes held back, would otherwise be lost or forwarded unredacted.
    /// </summary>
    /// <exception cref="ProtocolViolationException">A body is still in progress with held-back bytes.</exception>
    public void OnRequestStreamEnded()
    {
        if (_completed)
        {
            return;
        }

        foreach (var state in (ReadOnlySpan<DirectionState>)[_request, _response])
        {
            if (state.BodyStarted && !state.Ended && HasPendingBytes(state))
            {
                throw new ProtocolViolationException(
                    "stream_ended_mid_body",
                    $"The {DirectionName(state.Direction)} stream ended while its body was still being processed; held-back bytes cannot be released.");
            }
        }
    }

    /// <summary>
    /// True when <paramref name="message"/> is a body message of at least <paramref name="thresholdBytes"/> that will
    /// be answered under Envoy's per-message timer (not FULL_DUPLEX_STREAMED, not observability mode, stream not
    /// completed): the service then asks for more time before scanning it.
    /// </summary>
    public bool NeedsMoreTime(ProcessingRequest message, int thresholdBytes)
    {
        if (thresholdBytes <= 0 || _completed || message.ObservabilityMode)
        {
            return false;
        }

        var (state, body) = message.RequestCase switch
        {
            ProcessingRequest.RequestOneofCase.RequestBody => (_request, message.RequestBody),
            ProcessingRequest.RequestOneofCase.ResponseBody => (_response, message.ResponseBody),
            _ => (null, null),
        };
        return state is not null && body is not null && body.Body.Length >= thresholdBytes
            && state.Mode != BodyMode.FullDuplexStreamed && state.Handling != BodyHandling.PassThrough;
    }

    /// <summary>Resets the pooled output buffers once the replies that wrap them have been written.</summary>
    public void OnRepliesWritten()
    {
        foreach (var state in (ReadOnlySpan<DirectionState>)[_request, _response])
        {
            state.RepliesWritten();
            state.Output.Reset();
            if ((state.Ended || state.CollectedReleased) && state.CollectedCount > 0)
            {
                state.Collected.Reset();
            }
        }
    }

    /// <summary>
    /// Returns pooled buffers and ends open scan sessions; a rented stream (<see cref="Rent"/>) is then reset and goes
    /// back to its pool, once: later calls do nothing.
    /// </summary>
    public void Dispose()
    {
        if (_pool is null)
        {
            _request.Dispose();
            _response.Dispose();
            return;
        }

        if (!_rented)
        {
            return;
        }

        _rented = false;
        _request.Reset();
        _response.Reset();
        _route = StreamRoute.Unknown;
        _requestIdHeader = null;
        _requestId = null;
        _protocolConfigSeen = false;
        _completed = false;
        _policy = null!;
        _telemetry = NullProcessingTelemetry.Instance;
        _policyHeader = null;
        if (!_pool.Return(this))
        {
            // Not kept: the arrays its writers retained go back to the shared pool.
            _request.Dispose();
            _response.Dispose();
            _pool = null;
        }
    }

    private void OnHeaders(DirectionState state, HttpHeaders headers, ProcessingRequest message, List<ProcessingResponse> replies)
    {
        if (state.HeadersSeen || state.BodyStarted)
        {
            throw new ProtocolViolationException(
                "duplicate_headers", $"A second {DirectionName(state.Direction)} headers message, or headers after body, on one stream.");
        }

        state.HeadersSeen = true;
        var map = headers.Headers;
        if (state.Direction == Direction.Request)
        {
            // Decoded only when a report needs it (RequestId): most bodies have no findings.
            _requestIdHeader = HeaderValues.Find(map, "x-request-id");
            _requestId = null;
        }

        CaptureRoute(message, map);
        var contentType = HeaderValues.GetRepeatedString(map, "content-type");
        ResolvePolicy(state, contentType);
        var policy = state.Policy!;
        // Parsed from the header's bytes, so no string is allocated.
        var contentLengthHeader = HeaderValues.Find(map, "content-length");
        state.ContentLength = contentLengthHeader is not null
            && long.TryParse(HeaderValues.Bytes(contentLengthHeader), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var contentLength)
            && contentLength >= 0
                ? contentLength
                : -1;
        if (headers.EndOfStream)
        {
            // No body and no trailers follow for this direction, whatever the body mode (extproc-protocol.md §1.2).
            state.Ended = true;
        }

        var encoding = BodyCodec.Normalize(HeaderValues.GetRepeatedString(map, "content-encoding"));
        ProcessingMode? modeOverride = null;
        if (ContentClassifier.IsUnscannable(contentType)
            || (!string.IsNullOrEmpty(contentType) && policy.ScansContentType is { } scans && !scans(contentType)))
        {
            state.Handling = BodyHandling.PassThrough;
            if (!state.Ended)
            {
                _telemetry.BodySkipped(state.Direction, policy.RuleName, SkipReason.ContentType);
                modeOverride = SkipBodyOverride(state.Direction);
            }
        }
        else if (encoding is null)
        {
            if (!state.Ended)
            {
                _telemetry.BodySkipped(state.Direction, policy.RuleName, SkipReason.Encoding);
                if (policy.BlockUnknownEncoding)
                {
                    Complete(replies, ProcessingResponses.Immediate(
                        415,
                        """{"error":"unsupported_content_encoding","message":"The body's content-encoding cannot be scanned for personal data."}""",
                        "pii_ext_proc_unsupported_encoding"));
                    return;
                }

                state.Handling = BodyHandling.PassThrough;
            }
        }
        else
        {
            state.Format = ContentClassifier.FormatOf(contentType);
            if (encoding.Length > 0)
            {
                state.ContentEncoding = encoding;
                state.Handling = BodyHandling.DecodeWhole;
            }
        }

        var mutation = HeaderScanner.Scan(map, policy, state.Direction, _telemetry, _policy.Version, _requestIdHeader, out var blocked);
        if (blocked)
        {
            Complete(replies, BlockResponse(policy));
            return;
        }

        replies.Add(ProcessingResponses.Headers(state.Direction, mutation, modeOverride));
    }

    private void OnBody(DirectionState state, HttpBody body, ProcessingRequest message, bool observability, List<ProcessingResponse> replies)
    {
        if (state.Ended)
        {
            throw new ProtocolViolationException(
                "body_after_end", $"A {DirectionName(state.Direction)} body message after end_of_stream on that direction.");
        }

        if (state.Policy is null)
        {
            // Header mode SKIP: the body is the first message of this direction (conformance case 3).
            CaptureRoute(message, null);
            ResolvePolicy(state, contentType: null);
        }

        var firstBodyMessage = !state.BodyStarted;
        state.BodyStarted = true;
        if (body.EndOfStream)
        {
            state.Ended = true;
        }

        var mode = state.Mode;
        var wholeBody = mode is BodyMode.Buffered or BodyMode.BufferedPartial
            || (firstBodyMessage && body.EndOfStream && mode is not BodyMode.FullDuplexStreamed);
        var final = body.EndOfStream || mode is BodyMode.Buffered or BodyMode.BufferedPartial;
        var bytes = body.Body.Memory;
        state.BytesReceived += bytes.Length;

        if (observability)
        {
            ObserveBody(state, bytes, body.EndOfStream);
            return;
        }

        switch (state.Handling)
        {
            case BodyHandling.PassThrough:
                replies.Add(mode == BodyMode.FullDuplexStreamed
                    ? ProcessingResponses.StreamedBody(state.Direction, bytes, body.EndOfStream)
                    : ProcessingResponses.Body(state.Direction, null, null));
                break;
            case BodyHandling.DecodeWhole:
                OnCompressedBody(state, bytes, final, wholeBody, body.EndOfStream, replies);
                break;
            default:
                OnScannedBody(state, bytes, final, wholeBody, body.EndOfStream, replies);
                break;
        }

        if (!_completed && mode == BodyMode.BufferedPartial && !body.EndOfStream && !state.Ended)
        {
            // Envoy sent only the part up to its buffer limit; the rest will flow through unscanned (§1.3).
            state.Ended = true;
            OnUnscannable(state, replies, "The body is larger than the proxy's buffer limit; the remainder cannot be scanned.");
        }
    }

    private void OnScannedBody(DirectionState state, ReadOnlyMemory<byte> bytes, bool final, bool wholeBody, bool endOfStream, List<ProcessingResponse> replies)
    {
        var policy = state.Policy!;
        if (state.BytesReceived > policy.MaxBodyBytes)
        {
            OnOversize(state, bytes, endOfStream, replies);
            return;
        }

        // STREAMED bodies always hold back what a later chunk could still change, even when trailers may end the body:
        // if they do while bytes are held, OnTrailers fails the stream closed (README "STREAMED with trailers"), since
        // scanning chunks alone would forward chunk-split PII unredacted.
        var session = state.Session ??= RentStreamingSession(state, policy, bytes.Span);
        state.Output.ExpectedBytes = state.HeldBytes + bytes.Length;
        var result = session.Process(bytes.Span, final, state.Output);
        state.HeldBytes = result.BytesHeld;
        state.BytesScanned += bytes.Length;
        if (result.BlockRequested)
        {
            FinishSession(state, blocked: true);
            Complete(replies, BlockResponse(policy));
            return;
        }

        if (final)
        {
            FinishSession(state, blocked: false);
        }

        if (state.Mode == BodyMode.FullDuplexStreamed)
        {
            if (result.IsUnchanged)
            {
                replies.Add(state.Replies.StreamedBody(bytes, endOfStream));
            }
            else if (state.Output.WrittenCount > 0 || endOfStream)
            {
                replies.Add(state.Replies.StreamedBody(state.Output.WrittenMemory, endOfStream));
            }

            return;
        }

        if (result.IsUnchanged)
        {
            replies.Add(ProcessingResponses.Body(state.Direction, null, null));
            return;
        }

        var contentLength = wholeBody ? ContentLengthToSet(state, state.Output.WrittenCount) : null;
        replies.Add(state.Replies.Body(state.Output.WrittenMemory, contentLength));
    }

    /// <summary>
    /// Rents the session of a body scanned as it arrives. In STREAMED (and without protocol_config) it releases settled
    /// bytes (BodyScanSession.ReleaseSettledBytes): a clean chunk is then answered without a body mutation instead of
    /// shifted by a held tail. FULL_DUPLEX_STREAMED replies carry the bytes either way, so it keeps the plain hold there.
    /// </summary>
    private static BodyScanSession RentStreamingSession(DirectionState state, DirectionPolicy policy, ReadOnlySpan<byte> firstBytes)
    {
        var session = policy.Scanner.RentSession(state.Format ?? RoutePolicy.SniffBodyFormat(firstBytes));
        session.ReleaseSettledBytes = state.Mode is BodyMode.Streamed or BodyMode.Unknown;
        return session;
    }

    private void OnCompressedBody(DirectionState state, ReadOnlyMemory<byte> bytes, bool final, bool wholeBody, bool endOfStream, List<ProcessingResponse> replies)
    {
        var policy = state.Policy!;
        if (state.BytesReceived > policy.MaxBodyBytes)
        {
            OnOversize(state, bytes, endOfStream, replies);
            return;
        }

        bytes.Span.CopyTo(state.Collected.GetSpan(bytes.Length));
        state.Collected.Advance(bytes.Length);
        if (!final)
        {
            // Hold the compressed bytes until the body ends; the chunk is answered with an empty replacement.
            if (state.Mode != BodyMode.FullDuplexStreamed)
            {
                replies.Add(ProcessingResponses.Body(state.Direction, ReadOnlyMemory<byte>.Empty, null));
            }

            return;
        }

        // From here on the collected bytes are only the reply's (or nothing); trailers may still follow.
        state.CollectedReleased = true;
        using var plain = new PooledBufferWriter();
        if (!BodyCodec.TryDecode(state.ContentEncoding!, state.Collected.WrittenMemory, policy.MaxBodyBytes, plain))
        {
            _telemetry.BodySkipped(state.Direction, policy.RuleName, SkipReason.Size);
            if (policy.FailClosedWhenUnscannable)
            {
                state.Collected.Reset();
                Complete(replies, ProcessingResponses.Immediate(
                    413,
                    """{"error":"body_not_scannable","message":"The compressed body is corrupt or decodes beyond the size limit."}""",
                    "pii_ext_proc_decode_limit"));
                return;
            }

            // Fail open: forward the collected compressed bytes as they came (released after the reply is written).
            ReplyWhole(state, state.Collected.WrittenMemory, changed: state.Collected.WrittenCount != bytes.Length, wholeBody, endOfStream, replies);
            return;
        }

        var session = policy.Scanner.RentSession(state.Format ?? RoutePolicy.SniffBodyFormat(plain.WrittenMemory.Span));
        state.Session = session;
        var result = session.Process(plain.WrittenMemory.Span, isFinal: true, state.Output);
        state.BytesScanned += plain.WrittenCount;
        FinishSession(state, result.BlockRequested);
        if (result.BlockRequested)
        {
            Complete(replies, BlockResponse(policy));
            return;
        }

        var collectedIsThisChunk = state.Collected.WrittenCount == bytes.Length;
        if (result.IsUnchanged)
        {
            ReplyWhole(state, state.Collected.WrittenMemory, changed: !collectedIsThisChunk, wholeBody, endOfStream, replies);
        }
        else
        {
            // The collected compressed input is no longer needed: re-encode the redacted body into its buffer.
            BodyCodec.Encode(state.ContentEncoding!, state.Output.WrittenMemory.Span, state.Collected);
            ReplyWhole(state, state.Collected.WrittenMemory, changed: true, wholeBody, endOfStream, replies);
        }
    }

    private static void ReplyWhole(DirectionState state, ReadOnlyMemory<byte> bytes, bool changed, bool wholeBody, bool endOfStream, List<ProcessingResponse> replies)
    {
        if (state.Mode == BodyMode.FullDuplexStreamed)
        {
            replies.Add(state.Replies.StreamedBody(bytes, endOfStream));
            return;
        }

        if (!changed)
        {
            replies.Add(ProcessingResponses.Body(state.Direction, null, null));
            return;
        }

        var contentLength = wholeBody ? ContentLengthToSet(state, bytes.Length) : null;
        replies.Add(state.Replies.Body(bytes, contentLength));
    }

    private void OnOversize(DirectionState state, ReadOnlyMemory<byte> bytes, bool endOfStream, List<ProcessingResponse> replies)
    {
        var policy = state.Policy!;
        _telemetry.BodySkipped(state.Direction, policy.RuleName, SkipReason.Size);
        if (policy.FailClosedWhenUnscannable)
        {
            FinishSession(state, blocked: true);
            Complete(replies, ProcessingResponses.Immediate(
                413,
                """{"error":"body_too_large","message":"The body exceeds the size this gateway scans for personal data."}""",
                "pii_ext_proc_body_too_large"));
            return;
        }

        // Fail open: release what is held (scanned as a final chunk), then pass everything after it unchanged.
        var session = state.Session;
        state.Handling = BodyHandling.PassThrough;
        if (session is not null)
        {
            var result = session.Process(bytes.Span, isFinal: true, state.Output);
            FinishSession(state, blocked: false);
            if (!result.IsUnchanged)
            {
                replies.Add(state.Mode == BodyMode.FullDuplexStreamed
                    ? ProcessingResponses.StreamedBody(state.Direction, state.Output.WrittenMemory, endOfStream)
                    : ProcessingResponses.Body(state.Direction, state.Output.WrittenMemory, null));
                return;
            }
        }

        replies.Add(state.Mode == BodyMode.FullDuplexStreamed
            ? ProcessingResponses.StreamedBody(state.Direction, bytes, endOfStream)
            : ProcessingResponses.Body(state.Direction, null, null));
    }

    private void OnUnscannable(DirectionState state, List<ProcessingResponse> replies, string message)
    {
        var policy = state.Policy!;
        _telemetry.BodySkipped(state.Direction, policy.RuleName, SkipReason.Size);
        if (!policy.FailClosedWhenUnscannable)
        {
            return;
        }

        // The headers are still held in BUFFERED_PARTIAL, so the client sees the status (extproc-protocol.md §8).
        replies.Clear();
        Complete(replies, ProcessingResponses.Immediate(
            413, $$"""{"error":"body_not_scannable","message":"{{message}}"}""", "pii_ext_proc_partial_body"));
    }

    private void OnTrailers(DirectionState state, bool observability, List<ProcessingResponse> replies)
    {
        if (state.Ended && !(state.Mode == BodyMode.BufferedPartial && state.BodyStarted))
        {
            throw new ProtocolViolationException(
                "trailers_after_end", $"{DirectionName(state.Direction)} trailers after end_of_stream on that direction.");
        }

        state.Ended = true;
        if (state.Policy is null)
        {
            ResolvePolicy(state, contentType: null);
        }

        if (observability)
        {
            if (state.Session is not null)
            {
                ObserveBody(state, ReadOnlyMemory<byte>.Empty, endOfStream: true);
            }

            return;
        }

        if (state.Session is not null || (state.CollectedCount > 0 && !state.CollectedReleased))
        {
            if (state.Mode == BodyMode.FullDuplexStreamed)
            {
                // In FDS the server owns the body: flush what is held, then answer the trailers (§2.1).
                FlushFullDuplex(state, replies);
                if (_completed)
                {
                    return;
                }
            }
            else if (HasPendingBytes(state))
            {
                // STREAMED: a TrailersResponse cannot carry body bytes (§3.3), so a held tail can never be released.
                throw new ProtocolViolationException(
                    "trailers_with_held_body",
                    $"The {DirectionName(state.Direction)} body ended with trailers while bytes were held back for scanning; they cannot be released in STREAMED mode. Use BUFFERED or FULL_DUPLEX_STREAMED for bodies with trailers.");
            }
            else if (EndScan(state, replies))
            {
                // Everything was released, but the session may still hold settled bytes to parse: ending its scan makes a
                // finding that reaches into released bytes end the stream (ReleasedBytesChangedException) instead of
                // passing unnoticed, and counts the findings of the last record. (Without a session, held collected
                // bytes are pending bytes: the branch above.)
                return;
            }
        }

        replies.Add(ProcessingResponses.Trailers(state.Direction));
    }

    private void FlushFullDuplex(DirectionState state, List<ProcessingResponse> replies)
    {
        if (state.Handling == BodyHandling.DecodeWhole)
        {
            OnCompressedBody(state, ReadOnlyMemory<byte>.Empty, final: true, wholeBody: false, endOfStream: false, replies);
            return;
        }

        if (EndScan(state, replies))
        {
            return;
        }

        if (state.Output.WrittenCount > 0)
        {
            replies.Add(ProcessingResponses.StreamedBody(state.Direction, state.Output.WrittenMemory, endOfStream: false));
        }
    }

    /// <summary>
    /// Ends the scan of a body that ended without a final chunk (trailers): the session processes an empty final chunk
    /// into <c>state.Output</c> and is finished. True when a finding asked to block: the exchange is then answered with
    /// the block response and nothing else may be added.
    /// </summary>
    private bool EndScan(DirectionState state, List<ProcessingResponse> replies)
    {
        var result = state.Session!.Process(ReadOnlySpan<byte>.Empty, isFinal: true, state.Output);
        state.HeldBytes = 0;
        FinishSession(state, result.BlockRequested);
        if (result.BlockRequested)
        {
            Complete(replies, BlockResponse(state.Policy!));
        }

        return result.BlockRequested;
    }

    private void ObserveBody(DirectionState state, ReadOnlyMemory<byte> bytes, bool endOfStream)
    {
        // Observability mode: Envoy sends STREAMED copies and ignores replies; scan for reporting only.
        var policy = state.Policy!;
        if (state.Handling == BodyHandling.PassThrough || state.BytesReceived > policy.MaxBodyBytes)
        {
            return;
        }

        var session = state.Session ??= policy.Scanner.RentSession(state.Format ?? RoutePolicy.SniffBodyFormat(bytes.Span));
        session.Process(bytes.Span, endOfStream, state.Output);
        state.Output.Reset();
        state.BytesScanned += bytes.Length;
        if (endOfStream)
        {
            FinishSession(state, blocked: false);
        }
    }

    private void FinishSession(DirectionState state, bool blocked)
    {
        var session = state.Session;
        if (session is null)
        {
            return;
        }

        _telemetry.BodyScanned(new BodyScanReport(
            state.Direction,
            state.RuleName,
            _policy.Version,
            session.FindingCount == 0 ? null : RequestId,
            session.BytesScanned,
            ReportFindings.CopyOf(session.Findings),
            session.FindingCount,
            blocked,
            state.Policy?.Scanner.Options.Entities));
        session.Dispose();
        state.Session = null;
    }

    /// <summary>The x-request-id of the request headers, decoded at first use; null when absent.</summary>
    private string? RequestId => _requestId ??= HeaderValues.ToText(_requestIdHeader);

    private void Complete(List<ProcessingResponse> replies, ProcessingResponse immediate)
    {
        replies.Add(immediate);
        _completed = true;
    }

    private static ProcessingResponse BlockResponse(DirectionPolicy policy)
        => ProcessingResponses.Immediate(policy.BlockStatus, policy.BlockBody, "pii_ext_proc_blocked");

    private void ResolvePolicy(DirectionState state, string? contentType)
        => state.Policy = _policy.Resolve(_route, state.Direction, contentType);

    private void CaptureRoute(ProcessingRequest message, Envoy.Config.Core.V3.HeaderMap? headers)
    {
        // Route name precedence (POLICY.md): the x-pii-policy gRPC initial metadata an operator sets per route, then
        // metadata_context["pii_ext_proc"]["policy"], then the xds.route_name attribute.
        var routeName = _route.RouteName ?? _policyHeader;
        var path = _route.Path;
        if (routeName is null
            && message.MetadataContext?.FilterMetadata.TryGetValue(MetadataNamespace, out var metadata) == true
            && metadata.Fields.TryGetValue(MetadataKey, out var metadataRoute)
            && metadataRoute.StringValue.Length > 0)
        {
            routeName = metadataRoute.StringValue;
        }

        if (message.Attributes.TryGetValue(AttributesKey, out var attributes))
        {
            if (routeName is null && attributes.Fields.TryGetValue("xds.route_name", out var name) && name.StringValue.Length > 0)
            {
                routeName = name.StringValue;
            }

            if (path is null && attributes.Fields.TryGetValue("request.path", out var attributePath) && attributePath.StringValue.Length > 0)
            {
                path = attributePath.StringValue;
            }
        }

        var authority = _route.Authority ?? HeaderValues.GetRepeatedString(headers, ":authority");
        path ??= HeaderValues.GetString(headers, ":path");
        var method = _route.Method ?? HeaderValues.GetRepeatedString(headers, ":method");
        if (!ReferenceEquals(routeName, _route.RouteName) || !ReferenceEquals(authority, _route.Authority)
            || !ReferenceEquals(path, _route.Path) || !ReferenceEquals(method, _route.Method))
        {
            // Allocate a new route only when this message taught us something (usually only the request headers do).
            _route = new StreamRoute(routeName, authority, path, method);
        }
    }

    private ProcessingMode? SkipBodyOverride(Direction direction)
    {
        // Body modes in an override are copied verbatim and an unset one means NONE, for both directions (§5): keep the
        // other direction's mode, which is only known from protocol_config. Without it, skip only a response body
        // once the request body is over, else let Envoy send the body and pass it unchanged.
        if (direction == Direction.Request)
        {
            if (!_protocolConfigSeen)
            {
                return null;
            }

            return new ProcessingMode
            {
                RequestBodyMode = ProcessingMode.Types.BodySendMode.None,
                ResponseBodyMode = ToSendMode(_response.Mode),
            };
        }

        if (!_protocolConfigSeen && !(_request.Ended || !_request.BodyStarted))
        {
            return null;
        }

        return new ProcessingMode
        {
            RequestBodyMode = _protocolConfigSeen ? ToSendMode(_request.Mode) : ProcessingMode.Types.BodySendMode.None,
            ResponseBodyMode = ProcessingMode.Types.BodySendMode.None,
        };
    }

    /// <summary>
    /// The content-length a BUFFERED body reply must set once the body is replaced by <paramref name="length"/> bytes:
    /// none when the headers had no content-length or when it already says <paramref name="length"/> (masking keeps
    /// lengths), else <paramref name="length"/> (extproc-protocol.md §3.3).
    /// </summary>
    private static int? ContentLengthToSet(DirectionState state, int length)
        => !state.HasContentLength || state.ContentLength == length ? null : length;

    private static bool HasPendingBytes(DirectionState state)
        => (state.CollectedCount > 0 && !state.CollectedReleased) || (state.Session is not null && state.HeldBytes > 0);

    private static string DirectionName(Direction direction) => direction == Direction.Request ? "request" : "response";

    private static BodyMode ToBodyMode(ProcessingMode.Types.BodySendMode mode) => mode switch
    {
        ProcessingMode.Types.BodySendMode.None => BodyMode.None,
        ProcessingMode.Types.BodySendMode.Streamed => BodyMode.Streamed,
        ProcessingMode.Types.BodySendMode.Buffered => BodyMode.Buffered,
        ProcessingMode.Types.BodySendMode.BufferedPartial => BodyMode.BufferedPartial,
        ProcessingMode.Types.BodySendMode.FullDuplexStreamed => BodyMode.FullDuplexStreamed,
        _ => BodyMode.Unknown, // GRPC (5) and later values: handled as unknown, i.e. STREAMED semantics.
    };

    private static ProcessingMode.Types.BodySendMode ToSendMode(BodyMode mode) => mode switch
    {
        BodyMode.Streamed => ProcessingMode.Types.BodySendMode.Streamed,
        BodyMode.Buffered => ProcessingMode.Types.BodySendMode.Buffered,
        BodyMode.BufferedPartial => ProcessingMode.Types.BodySendMode.BufferedPartial,
        BodyMode.FullDuplexStreamed => ProcessingMode.Types.BodySendMode.FullDuplexStreamed,
        _ => ProcessingMode.Types.BodySendMode.None,
    };
}
