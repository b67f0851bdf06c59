using System.Text;
using Envoy.Service.ExtProc.V3;
using Grpc.Core;

namespace PiiExtProc.Tests.Emulator;

/// <summary>The outcome Envoy reaches for one exchange (protocol §13 "How the emulator judges each run").</summary>
internal sealed class Verdict
{
    public ForwardedMessage Request { get; } = new();

    public ForwardedMessage Response { get; } = new();

    /// <summary>The local reply status sent downstream (status_on_error, 504, 413, an immediate response), or null.</summary>
    public int? LocalReplyStatus { get; set; }

    public byte[]? LocalReplyBody { get; set; }

    public string? LocalReplyDetails { get; set; }

    public HttpHeaderList? LocalReplyHeaders { get; set; }

    /// <summary>True when the downstream stream was reset (an error or immediate response after the response headers
    /// had already been forwarded).</summary>
    public bool DownstreamReset { get; set; }

    /// <summary>The server ended the call with OK while processing was still expected: Envoy continued without it.</summary>
    public bool ServerClosedWithOk { get; set; }

    /// <summary>The status the server ended the call with, when observed (graceful close or server-initiated).</summary>
    public Status? ServerStatus { get; set; }

    /// <summary>Envoy failed open (failure_mode_allow) after an error.</summary>
    public bool FailedOpen { get; set; }

    public int SpuriousMessages { get; set; }

    public int RejectedHeaderMutations { get; set; }

    /// <summary>Replies Envoy dropped (after processing completed, or in observability mode).</summary>
    public int IgnoredReplies { get; set; }

    public List<string> Warnings { get; } = [];

    /// <summary>Every message the emulated Envoy sent, in order.</summary>
    public List<ProcessingRequest> Sent { get; } = [];

    /// <summary>Every reply the server sent, in order of arrival.</summary>
    public List<ProcessingResponse> Received { get; } = [];

    public ForwardedMessage Of(HttpDirection direction) => direction == HttpDirection.Request ? Request : Response;

    /// <summary>True when body bytes passed without processing while the body mode asked for it.</summary>
    public bool Leaked => Request.UnprocessedBytes > 0 || Response.UnprocessedBytes > 0;

    /// <summary>The exchange completed normally: no local reply, no reset, nothing unprocessed.</summary>
    public bool Clean => LocalReplyStatus is null && !DownstreamReset && !Leaked && !ServerClosedWithOk && !FailedOpen;

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append($"local={LocalReplyStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} details={LocalReplyDetails} reset={DownstreamReset} okClose={ServerClosedWithOk} failedOpen={FailedOpen} ");
        text.Append($"spurious={SpuriousMessages} rejected={RejectedHeaderMutations} ignored={IgnoredReplies} status={ServerStatus?.StatusCode} ");
        text.Append($"reqBody={Request.Body.Length}B unprocessed={Request.UnprocessedBytes} respBody={Response.Body.Length}B unprocessed={Response.UnprocessedBytes}");
        if (Warnings.Count > 0)
        {
            text.Append(" warnings=[").Append(string.Join("; ", Warnings)).Append(']');
        }

        return text.ToString();
    }
}
