namespace PiiExtProc.Policy;

/// <summary>
/// What the server knows about a stream when it picks the policy rule: the route name and the request line.
/// Any field may be null when Envoy did not send it; a rule that selects on a missing field does not match.
/// </summary>
/// <remarks>
/// The route name comes, in this order of precedence, from the gRPC initial metadata header
/// <see cref="PolicyHeaderName"/> (set per route with <c>ExtProcPerRoute.overrides.grpc_initial_metadata</c>),
/// from <c>metadata_context.filter_metadata["pii_ext_proc"]["policy"]</c>, or from the Envoy attribute
/// <see cref="RouteNameAttribute"/>. See POLICY.md, "How a stream finds its rule".
/// </remarks>
public readonly record struct RouteRequest
{
    /// <summary>The gRPC initial metadata header that names a route: <c>x-pii-policy</c>.</summary>
    public const string PolicyHeaderName = "x-pii-policy";

    /// <summary>The Envoy request attribute holding the route name: <c>xds.route_name</c>.</summary>
    public const string RouteNameAttribute = "xds.route_name";

    /// <summary>The dynamic metadata namespace read from <c>metadata_context</c>: <c>pii_ext_proc</c>.</summary>
    public const string MetadataNamespace = "pii_ext_proc";

    /// <summary>The key inside <see cref="MetadataNamespace"/> holding the route name: <c>policy</c>.</summary>
    public const string MetadataKey = "policy";

    /// <summary>The route name (see remarks); matched by <c>route_names</c>, ordinal.</summary>
    public string? RouteName { get; init; }

    /// <summary>The <c>:authority</c> header (host and optional port); matched by <c>authorities</c>.</summary>
    public string? Authority { get; init; }

    /// <summary>The <c>:path</c> header including any query string; <c>path_prefixes</c> match the part before '?'.</summary>
    public string? Path { get; init; }

    /// <summary>The <c>:method</c> header; matched by <c>methods</c>, case-insensitive.</summary>
    public string? Method { get; init; }

    /// <summary>Which direction is being processed; matched by <c>directions</c>.</summary>
    public TrafficDirection Direction { get; init; }

    /// <summary>The content-type of this direction's body (request or response); matched by <c>content_types</c>.</summary>
    public string? ContentType { get; init; }
}
