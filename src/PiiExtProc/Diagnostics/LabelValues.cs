using PiiExtProc.Processing;
using PiiExtProc.Scanning;

namespace PiiExtProc.Diagnostics;

/// <summary>
/// The label values of the bounded enum labels, as interned strings so that recording a measurement never formats or
/// allocates a string (direction, message_type, reason, operator).
/// </summary>
internal static class LabelValues
{
    /// <summary>"request" or "response".</summary>
    public static string Of(Direction direction) => direction == Direction.Request ? "request" : "response";

    /// <summary>The ProcessingRequest oneof case name, for example "request_body".</summary>
    public static string Of(MessageType type) => type switch
    {
        MessageType.RequestHeaders => "request_headers",
        MessageType.RequestBody => "request_body",
        MessageType.RequestTrailers => "request_trailers",
        MessageType.ResponseHeaders => "response_headers",
        MessageType.ResponseBody => "response_body",
        MessageType.ResponseTrailers => "response_trailers",
        _ => "unknown",
    };

    /// <summary>The <c>reason</c> label: content_type, size, encoding or observability.</summary>
    public static string Of(SkipReason reason) => reason switch
    {
        SkipReason.ContentType => "content_type",
        SkipReason.Size => "size",
        SkipReason.Encoding => "encoding",
        SkipReason.Observability => "observability",
        _ => "unknown",
    };

    /// <summary>
    /// The <c>operator</c> label: what the policy's operator did with a finding (redacted, observed, blocked,
    /// below_combination_threshold, allowed). PiiFinding carries the action, not the operator kind.
    /// </summary>
    public static string Of(FindingAction action) => action switch
    {
        FindingAction.Redacted => "redacted",
        FindingAction.Observed => "observed",
        FindingAction.Blocked => "blocked",
        FindingAction.BelowCombinationThreshold => "below_combination_threshold",
        FindingAction.Allowed => "allowed",
        _ => "unknown",
    };
}
