using Envoy.Extensions.Filters.Http.ExtProc.V3;
using Envoy.Service.ExtProc.V3;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using BodySendMode = Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types.BodySendMode;
using HeaderSendMode = Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types.HeaderSendMode;

namespace PiiExtProc.Tests.Emulator;

/// <summary>
/// An emulated Envoy ext_proc filter for one HTTP exchange, written from extproc-protocol.md (not from the server):
/// per-direction callback states, Envoy's sending rules per mode (§1), reply handling (§2-§5, §8, §10), timers (§7),
/// fail-open/fail-closed verdicts and the side-stream close (§1.1). Single-threaded like an Envoy worker: replies are
/// processed only at Settle/Poll points and while Envoy waits, which makes every interleaving reproducible.
/// </summary>
internal sealed class EnvoyEmulator
{
    private const string AttributesKey = "envoy.filters.http.ext_proc";

    private readonly EnvoyOptions _options;
    private readonly Func<IExtProcTransport> _transportFactory;
    private readonly Verdict _verdict = new();
    private readonly EmulatedDirection _request;
    private readonly EmulatedDirection _response;
    private IExtProcTransport? _transport;
    private bool _sideStreamGone;
    private bool _bypass;
    private bool _over;
    private bool _firstMessageSent;

    public EnvoyEmulator(EnvoyOptions options, Func<IExtProcTransport> transportFactory)
    {
        _options = options;
        _transportFactory = transportFactory;
        var mode = options.Mode;
        _request = new EmulatedDirection(HttpDirection.Request, _verdict.Request, mode.RequestHeaderMode, mode.RequestBodyMode, mode.RequestTrailerMode);
        _response = new EmulatedDirection(HttpDirection.Response, _verdict.Response, mode.ResponseHeaderMode, mode.ResponseBodyMode, mode.ResponseTrailerMode);
    }

    /// <summary>Runs <paramref name="exchange"/> against the real server behind <paramref name="channel"/>.</summary>
    public static Task<Verdict> RunAsync(GrpcChannel channel, EnvoyOptions options, HttpExchange exchange)
        => new EnvoyEmulator(options, () => new GrpcExtProcTransport(channel, options.InitialMetadata)).RunAsync(exchange);

    public async Task<Verdict> RunAsync(HttpExchange exchange)
    {
        try
        {
            foreach (var step in exchange.Steps)
            {
                if (_over)
                {
                    break;
                }

                await StepAsync(step);
            }

            if (!_over)
            {
                await SettleAsync();
            }

            await FinishAsync();
        }
        finally
        {
            if (_transport is not null)
            {
                await _transport.DisposeAsync();
            }
        }

        return _verdict;
    }

    private EmulatedDirection Of(HttpDirection direction) => direction == HttpDirection.Request ? _request : _response;

    private async Task StepAsync(HttpStep step)
    {
        var d = Of(step.Direction);
        switch (step.Kind)
        {
            case HttpStepKind.Headers:
                if (step.Direction == HttpDirection.Response)
                {
                    // The upstream can only answer once the request headers were forwarded to it.
                    await PumpUntilAsync(() => _request.Out.Headers is not null);
                    if (_over)
                    {
                        return;
                    }
                }

                await OnHttpHeadersAsync(d, step.Headers!, step.EndOfStream);
                break;
            case HttpStepKind.Data:
                await OnHttpDataAsync(d, step.Data!, step.EndOfStream);
                break;
            case HttpStepKind.Trailers:
                await OnHttpTrailersAsync(d, step.Headers!);
                break;
            case HttpStepKind.Settle:
                await SettleAsync();
                break;
            case HttpStepKind.Poll:
                await PollAsync();
                break;
            case HttpStepKind.DownstreamReset:
                _verdict.Warnings.Add("downstream client reset the HTTP stream");
                if (_transport is not null && !_sideStreamGone)
                {
                    _sideStreamGone = true;
                    await _transport.ResetAsync();
                }

                _over = true;
                break;
        }
    }

    // ---------------------------------------------------------------- HTTP events (the filter callbacks)

    private async Task OnHttpHeadersAsync(EmulatedDirection d, HttpHeaderList headers, bool endOfStream)
    {
        d.HeadersSeen = true;
        d.Headers = headers.Clone();
        d.NoBody = endOfStream;
        if (_bypass)
        {
            ForwardHeaders(d);
            return;
        }

        // Content-length is removed right after the headers message is built, with the mode in force (§3.3).
        var removeContentLength = !endOfStream
            && (d.BodyMode is BodySendMode.Streamed or BodySendMode.BufferedPartial or BodySendMode.FullDuplexStreamed
                || (d.BodyMode == BodySendMode.Buffered && d.HeaderMode == HeaderSendMode.Skip));
        if (d.HeaderMode == HeaderSendMode.Send)
        {
            var message = d.Direction == HttpDirection.Request
                ? new ProcessingRequest { RequestHeaders = new HttpHeaders { Headers = headers.ToHeaderMap(), EndOfStream = endOfStream } }
                : new ProcessingRequest { ResponseHeaders = new HttpHeaders { Headers = headers.ToHeaderMap(), EndOfStream = endOfStream } };
            RemoveContentLength(d, removeContentLength);
            if (_options.ObservabilityMode)
            {
                await SendAsync(d, message, needsReply: false);
                ForwardHeaders(d);
                return;
            }

            d.State = CallbackState.HeadersCallback;
            await SendAsync(d, message, needsReply: true);
            return;
        }

        RemoveContentLength(d, removeContentLength);
        ForwardHeaders(d);
        if (!_options.ObservabilityMode)
        {
            await AfterHeadersAsync(d);
        }
    }

