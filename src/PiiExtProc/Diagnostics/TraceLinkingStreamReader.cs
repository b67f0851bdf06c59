using System.Diagnostics;
using Envoy.Service.ExtProc.V3;
using Grpc.Core;
using PiiExtProc.Processing;

namespace PiiExtProc.Diagnostics;

/// <summary>
/// Reads the Process request stream for the service and, on the first request_headers message, links the stream's
/// span to the HTTP exchange's <c>traceparent</c> and tags it with the sanitized <c>x-request-id</c>.
/// </summary>
internal sealed class TraceLinkingStreamReader : IAsyncStreamReader<ProcessingRequest>
{
    private readonly IAsyncStreamReader<ProcessingRequest> _inner;
    private readonly Activity _activity;
    private bool _linked;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public TraceLinkingStreamReader(IAsyncStreamReader<ProcessingRequest> inner, Activity activity)
    {
        _inner = inner;
        _activity = activity;
    }

    /// <inheritdoc/>
    public ProcessingRequest Current => _inner.Current;

    /// <inheritdoc/>
    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        var moved = await _inner.MoveNext(cancellationToken).ConfigureAwait(false);
        if (moved && !_linked && _inner.Current.RequestCase == ProcessingRequest.RequestOneofCase.RequestHeaders)
        {
            _linked = true;
            var headers = _inner.Current.RequestHeaders.Headers;
            var context = StreamTracingInterceptor.ParseContext(
                HeaderValues.GetString(headers, "traceparent"), HeaderValues.GetString(headers, "tracestate"));
            if (context != default)
            {
                _activity.AddLink(new ActivityLink(context));
            }

            var requestId = AuditEventSerializer.SanitizeRequestId(HeaderValues.GetString(headers, "x-request-id"));
            if (requestId is not null)
            {
                _activity.SetTag("piiextproc.request_id", requestId);
            }
        }

        return moved;
    }
}
