using System.Diagnostics;
using Envoy.Service.ExtProc.V3;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using PiiExtProc.Diagnostics;
using PiiExtProc.Hosting;
using PiiExtProc.Routing;
using PiiExtProc.Scanning;

namespace PiiExtProc.Processing;

/// <summary>
/// The gRPC transport adapter for envoy.service.ext_proc.v3.ExternalProcessor/Process: reads each message, lets the
/// stream's <see cref="ExtProcStream"/> build the replies, writes them in order. All protocol logic is in the state
/// machine; this class maps its outcomes to gRPC statuses.
/// </summary>
/// <remarks>
/// Replies are written inline: Envoy reads its side stream independently of what it sends and never blocks on it, and
/// load tools (h2load, ghz) read and write concurrently, so reading does not need a separate task. Ending the call
/// with a non-OK status makes Envoy fail closed (status_on_error); a client reset after the last reply (Envoy's
/// default close) is a normal end.
/// </remarks>
internal sealed class ExternalProcessorService : ExternalProcessor.ExternalProcessorBase
{
    private readonly IPolicySource _policies;
    private readonly ProcessingResponse _moreTime;
    private readonly int _moreTimeAboveBytes;
    private readonly IProcessingTelemetry _telemetry;
    private readonly ILogger<ExternalProcessorService> _logger;

    /// <summary>Creates the service.</summary>
    public ExternalProcessorService(IPolicySource policies, IProcessingTelemetry telemetry, ILogger<ExternalProcessorService> logger, ServeOptions? options = null)
    {
        _policies = policies;
        options ??= new ServeOptions();
        _moreTime = ProcessingResponses.MoreTime(TimeSpan.FromSeconds(options.OverrideMessageTimeoutSeconds));
        _moreTimeAboveBytes = options.OverrideMessageTimeoutAboveBytes;
        _telemetry = telemetry;
        _logger = logger;
    }

    /// <summary>
    /// The first <see cref="Policy.RouteRequest.PolicyHeaderName"/> value of the call, or null: read from the HTTP/2 request's headers, because
    /// <see cref="ServerCallContext.RequestHeaders"/> builds a copy of every header (lower-cased names, one entry each)
    /// the first time it is read, about 0.3 KB per stream.
    /// </summary>
    private static string? PolicyHeaderValue(ServerCallContext context)
    {
        var values = context.GetHttpContext().Request.Headers[Policy.RouteRequest.PolicyHeaderName];
        return values.Count == 0 ? null : values[0];
    }

    /// <inheritdoc/>
    public override async Task Process(
        IAsyncStreamReader<ProcessingRequest> requestStream,
        IServerStreamWriter<ProcessingResponse> responseStream,
        ServerCallContext context)
    {
        _telemetry.StreamStarted();
        string? errorCause = null;
        using var stream = ExtProcStream.Rent(_policies.Current, _telemetry, PolicyHeaderValue(context));
        var replies = new List<ProcessingResponse>(2);
        var inTransport = true; // an IOException while reading or writing the side stream means the client reset it
        try
        {
            while (await requestStream.MoveNext(context.CancellationToken))
            {
                inTransport = false;
                var message = requestStream.Current;
                if (stream.NeedsMoreTime(message, _moreTimeAboveBytes))
                {
                    inTransport = true;
                    await responseStream.WriteAsync(_moreTime, context.CancellationToken);
                    inTransport = false;
                }

                var started = Stopwatch.GetTimestamp();
                replies.Clear();
                stream.Handle(message, replies);
                _telemetry.MessageProcessed(TypeOf(message), Stopwatch.GetElapsedTime(started).TotalSeconds);
                inTransport = true;
                foreach (var reply in replies)
                {
                    await responseStream.WriteAsync(reply, context.CancellationToken);
                }

                inTransport = false;
                stream.OnRepliesWritten();
                inTransport = true; // the next read
            }

            inTransport = false;
            stream.OnRequestStreamEnded();
        }
        catch (ProtocolViolationException violation)
        {
            errorCause = violation.Cause;
            Log.ProtocolViolation(_logger, violation.Cause, violation.Message);
            throw new RpcException(new Status(StatusCode.FailedPrecondition, violation.Message));
        }
        catch (ReleasedBytesChangedException changed)
        {
            // Bytes Envoy already forwarded would have to change (PiiExtProc.Scanning.Sessions.BodyScanSession.ReleaseSettledBytes):
            // fail closed, so the rest of the exchange does not pass.
            errorCause = "released_bytes_changed";
            Log.ReleasedBytesChanged(_logger, changed.FindingOffset, changed.ReleasedTo);
            throw new RpcException(new Status(StatusCode.Internal, "PII was found in body bytes already released; the exchange is not forwarded further."));
        }
        catch (Exception exception) when (IsClientGone(exception, context.CancellationToken.IsCancellationRequested, inTransport))
        {
            // Envoy ends every stream with END_STREAM + RST (or RST alone on a downstream reset): a normal end.
            Log.StreamCancelled(_logger);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            errorCause = "internal";
            Log.StreamFailed(_logger, exception.GetType().Name, ThrownIn(exception));
            throw new RpcException(new Status(StatusCode.Internal, "PII processing failed; the exchange is not forwarded."));
        }
        finally
        {
            _telemetry.StreamEnded(errorCause);
        }
    }