    private static void RemoveContentLength(EmulatedDirection d, bool remove)
    {
        if (remove)
        {
            d.Headers!.Remove("content-length");
            d.ContentLengthRemoved = true;
        }
    }

    private async Task OnHttpDataAsync(EmulatedDirection d, byte[] bytes, bool endOfStream)
    {
        d.AnyData = true;
        if (_bypass)
        {
            ForwardHeaders(d);
            ForwardData(d, bytes, endOfStream, unprocessed: d.BodyMode != BodySendMode.None && !d.PassBody);
            return;
        }

        if (_options.ObservabilityMode)
        {
            if (d.BodyMode == BodySendMode.Streamed)
            {
                await SendAsync(d, BodyMessage(d, bytes, endOfStream), needsReply: false);
            }
            else if (d.BodyMode != BodySendMode.None)
            {
                _verdict.Warnings.Add($"observability mode sends bodies only in STREAMED; {d.BodyMode} body not sent (§6)");
            }

            ForwardData(d, bytes, endOfStream, unprocessed: false);
            return;
        }

        if (d.DiscardBody || d.PassBody || d.BodyMode == BodySendMode.None)
        {
            if (d.State == CallbackState.HeadersCallback || d.Out.Headers is null)
            {
                Hold(d, bytes, endOfStream);
            }
            else
            {
                ForwardData(d, d.DiscardBody ? [] : bytes, endOfStream, unprocessed: false);
            }

            return;
        }

        switch (d.BodyMode)
        {
            case BodySendMode.Buffered:
                Hold(d, bytes, endOfStream);
                if (d.Held.Length > _options.BufferLimitBytes)
                {
                    await OverBufferLimitAsync(d);
                    return;
                }

                if (d.State == CallbackState.Idle && endOfStream && !d.BodySent)
                {
                    await SendWholeBodyAsync(d, endOfStream: true, CallbackState.BufferedBodyCallback);
                }

                break;
            case BodySendMode.BufferedPartial:
                if (d.PartialBodyProcessed)
                {
                    d.Out.UnscannedRemainderBytes += bytes.Length;
                    ForwardData(d, bytes, endOfStream, unprocessed: false);
                    return;
                }

                if (d.State == CallbackState.BufferedPartialBodyCallback)
                {
                    d.PartialQueued.Write(bytes);
                    d.PartialQueuedEnd |= endOfStream;
                    return;
                }

                Hold(d, bytes, endOfStream);
                if (d.State == CallbackState.HeadersCallback)
                {
                    return;
                }

                if (endOfStream)
                {
                    await SendWholeBodyAsync(d, endOfStream: true, CallbackState.BufferedPartialBodyCallback);
                }
                else if (d.Held.Length > _options.BufferLimitBytes)
                {
                    await SendWholeBodyAsync(d, endOfStream: false, CallbackState.BufferedPartialBodyCallback);
                }

                break;
            case BodySendMode.Streamed:
                if (d.State is CallbackState.HeadersCallback && !_options.SendBodyWithoutWaitingForHeaderResponse)
                {
                    // Held while the headers reply is pending, then sent as one chunk (§1.3).
                    Hold(d, bytes, endOfStream);
                    return;
                }

                await SendChunkAsync(d, bytes, endOfStream);
                break;
            case BodySendMode.FullDuplexStreamed:
                await SendChunkAsync(d, bytes, endOfStream);
                break;
            default:
                // GRPC (5) and unknown modes: Envoy's onData default branch treats them like NONE (§1.3).
                ForwardData(d, bytes, endOfStream, unprocessed: false);
                break;
        }
    }

    private async Task OnHttpTrailersAsync(EmulatedDirection d, HttpHeaderList trailers)
    {
        d.TrailersArrived = true;
        d.Trailers = trailers.Clone();
        if (_bypass)
        {
            ForwardHeaders(d);
            ForwardTrailers(d);
            return;
        }

        if (_options.ObservabilityMode)
        {
            if (d.TrailerMode == HeaderSendMode.Send)
            {
                await SendAsync(d, TrailersMessage(d), needsReply: false);
            }

            ForwardTrailers(d);
            return;
        }

        if (d.IsFullDuplex && !d.DiscardBody && !d.PassBody)
        {
            // FDS: trailers go out at once, even with replies outstanding (§1.3).
            if (d.TrailerMode == HeaderSendMode.Send)
            {
                d.FdsTrailersSent = true;
                await SendAsync(d, TrailersMessage(d), needsReply: false);
            }
            else
            {
                ForwardTrailers(d);
            }

            return;
        }

        if (d.State != CallbackState.Idle || d.Chunks.Count > 0)
        {
            return; // held until the outstanding reply (headers, body, queue drain) arrives
        }

        if (d.BodyMode is BodySendMode.Buffered or BodySendMode.BufferedPartial && !d.BodySent && !d.PartialBodyProcessed && !d.DiscardBody && !d.PassBody && d.AnyData)
        {
            // The body ends with trailers: it is sent now with end_of_stream=false (§1.3).
            await SendWholeBodyAsync(d, endOfStream: false, d.BodyMode == BodySendMode.Buffered ? CallbackState.BufferedBodyCallback : CallbackState.BufferedPartialBodyCallback);
            return;
        }

        await FinishTrailersAsync(d);
    }

