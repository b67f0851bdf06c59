namespace PiiExtProc.Routing;

/// <summary>
/// What a stream learned about its HTTP exchange from the first message: the sources a policy rule selects on
/// (extproc-protocol.md §9). Every member may be null when Envoy did not send it.
/// </summary>
/// <param name="RouteName">The route name: the <c>x-pii-policy</c> gRPC initial metadata header, else the <c>policy</c>
/// key of the <c>pii_ext_proc</c> namespace of metadata_context, else the Envoy attribute <c>xds.route_name</c>.</param>
/// <param name="Authority">The request's <c>:authority</c> header (HTTP/1 Host).</param>
/// <param name="Path">The request's <c>:path</c> (or the <c>request.path</c> attribute), query string included.</param>
/// <param name="Method">The request's <c>:method</c>.</param>
internal sealed record StreamRoute(string? RouteName, string? Authority, string? Path, string? Method)
{
    /// <summary>A stream about which nothing is known yet.</summary>
    public static readonly StreamRoute Unknown = new(null, null, null, null);
}
