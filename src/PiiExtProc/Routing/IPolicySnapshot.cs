namespace PiiExtProc.Routing;

/// <summary>
/// One immutable version of the policy. A stream captures one snapshot when it starts and uses it to the end, so a
/// reload never mixes two policies within one stream.
/// </summary>
internal interface IPolicySnapshot
{
    /// <summary>A short identifier of this policy version (content hash), for metrics and audit events.</summary>
    string Version { get; }

    /// <summary>Selects the rule for one direction of a stream (first match wins; a default rule always matches).</summary>
    /// <param name="route">What the stream knows about its route.</param>
    /// <param name="direction">Request or response.</param>
    /// <param name="contentType">The direction's content-type header value, or null.</param>
    DirectionPolicy Resolve(StreamRoute route, Processing.Direction direction, string? contentType);
}