    private void Hold(EmulatedDirection d, byte[] bytes, bool endOfStream)
    {
        d.Held.Write(bytes);
        d.HeldEnd |= endOfStream;
    }

    private async Task OverBufferLimitAsync(EmulatedDirection d)
    {
        // §4: request → 413 before the server sees the body; response → 500, or a reset after headers went out.
        var status = d.Direction == HttpDirection.Request ? 413 : 500;
        await FailClosedAsync(status, d.Direction == HttpDirection.Request ? "request_payload_too_large" : "response_payload_too_large");
    }

    // ---------------------------------------------------------------- continuing after replies

    private async Task AfterHeadersAsync(EmulatedDirection d)
    {
        d.State = CallbackState.Idle;
        if (d.NoBody)
        {
            ForwardHeaders(d);
            return;
        }

        if (d.DiscardBody || d.PassBody || d.BodyMode is BodySendMode.None or (not BodySendMode.Buffered and not BodySendMode.BufferedPartial and not BodySendMode.Streamed and not BodySendMode.FullDuplexStreamed))
        {
            ForwardHeaders(d);
            if (d.Held.Length > 0 || d.HeldEnd)
            {
                ForwardData(d, d.DiscardBody ? [] : TakeHeld(d), d.HeldEnd, unprocessed: false);
            }

            if (d.TrailersArrived)
            {
                await FinishTrailersAsync(d);
            }

            return;
        }

        switch (d.BodyMode)
        {
            case BodySendMode.Buffered:
            case BodySendMode.BufferedPartial:
                var waitState = d.BodyMode == BodySendMode.Buffered ? CallbackState.BufferedBodyCallback : CallbackState.BufferedPartialBodyCallback;
                if (d.HeldEnd)
                {
                    await SendWholeBodyAsync(d, endOfStream: !d.TrailersArrived, waitState);
                }
                else if (d.TrailersArrived)
                {
                    if (d.AnyData)
                    {
                        await SendWholeBodyAsync(d, endOfStream: false, waitState);
                    }
                    else
                    {
                        ForwardHeaders(d);
                        await FinishTrailersAsync(d);
                    }
                }
                else if (d.BodyMode == BodySendMode.BufferedPartial && d.Held.Length > _options.BufferLimitBytes)
                {
                    await SendWholeBodyAsync(d, endOfStream: false, waitState);
                }

                break; // headers stay held until the body reply (§3.2)
            case BodySendMode.Streamed:
                if (d.HeaderMode == HeaderSendMode.Send && (d.HeldEnd || (d.TrailersArrived && d.AnyData)) && d.Chunks.Count == 0)
                {
                    // The whole body arrived before the headers reply: one "buffered" message, headers still held (§1.3).
                    await SendWholeBodyAsync(d, endOfStream: !d.TrailersArrived, CallbackState.BufferedBodyCallback);
                    break;
                }

                ForwardHeaders(d);
                if (d.Held.Length > 0)
                {
                    await SendChunkAsync(d, TakeHeld(d), endOfStream: false);
                }

                if (d.Chunks.Count > 0)
                {
                    d.State = CallbackState.StreamedBodyCallback;
                }
                else if (d.TrailersArrived)
                {
                    await FinishTrailersAsync(d);
                }

                break;
            case BodySendMode.FullDuplexStreamed:
                ForwardHeaders(d);
                break;
        }
    }

    private static byte[] TakeHeld(EmulatedDirection d)
    {
        var bytes = d.Held.ToArray();
        d.Held.SetLength(0);
        return bytes;
    }

    private async Task FinishTrailersAsync(EmulatedDirection d)
    {
        if (d.TrailersDone || !d.TrailersArrived)
        {
            return;
        }

        ForwardHeaders(d);
        if (d.TrailerMode == HeaderSendMode.Send && !d.DiscardBody && !d.PassBody)
        {
            d.State = CallbackState.TrailersCallback;
            await SendAsync(d, TrailersMessage(d), needsReply: true);
            return;
        }

        ForwardTrailers(d);
    }

    // ---------------------------------------------------------------- sending

    private async Task SendWholeBodyAsync(EmulatedDirection d, bool endOfStream, CallbackState state)
    {
        d.SentBody = TakeHeld(d);
        d.SentBodyEndOfStream = endOfStream;
        d.BodySent = true;
        d.State = state;
        await SendAsync(d, BodyMessage(d, d.SentBody, endOfStream), needsReply: true);
    }

