using System.Diagnostics;
using Envoy.Service.ExtProc.V3;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace PiiExtProc.Diagnostics;

/// <summary>
/// Wraps each ext_proc Process stream in a server span "ext_proc.process" of the ActivitySource "PiiExtProc" and links
/// it to the HTTP exchange's trace (the <c>traceparent</c> request header Envoy forwards in request_headers).
/// </summary>
/// <remarks>
/// <para>Why a link and not a parent: the span starts when the stream opens, before request_headers arrives, and an
/// Activity's parent cannot change after it starts. Starting the span late would hide the time before the first
/// message and leave streams that never send request headers (header mode SKIP) without a span. So the parent is the
/// gRPC call's own trace context (Envoy's ext_proc client span when its tracer propagates W3C context on the side
/// stream, else the ASP.NET Core request activity, else none) and the HTTP exchange's context is added as an
/// <see cref="ActivityLink"/> when request_headers arrives. Trace backends show linked spans side by side.</para>
/// <para>Costs nothing when no listener samples the source: the call passes straight through.</para>
/// </remarks>
internal sealed class StreamTracingInterceptor : Interceptor
{
    /// <inheritdoc/>
    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(continuation);
        if (!StreamTracing.Source.HasListeners() || requestStream is not IAsyncStreamReader<ProcessingRequest> processing)
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
            return;
        }

        var parent = Activity.Current is null ? ParseContext(context.RequestHeaders.GetValue("traceparent"), context.RequestHeaders.GetValue("tracestate")) : default;
        using var activity = StreamTracing.Source.StartActivity(TelemetryNames.StreamActivityName, ActivityKind.Server, parent);
        if (activity is null)
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
            return;
        }

        activity.SetTag("rpc.system", "grpc");
        activity.SetTag("rpc.method", context.Method);
        var reader = new TraceLinkingStreamReader(processing, activity);
        try
        {
            await continuation((IAsyncStreamReader<TRequest>)(object)reader, responseStream, context).ConfigureAwait(false);
        }
        catch (RpcException exception)
        {
            activity.SetTag("rpc.grpc.status_code", (int)exception.StatusCode);
            activity.SetStatus(ActivityStatusCode.Error, exception.StatusCode.ToString());
            throw;
        }
    }

    /// <summary>Parses a W3C traceparent (and tracestate); default when absent or malformed.</summary>
    public static ActivityContext ParseContext(string? traceparent, string? tracestate)
        => traceparent is not null && ActivityContext.TryParse(traceparent, tracestate, isRemote: true, out var parsed) ? parsed : default;
}
