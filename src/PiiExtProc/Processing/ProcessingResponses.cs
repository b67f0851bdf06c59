using Envoy.Extensions.Filters.Http.ExtProc.V3;
using Envoy.Service.ExtProc.V3;
using Google.Protobuf;

namespace PiiExtProc.Processing;

/// <summary>
/// Builds every ProcessingResponse the server sends; the only place that constructs them. Header values always go in
/// raw_value (extproc-protocol.md §10), body replies wrap pooled bytes without copying.
/// </summary>
internal static class ProcessingResponses
{
    // CONTINUE replies without mutation (and the chunk-clearing body reply), one instance each, shared by every stream
    // and thread: nothing changes a reply after it is built, and serializing a message only reads it (tests check they
    // stay as built).
    private static readonly ProcessingResponse s_requestHeadersContinue = new() { RequestHeaders = new HeadersResponse() };
    private static readonly ProcessingResponse s_responseHeadersContinue = new() { ResponseHeaders = new HeadersResponse() };
    private static readonly ProcessingResponse s_requestBodyContinue = new() { RequestBody = new BodyResponse() };
    private static readonly ProcessingResponse s_responseBodyContinue = new() { ResponseBody = new BodyResponse() };
    private static readonly ProcessingResponse s_requestBodyClear = new()
    {
        RequestBody = new BodyResponse { Response = new CommonResponse { BodyMutation = new BodyMutation { ClearBodyFlag = true } } },
    };

    private static readonly ProcessingResponse s_responseBodyClear = new()
    {
        ResponseBody = new BodyResponse { Response = new CommonResponse { BodyMutation = new BodyMutation { ClearBodyFlag = true } } },
    };

    private static readonly ProcessingResponse s_requestTrailersContinue = new() { RequestTrailers = new TrailersResponse() };
    private static readonly ProcessingResponse s_responseTrailersContinue = new() { ResponseTrailers = new TrailersResponse() };

    /// <summary>A headers reply (CONTINUE) with an optional header mutation and mode override.</summary>
    public static ProcessingResponse Headers(Direction direction, HeaderMutation? mutation, ProcessingMode? modeOverride)
    {
        if (mutation is null && modeOverride is null)
        {
            return direction == Direction.Request ? s_requestHeadersContinue : s_responseHeadersContinue;
        }

        var headers = new HeadersResponse();
        if (mutation is not null)
        {
            headers.Response = new CommonResponse { HeaderMutation = mutation };
        }

        var response = direction == Direction.Request
            ? new ProcessingResponse { RequestHeaders = headers }
            : new ProcessingResponse { ResponseHeaders = headers };
        if (modeOverride is not null)
        {
            response.ModeOverride = modeOverride;
        }

        return response;
    }

    /// <summary>
    /// A body reply. <paramref name="replacement"/> null means "unchanged" (no body mutation); an empty replacement
    /// clears the chunk. The replacement memory is wrapped, not copied: it must stay valid until the reply is written.
    /// </summary>
    public static ProcessingResponse Body(Direction direction, ReadOnlyMemory<byte>? replacement, HeaderMutation? headerMutation)
    {
        if (replacement is null && headerMutation is null)
        {
            return direction == Direction.Request ? s_requestBodyContinue : s_responseBodyContinue;
        }

        if (replacement is { Length: 0 } && headerMutation is null)
        {
            return direction == Direction.Request ? s_requestBodyClear : s_responseBodyClear;
        }

        var body = new BodyResponse();
        if (replacement is { } bytes || headerMutation is not null)
        {
            var common = new CommonResponse();
            if (replacement is { } replaced)
            {
                common.BodyMutation = replaced.Length == 0
                    ? new BodyMutation { ClearBodyFlag = true }
                    : new BodyMutation { Body = UnsafeByteOperations.UnsafeWrap(replaced) };
            }

            if (headerMutation is not null)
            {
                common.HeaderMutation = headerMutation;
            }

            body.Response = common;
        }

        return direction == Direction.Request
            ? new ProcessingResponse { RequestBody = body }
            : new ProcessingResponse { ResponseBody = body };
    }

    /// <summary>A header mutation that sets content-length to <paramref name="length"/> (bytes, decimal, raw_value).</summary>
    public static HeaderMutation ContentLength(int length)
    {
        var mutation = new HeaderMutation();
        mutation.SetHeaders.Add(HeaderValues.Overwrite("content-length", length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return mutation;
    }

    /// <summary>A FULL_DUPLEX_STREAMED body reply: the bytes to forward and whether they end the body.</summary>
    public static ProcessingResponse StreamedBody(Direction direction, ReadOnlyMemory<byte> bytes, bool endOfStream)
    {
        var body = new BodyResponse
        {
            Response = new CommonResponse
            {
                BodyMutation = new BodyMutation
                {
                    StreamedResponse = new StreamedBodyResponse
                    {
                        Body = UnsafeByteOperations.UnsafeWrap(bytes),
                        EndOfStream = endOfStream,
                    },
                },
            },
        };
        return direction == Direction.Request
            ? new ProcessingResponse { RequestBody = body }
            : new ProcessingResponse { ResponseBody = body };
    }

    /// <summary>
    /// A standalone <c>override_message_timeout</c> message: not a reply (Envoy ignores every other field in it), it
    /// restarts the direction's message timer with <paramref name="timeout"/>; the real reply follows (§7).
    /// </summary>
    public static ProcessingResponse MoreTime(TimeSpan timeout)
        => new() { OverrideMessageTimeout = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(timeout) };

    /// <summary>A trailers reply (no mutation).</summary>
    public static ProcessingResponse Trailers(Direction direction)
        => direction == Direction.Request ? s_requestTrailersContinue : s_responseTrailersContinue;

    /// <summary>
    /// An immediate response: Envoy sends it to the client as a local reply while the headers of the direction are
    /// still held, and resets the downstream stream otherwise (extproc-protocol.md §8).
    /// </summary>
    /// <param name="status">HTTP status (Envoy uses 200 for values below 200).</param>
    /// <param name="jsonBody">The JSON body, UTF-8.</param>
    /// <param name="details">Goes to Envoy's %RESPONSE_CODE_DETAILS%; no spaces.</param>
    public static ProcessingResponse Immediate(int status, string jsonBody, string details)
        => Immediate(status, System.Text.Encoding.UTF8.GetBytes(jsonBody), details);

    /// <summary>An immediate response with a UTF-8 JSON body given as bytes (copied into the reply).</summary>
    public static ProcessingResponse Immediate(int status, ReadOnlyMemory<byte> jsonBody, string details)
    {
        var mutation = new HeaderMutation();
        mutation.SetHeaders.Add(HeaderValues.Overwrite("content-type", "application/json"));
        return new ProcessingResponse
        {
            ImmediateResponse = new ImmediateResponse
            {
                Status = new Envoy.Type.V3.HttpStatus { Code = (Envoy.Type.V3.StatusCode)status },
                Headers = mutation,
                Body = ByteString.CopyFrom(jsonBody.Span),
                Details = details,
            },
        };
    }
}