    private async Task SendChunkAsync(EmulatedDirection d, byte[] bytes, bool endOfStream)
    {
        if (d.IsFullDuplex)
        {
            // Envoy keeps no copy in FDS: only what the server streams back is forwarded (§1.3).
            d.FdsChunksSent++;
            d.FdsClientEnded |= endOfStream;
            await SendAsync(d, BodyMessage(d, bytes, endOfStream), needsReply: false);
            return;
        }

        d.Chunks.Enqueue((bytes, endOfStream));
        if (d.State != CallbackState.HeadersCallback)
        {
            d.State = CallbackState.StreamedBodyCallback;
        }

        await SendAsync(d, BodyMessage(d, bytes, endOfStream), needsReply: true);
    }

    private static ProcessingRequest BodyMessage(EmulatedDirection d, byte[] bytes, bool endOfStream)
    {
        var body = new HttpBody { Body = ByteString.CopyFrom(bytes), EndOfStream = endOfStream };
        return d.Direction == HttpDirection.Request ? new ProcessingRequest { RequestBody = body } : new ProcessingRequest { ResponseBody = body };
    }

    private static ProcessingRequest TrailersMessage(EmulatedDirection d)
    {
        var trailers = new HttpTrailers { Trailers = d.Trailers!.ToHeaderMap() };
        return d.Direction == HttpDirection.Request ? new ProcessingRequest { RequestTrailers = trailers } : new ProcessingRequest { ResponseTrailers = trailers };
    }

    private async Task SendAsync(EmulatedDirection d, ProcessingRequest message, bool needsReply)
    {
        _transport ??= _transportFactory();
        if (!_firstMessageSent)
        {
            _firstMessageSent = true;
            if (_options.SendProtocolConfig && !_options.ObservabilityMode)
            {
                // The effective body modes, on the first message of the stream only (§1.1).
                message.ProtocolConfig = new ProtocolConfiguration
                {
                    RequestBodyMode = _request.BodyMode,
                    ResponseBodyMode = _response.BodyMode,
                    SendBodyWithoutWaitingForHeaderResponse = _options.SendBodyWithoutWaitingForHeaderResponse,
                };
            }
        }

        if (!d.AttributesSent)
        {
            // Attributes once per direction, on its first message (§9).
            d.AttributesSent = true;
            var attributes = d.Direction == HttpDirection.Request ? _options.RequestAttributes : _options.ResponseAttributes;
            if (attributes is not null)
            {
                message.Attributes[AttributesKey] = attributes;
            }
        }

        if (_options.MetadataContext is not null)
        {
            message.MetadataContext = _options.MetadataContext;
        }

        message.ObservabilityMode = _options.ObservabilityMode;
        if (needsReply && !_options.ObservabilityMode && !d.IsFullDuplex)
        {
            // One timer per direction, re-armed on each send (§7).
            d.Deadline = DateTime.UtcNow + _options.MessageTimeout;
            d.TimeoutOverridden = false;
        }

        _verdict.Sent.Add(message.Clone());
        await _transport.SendAsync(message);
    }

    // ---------------------------------------------------------------- forwarding

    private static void ForwardHeaders(EmulatedDirection d)
    {
        if (d.Out.Headers is not null || d.Headers is null)
        {
            return;
        }

        d.Out.Headers = d.Headers.Clone();
        if (d.NoBody)
        {
            d.Out.Ended = true;
        }
    }

    private static void ForwardData(EmulatedDirection d, byte[] bytes, bool endOfStream, bool unprocessed)
    {
        ForwardHeaders(d);
        if (d.DiscardBody)
        {
            bytes = [];
        }

        if (bytes.Length > 0)
        {
            d.Out.AppendBody(bytes);
            if (unprocessed)
            {
                d.Out.UnprocessedBytes += bytes.Length;
            }
        }

        if (endOfStream)
        {
            d.Out.Ended = true;
        }
    }

    private static void ForwardTrailers(EmulatedDirection d)
    {
        ForwardHeaders(d);
        d.Out.Trailers = d.Trailers?.Clone();
        d.Out.Ended = true;
        d.TrailersDone = true;
    }

    // ---------------------------------------------------------------- receiving

    private Task SettleAsync() => PumpUntilAsync(() => !_request.Awaiting && !_response.Awaiting);

    private async Task PumpUntilAsync(Func<bool> done)
    {
        while (!_over && !_bypass && !_options.ObservabilityMode && !done())
        {
            if (_transport is null || _sideStreamGone)
            {
                return;
            }

            var timed = NextDeadline(out var timeout);
            var next = await _transport.ReceiveAsync(timeout);
            if (next is null)
            {
                await OnTimerFiredAsync(timed);
                continue;
            }

            await OnEventAsync(next);
        }
    }

    private async Task PollAsync()
    {
        while (!_over && _transport is not null && !_sideStreamGone && _transport.TryReceive(out var next))
        {
            await OnEventAsync(next!);
        }
    }

    private EmulatedDirection? NextDeadline(out TimeSpan timeout)
    {
        EmulatedDirection? earliest = null;
        foreach (var d in (ReadOnlySpan<EmulatedDirection>)[_request, _response])
        {
            if (d.Deadline is not null && (earliest is null || d.Deadline < earliest.Deadline))
            {
                earliest = d;
            }
        }

        if (earliest is null)
        {
            timeout = _options.StreamIdleTimeout;
            return null;
        }

        timeout = earliest.Deadline!.Value - DateTime.UtcNow;
        if (timeout < TimeSpan.Zero)
        {
            timeout = TimeSpan.Zero;
        }

        return earliest;
    }

