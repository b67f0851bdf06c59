using System.Diagnostics;
using Envoy.Service.ExtProc.V3;
using Grpc.Core;
using PiiExtProc.Diagnostics;
using PiiExtProc.Processing;

namespace PiiExtProc.Benchmarks.Load;

/// <summary>
/// The baseline: an ext_proc service that answers every message with an empty CONTINUE reply of the matching kind
/// and does nothing else. Hosted by the same ServerApplication (same Kestrel, gRPC and GC settings) as ours, so a
/// side-by-side run measures only the cost of our processing.
/// </summary>
internal sealed class NoOpExternalProcessor : ExternalProcessor.ExternalProcessorBase
{
    private readonly IProcessingTelemetry _telemetry;

    public NoOpExternalProcessor(IProcessingTelemetry telemetry) => _telemetry = telemetry;

    public override async Task Process(
        IAsyncStreamReader<ProcessingRequest> requestStream,
        IServerStreamWriter<ProcessingResponse> responseStream,
        ServerCallContext context)
    {
        _telemetry.StreamStarted();
        string? errorCause = null;
        try
        {
            while (await requestStream.MoveNext(context.CancellationToken))
            {
                var message = requestStream.Current;
                var started = Stopwatch.GetTimestamp();
                var (reply, type) = Continue(message);
                _telemetry.MessageProcessed(type, Stopwatch.GetElapsedTime(started).TotalSeconds);
                await responseStream.WriteAsync(reply, context.CancellationToken);
            }
        }
        catch (Exception exception) when (exception is IOException
            || (context.CancellationToken.IsCancellationRequested
                && exception is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled }))
        {
            // The client reset the stream (Envoy's normal close).
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            // Counted like ExternalProcessorService counts it, so the two servers' error columns compare.
            errorCause = "internal";
            throw;
        }
        finally
        {
            _telemetry.StreamEnded(errorCause);
        }
    }

    private static (ProcessingResponse Reply, MessageType Type) Continue(ProcessingRequest message) => message.RequestCase switch
    {
        ProcessingRequest.RequestOneofCase.RequestHeaders => (new ProcessingResponse { RequestHeaders = new HeadersResponse() }, MessageType.RequestHeaders),
        ProcessingRequest.RequestOneofCase.ResponseHeaders => (new ProcessingResponse { ResponseHeaders = new HeadersResponse() }, MessageType.ResponseHeaders),
        ProcessingRequest.RequestOneofCase.RequestBody => (new ProcessingResponse { RequestBody = new BodyResponse() }, MessageType.RequestBody),
        ProcessingRequest.RequestOneofCase.ResponseBody => (new ProcessingResponse { ResponseBody = new BodyResponse() }, MessageType.ResponseBody),
        ProcessingRequest.RequestOneofCase.RequestTrailers => (new ProcessingResponse { RequestTrailers = new TrailersResponse() }, MessageType.RequestTrailers),
        _ => (new ProcessingResponse { ResponseTrailers = new TrailersResponse() }, MessageType.ResponseTrailers),
    };
}