    /// <summary>
    /// True when <paramref name="exception"/> means Envoy (or the connection to it) went away, so no reply can reach it:
    /// a client close, not an internal error. An IOException or a ConnectionAbortedException (Kestrel's, when the
    /// connection is closed under a stream that is reading or writing, as a load generator does at the end of a run)
    /// can surface before the call's cancellation token is signalled.
    /// </summary>
    /// <remarks>
    /// A reply written after Envoy reset the stream fails in Grpc.AspNetCore with an InvalidOperationException ("Can't
    /// write the message because the request is complete.", or the pipe's "Writing is not allowed after writer was
    /// completed."): client gone when it comes from a write (<paramref name="inTransport"/>) of a cancelled call. The
    /// same exception from our own processing (not in transport) stays an internal error. The fault soak met the race
    /// about once in 60,000 streams (8,000 of them cancelled by the client).
    /// </remarks>
    /// <param name="exception">What ended the stream.</param>
    /// <param name="cancellationRequested">Whether the call's cancellation token (RequestAborted) is signalled.</param>
    /// <param name="inTransport">Whether the exception came from reading or writing the side stream, not from processing.</param>
    internal static bool IsClientGone(Exception exception, bool cancellationRequested, bool inTransport = false)
        => exception is IOException or Microsoft.AspNetCore.Connections.ConnectionAbortedException
            || (cancellationRequested && exception is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
            || (cancellationRequested && inTransport && exception is InvalidOperationException);

    /// <summary>The type and method that threw <paramref name="exception"/> (<c>HttpContextStreamWriter`1.WriteCoreAsync</c>), or <c>unknown</c>.</summary>
    internal static string ThrownIn(Exception exception)
    {
        var method = exception.TargetSite;
        return method is null ? "unknown" : $"{method.DeclaringType?.Name}.{method.Name}";
    }

    private static MessageType TypeOf(ProcessingRequest message) => message.RequestCase switch
    {
        ProcessingRequest.RequestOneofCase.RequestHeaders => MessageType.RequestHeaders,
        ProcessingRequest.RequestOneofCase.RequestBody => MessageType.RequestBody,
        ProcessingRequest.RequestOneofCase.RequestTrailers => MessageType.RequestTrailers,
        ProcessingRequest.RequestOneofCase.ResponseHeaders => MessageType.ResponseHeaders,
        ProcessingRequest.RequestOneofCase.ResponseBody => MessageType.ResponseBody,
        _ => MessageType.ResponseTrailers,
    };
}