    private async Task OnTimerFiredAsync(EmulatedDirection? timed)
    {
        if (timed is null)
        {
            // Nothing else can end the wait (FDS has no message timer): the HCM stream_idle_timeout fires (§7).
            _verdict.Warnings.Add("stream idle timeout while waiting for the server");
            await FailClosedAsync(504, "stream_idle_timeout");
            return;
        }

        timed.Deadline = null;
        _verdict.Warnings.Add($"{timed.Direction} message timeout");
        if (_options.FailureModeAllow)
        {
            await FailOpenAsync("message timeout");
            return;
        }

        // Hard-coded 504, not status_on_error (§7).
        await FailClosedAsync(504, "ext_proc_error_per-message_timeout_exceeded");
    }

    private async Task OnEventAsync(TransportEvent next)
    {
        if (next.Closed is { } status)
        {
            await OnServerClosedAsync(status);
            return;
        }

        var reply = next.Reply!;
        _verdict.Received.Add(reply);
        if (_over || _bypass)
        {
            _verdict.IgnoredReplies++;
            return;
        }

        if (_options.ObservabilityMode)
        {
            _verdict.IgnoredReplies++;
            _verdict.Warnings.Add("reply in observability mode (Envoy drops it, §6)");
            return;
        }

        if (reply.OverrideMessageTimeout is { } newTimeout)
        {
            OnOverrideMessageTimeout(newTimeout.ToTimeSpan());
            return; // every other field of that message is ignored (§2.1)
        }

        if (reply.ModeOverride is { } modeOverride)
        {
            OnModeOverride(modeOverride);
        }

        switch (reply.ResponseCase)
        {
            case ProcessingResponse.ResponseOneofCase.RequestHeaders:
                await OnHeadersReplyAsync(_request, reply.RequestHeaders);
                break;
            case ProcessingResponse.ResponseOneofCase.ResponseHeaders:
                await OnHeadersReplyAsync(_response, reply.ResponseHeaders);
                break;
            case ProcessingResponse.ResponseOneofCase.RequestBody:
                await OnBodyReplyAsync(_request, reply.RequestBody);
                break;
            case ProcessingResponse.ResponseOneofCase.ResponseBody:
                await OnBodyReplyAsync(_response, reply.ResponseBody);
                break;
            case ProcessingResponse.ResponseOneofCase.RequestTrailers:
                await OnTrailersReplyAsync(_request, reply.RequestTrailers);
                break;
            case ProcessingResponse.ResponseOneofCase.ResponseTrailers:
                await OnTrailersReplyAsync(_response, reply.ResponseTrailers);
                break;
            case ProcessingResponse.ResponseOneofCase.ImmediateResponse:
                await OnImmediateResponseAsync(reply.ImmediateResponse);
                break;
            default:
                await SpuriousAsync("unhandled message: the response oneof is empty");
                break;
        }
    }

    private async Task OnServerClosedAsync(Status status)
    {
        _sideStreamGone = true;
        _verdict.ServerStatus = status;
        if (_over || _bypass)
        {
            return;
        }

        if (status.StatusCode == StatusCode.OK)
        {
            // Envoy proceeds without the server, whatever failure_mode_allow says (§2.3).
            if (!_request.Out.Ended || !_response.Out.Ended)
            {
                _verdict.ServerClosedWithOk = true;
                _verdict.Warnings.Add("server closed the stream with OK before the exchange ended; Envoy continues without it");
            }

            ClearAsyncState();
            return;
        }

        if (_options.FailureModeAllow && CanFailOpen())
        {
            await FailOpenAsync($"gRPC error {status.StatusCode}");
            return;
        }

        await FailClosedAsync(_options.StatusOnError, $"ext_proc_error_gRPC_error_{(int)status.StatusCode}{{{status.Detail}}}");
    }

    private void OnOverrideMessageTimeout(TimeSpan value)
    {
        EmulatedDirection? running = _request.Deadline is not null ? _request : _response.Deadline is not null ? _response : null;
        if (running is null || _options.MaxMessageTimeout <= TimeSpan.Zero || value < TimeSpan.FromMilliseconds(1)
            || value > _options.MaxMessageTimeout || running.TimeoutOverridden)
        {
            _verdict.Warnings.Add("override_message_timeout ignored");
            return;
        }

        running.Deadline = DateTime.UtcNow + value;
        running.TimeoutOverridden = true;
    }

