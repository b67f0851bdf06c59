using PiiExtProc.Scanning.Operators;
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
    /// The <c>operator</c> label of a finding: the policy operator that rewrote it (mask, replace, redact, hash), or what
    /// happened instead (observe, block, below_combination_threshold, allowed). A bounded set.
    /// </summary>
    public static string Of(in PiiFinding finding, IReadOnlyDictionary<PiiEntity, EntitySettings>? entities) => Of(finding.Entity, finding.Action, entities);

    /// <summary>The <c>operator</c> label of an entity and action (see the overload for findings).</summary>
    public static string Of(PiiEntity entity, FindingAction action, IReadOnlyDictionary<PiiEntity, EntitySettings>? entities) => action switch
    {
        FindingAction.Redacted when entities is not null && entities.TryGetValue(entity, out var settings) => Of(settings.Operator.Kind),
        FindingAction.Redacted => "redacted",
        FindingAction.Observed => "observe",
        FindingAction.Blocked => "block",
        FindingAction.BelowCombinationThreshold => "below_combination_threshold",
        FindingAction.Allowed => "allowed",
        _ => "unknown",
    };

    /// <summary>The operator kind as the policy file spells it.</summary>
    public static string Of(OperatorKind kind) => kind switch
    {
        OperatorKind.Mask => "mask",
        OperatorKind.Replace => "replace",
        OperatorKind.Redact => "redact",
        OperatorKind.Hash => "hash",
        OperatorKind.Block => "block",
        OperatorKind.Observe => "observe",
        _ => "unknown",
    };
}