    private void OnModeOverride(ProcessingMode requested)
    {
        var baseMode = _options.Mode;
        var inHeaders = _request.State == CallbackState.HeadersCallback || _response.State == CallbackState.HeadersCallback;
        if (!_options.AllowModeOverride || _options.SendBodyWithoutWaitingForHeaderResponse
            || baseMode.RequestBodyMode == BodySendMode.FullDuplexStreamed || baseMode.ResponseBodyMode == BodySendMode.FullDuplexStreamed
            || !inHeaders)
        {
            _verdict.Warnings.Add("mode_override ignored");
            return;
        }

        // Header/trailer DEFAULT means no change from the filter-level mode; body modes are copied verbatim (§5).
        var effective = baseMode.Clone();
        if (requested.RequestHeaderMode != HeaderSendMode.Default)
        {
            effective.RequestHeaderMode = requested.RequestHeaderMode;
        }

        if (requested.ResponseHeaderMode != HeaderSendMode.Default)
        {
            effective.ResponseHeaderMode = requested.ResponseHeaderMode;
        }

        if (requested.RequestTrailerMode != HeaderSendMode.Default)
        {
            effective.RequestTrailerMode = requested.RequestTrailerMode;
        }

        if (requested.ResponseTrailerMode != HeaderSendMode.Default)
        {
            effective.ResponseTrailerMode = requested.ResponseTrailerMode;
        }

        effective.RequestBodyMode = requested.RequestBodyMode;
        effective.ResponseBodyMode = requested.ResponseBodyMode;
        if (_options.AllowedOverrideModes.Count > 0 && !_options.AllowedOverrideModes.Any(allowed => SameIgnoringRequestHeaders(allowed, effective)))
        {
            _verdict.Warnings.Add("mode_override not in allowed_override_modes; ignored");
            return;
        }

        _request.BodyMode = effective.RequestBodyMode;
        _request.TrailerMode = effective.RequestTrailerMode == HeaderSendMode.Send ? HeaderSendMode.Send : HeaderSendMode.Skip;
        _response.HeaderMode = effective.ResponseHeaderMode == HeaderSendMode.Skip ? HeaderSendMode.Skip : HeaderSendMode.Send;
        _response.BodyMode = effective.ResponseBodyMode;
        _response.TrailerMode = effective.ResponseTrailerMode == HeaderSendMode.Send ? HeaderSendMode.Send : HeaderSendMode.Skip;
    }

    private static bool SameIgnoringRequestHeaders(ProcessingMode a, ProcessingMode b)
        => a.ResponseHeaderMode == b.ResponseHeaderMode && a.RequestBodyMode == b.RequestBodyMode && a.ResponseBodyMode == b.ResponseBodyMode
            && a.RequestTrailerMode == b.RequestTrailerMode && a.ResponseTrailerMode == b.ResponseTrailerMode;

    private async Task OnHeadersReplyAsync(EmulatedDirection d, HeadersResponse reply)
    {
        if (d.State != CallbackState.HeadersCallback)
        {
            await SpuriousAsync($"{d.Direction} headers reply while {d.State}");
            return;
        }

        d.Deadline = null;
        var common = reply.Response;
        var error = HeaderMutationRules.Apply(common?.HeaderMutation, d.Headers!, _options, d.ContentLengthRemoved, _verdict, $"{d.Direction} headers reply");
        if (error is not null)
        {
            await FailClosedAsync(_options.StatusOnError, error);
            return;
        }

        if (common?.Status == CommonResponse.Types.ResponseStatus.ContinueAndReplace)
        {
            // §3.3: replaces the body (or passes the original unprocessed), body mode NONE, no trailers message.
            if (common.BodyMutation?.MutationCase is BodyMutation.MutationOneofCase.Body or BodyMutation.MutationOneofCase.ClearBodyFlag)
            {
                d.Headers!.Remove("content-length");
                ForwardHeaders(d);
                d.Out.AppendBody(common.BodyMutation.Body.ToByteArray());
                d.DiscardBody = true;
            }
            else
            {
                d.PassBody = true;
            }

            d.TrailerMode = HeaderSendMode.Skip;
        }
        else if (common?.BodyMutation is not null)
        {
            _verdict.Warnings.Add($"{d.Direction} headers reply carries a body_mutation without CONTINUE_AND_REPLACE; ignored");
        }

        await AfterHeadersAsync(d);
    }

    private async Task OnBodyReplyAsync(EmulatedDirection d, BodyResponse reply)
    {
        var common = reply.Response;
        var mutation = common?.BodyMutation;
        if (d.IsFullDuplex && d.State != CallbackState.BufferedBodyCallback)
        {
            if (d.State == CallbackState.HeadersCallback || d.FdsChunksSent == 0 || d.FdsServerEnded)
            {
                await SpuriousAsync($"FULL_DUPLEX_STREAMED {d.Direction} body reply while {(d.State == CallbackState.HeadersCallback ? "the headers reply is pending" : "no body is outstanding")}");
                return;
            }

            if (mutation?.MutationCase != BodyMutation.MutationOneofCase.StreamedResponse)
            {
                await SpuriousAsync($"FULL_DUPLEX_STREAMED {d.Direction} body reply without streamed_response");
                return;
            }

            WarnIgnoredHeaderMutation(d, common);
            var streamed = mutation.StreamedResponse;
            if (streamed.EndOfStream)
            {
                d.FdsServerEnded = true;
                if (d.TrailersArrived)
                {
                    _verdict.Warnings.Add($"{d.Direction} trailers lost: streamed_response end_of_stream=true while trailers exist");
                }
            }

            ForwardData(d, streamed.Body.ToByteArray(), streamed.EndOfStream, unprocessed: false);
            return;
        }

        switch (d.State)
        {
            case CallbackState.BufferedBodyCallback:
            case CallbackState.BufferedPartialBodyCallback:
                if (mutation?.MutationCase == BodyMutation.MutationOneofCase.StreamedResponse)
                {
                    await SpuriousAsync("streamed_response outside FULL_DUPLEX_STREAMED");
                    return;
                }

                d.Deadline = null;
                if (d.Out.Headers is null)
                {
                    var error = HeaderMutationRules.Apply(common?.HeaderMutation, d.Headers!, _options, d.ContentLengthRemoved, _verdict, $"{d.Direction} body reply");
                    if (error is not null)
                    {
                        await FailClosedAsync(_options.StatusOnError, error);
                        return;
                    }

                    // The content-length check, after the header mutation (§3.3, processor_state.cc:494-510).
                    if (mutation is not null && mutation.MutationCase != BodyMutation.MutationOneofCase.None
                        && long.TryParse(d.Headers!.Get("content-length"), out var contentLength))
                    {
                        var size = mutation.MutationCase == BodyMutation.MutationOneofCase.Body ? mutation.Body.Length : 0;
                        if (contentLength != size)
                        {
                            await FailClosedAsync(_options.StatusOnError, "mismatch between content length and the length of the mutated body");
                            return;
                        }
                    }
                }
                else
                {
                    WarnIgnoredHeaderMutation(d, common);
                }

                var partial = d.State == CallbackState.BufferedPartialBodyCallback;
                var body = Mutate(d.SentBody, mutation);
                d.State = CallbackState.Idle;
                ForwardHeaders(d);
                ForwardData(d, body, d.SentBodyEndOfStream, unprocessed: false);
                if (partial && !d.SentBodyEndOfStream && !d.TrailersArrived)
                {
                    // Data queued meanwhile and everything later pass unmodified (§1.3, partialBodyProcessed).
                    d.PartialBodyProcessed = true;
                    var queued = d.PartialQueued.ToArray();
                    d.Out.UnscannedRemainderBytes += queued.Length;
                    ForwardData(d, queued, d.PartialQueuedEnd, unprocessed: false);
                }

                if (d.TrailersArrived)
                {
                    await FinishTrailersAsync(d);
                }

                break;
            case CallbackState.StreamedBodyCallback when d.Chunks.Count > 0:
                if (mutation?.MutationCase == BodyMutation.MutationOneofCase.StreamedResponse)
                {
                    await SpuriousAsync("streamed_response outside FULL_DUPLEX_STREAMED");
                    return;
                }

                d.Deadline = null; // stopped on every reply, even with older chunks outstanding (§7)
                WarnIgnoredHeaderMutation(d, common);
                var (chunk, endOfStream) = d.Chunks.Dequeue();
                ForwardData(d, Mutate(chunk, mutation), endOfStream, unprocessed: false);
                if (d.Chunks.Count == 0)
                {
                    d.State = CallbackState.Idle;
                    if (d.TrailersArrived)
                    {
                        await FinishTrailersAsync(d);
                    }
                }

                break;
            default:
                await SpuriousAsync($"{d.Direction} body reply while {d.State} with {d.Chunks.Count} chunks outstanding");
                break;
        }
    }

    private void WarnIgnoredHeaderMutation(EmulatedDirection d, CommonResponse? common)
    {
        if (common?.HeaderMutation is { } headers && (headers.SetHeaders.Count > 0 || headers.RemoveHeaders.Count > 0))
        {
            _verdict.Warnings.Add($"{d.Direction} header mutation in a body reply after the headers were forwarded; ignored (§3.2)");
        }
    }

    private static byte[] Mutate(byte[] original, BodyMutation? mutation) => mutation?.MutationCase switch
    {
        BodyMutation.MutationOneofCase.Body => mutation.Body.ToByteArray(),
        BodyMutation.MutationOneofCase.ClearBodyFlag when mutation.ClearBodyFlag => [],
        _ => original,
    };

    private async Task OnTrailersReplyAsync(EmulatedDirection d, TrailersResponse reply)
    {
        var fullDuplexValid = d.IsFullDuplex && d.FdsTrailersSent && !d.FdsTrailersReplied && d.State != CallbackState.HeadersCallback;
        if (!fullDuplexValid && d.State != CallbackState.TrailersCallback)
        {
            await SpuriousAsync($"{d.Direction} trailers reply while {d.State}");
            return;
        }

        d.Deadline = null;
        var error = HeaderMutationRules.Apply(reply.HeaderMutation, d.Trailers!, _options, contentLengthRemoved: false, _verdict, $"{d.Direction} trailers reply");
        if (error is not null)
        {
            await FailClosedAsync(_options.StatusOnError, error);
            return;
        }

        d.FdsTrailersReplied = true;
        d.State = CallbackState.Idle;
        ForwardTrailers(d);
    }

    private async Task OnImmediateResponseAsync(ImmediateResponse reply)
    {
        if (_options.DisableImmediateResponse)
        {
            await SpuriousAsync("immediate_response while disable_immediate_response=true");
            return;
        }

        var status = reply.Status is null || (int)reply.Status.Code < 200 ? 200 : (int)reply.Status.Code;
        var headers = new HttpHeaderList();
        var error = HeaderMutationRules.Apply(reply.Headers, headers, _options, contentLengthRemoved: false, _verdict, "immediate response");
        if (error is not null)
        {
            await FailClosedAsync(_options.StatusOnError, error);
            return;
        }

        LocalReplyOrReset(status, reply.Details.Replace(' ', '_'), reply.Body.ToByteArray(), headers);
        await CloseSideStreamAsync();
    }

    // ---------------------------------------------------------------- outcomes

    private bool CanFailOpen()
        => !((_request.IsFullDuplex && _request.FdsChunksSent > 0) || (_response.IsFullDuplex && _response.FdsChunksSent > 0));

    private async Task SpuriousAsync(string reason)
    {
        _verdict.SpuriousMessages++;
        _verdict.Warnings.Add("spurious: " + reason);
        if (_options.FailureModeAllow && CanFailOpen())
        {
            await FailOpenAsync(reason);
            return;
        }

        await FailClosedAsync(_options.StatusOnError, "spurious message: " + reason);
    }

    private async Task FailClosedAsync(int status, string details)
    {
        LocalReplyOrReset(status, details, null, null);
        await CloseSideStreamAsync();
    }

    private void LocalReplyOrReset(int status, string details, byte[]? body, HttpHeaderList? headers)
    {
        _request.Deadline = null;
        _response.Deadline = null;
        if (_response.Out.Headers is not null)
        {
            // The response headers already went downstream: only a reset is possible (§8).
            _verdict.DownstreamReset = true;
            _verdict.LocalReplyDetails = details;
        }
        else
        {
            _verdict.LocalReplyStatus = status;
            _verdict.LocalReplyDetails = details;
            _verdict.LocalReplyBody = body;
            _verdict.LocalReplyHeaders = headers;
        }

        _over = true;
    }

    private async Task FailOpenAsync(string reason)
    {
        _verdict.FailedOpen = true;
        _verdict.Warnings.Add("failed open: " + reason);
        await CloseSideStreamAsync();
        ClearAsyncState();
    }

    /// <summary>Releases everything held or queued unmodified and continues without the server (clearAsyncState).</summary>
    private void ClearAsyncState()
    {
        foreach (var d in new[] { _request, _response })
        {
            d.Deadline = null;
            if (!d.HeadersSeen)
            {
                continue;
            }

            var shouldProcess = d.BodyMode != BodySendMode.None && !d.PassBody && !d.DiscardBody;
            if (d.State is CallbackState.BufferedBodyCallback or CallbackState.BufferedPartialBodyCallback)
            {
                ForwardData(d, d.SentBody, d.SentBodyEndOfStream, unprocessed: shouldProcess);
            }

            while (d.Chunks.Count > 0)
            {
                var (chunk, endOfStream) = d.Chunks.Dequeue();
                ForwardData(d, chunk, endOfStream, unprocessed: shouldProcess);
            }

            if (d.IsFullDuplex && d.FdsChunksSent > 0 && !d.FdsServerEnded && !d.FdsTrailersReplied)
            {
                _verdict.Warnings.Add($"{d.Direction}: FULL_DUPLEX_STREAMED data sent to the server is lost (Envoy kept no copy)");
            }

            ForwardHeaders(d);
            if (d.Held.Length > 0 || d.HeldEnd)
            {
                ForwardData(d, TakeHeld(d), d.HeldEnd, unprocessed: shouldProcess);
            }

            if (d.PartialQueued.Length > 0 || d.PartialQueuedEnd)
            {
                ForwardData(d, d.PartialQueued.ToArray(), d.PartialQueuedEnd, unprocessed: shouldProcess);
            }

            if (d.TrailersArrived && !d.TrailersDone)
            {
                ForwardTrailers(d);
            }

            d.State = CallbackState.Idle;
        }

        _bypass = true;
    }

    private async Task CloseSideStreamAsync()
    {
        if (_transport is null || _sideStreamGone)
        {
            return;
        }

        _sideStreamGone = true;
        await _transport.CloseAsync(TimeSpan.Zero);
    }

    private async Task FinishAsync()
    {
        if (_transport is null || _sideStreamGone)
        {
            return;
        }

        // Replies that already arrived although nothing was awaited are extra replies: spurious (§2.2).
        if (!_over && !_bypass && !_options.ObservabilityMode)
        {
            await PollAsync();
            if (_over || _sideStreamGone)
            {
                return;
            }
        }

        _sideStreamGone = true;
        var graceful = _options.Close == SideStreamClose.Graceful || _options.ObservabilityMode;
        var (status, late) = await _transport.CloseAsync(graceful ? TimeSpan.FromSeconds(1) : TimeSpan.Zero);
        _verdict.ServerStatus ??= status;
        if (late.Count > 0)
        {
            _verdict.IgnoredReplies += late.Count;
            _verdict.Received.AddRange(late);
            _verdict.Warnings.Add($"{late.Count} replies after Envoy's END_STREAM{(_options.ObservabilityMode ? " in observability mode (§6)" : string.Empty)}");
        }
    }
}
