using System.Runtime.CompilerServices;
using PiiExtProc.Policy;
using PiiExtProc.Processing;

namespace PiiExtProc.Routing;

/// <summary>
/// Presents a compiled <see cref="PolicySnapshot"/> to the stream state machine. The host's view of a rule
/// (<see cref="DirectionPolicy"/>) is built once per rule and direction and cached with the snapshot, so resolving a
/// stream allocates nothing.
/// </summary>
internal sealed class PolicySnapshotAdapter : IPolicySnapshot
{
    private readonly PolicySnapshot _snapshot;
    private readonly ConditionalWeakTable<RoutePolicy, DirectionPolicy> _views = [];

    /// <summary>Wraps <paramref name="snapshot"/>.</summary>
    public PolicySnapshotAdapter(PolicySnapshot snapshot) => _snapshot = snapshot;

    /// <inheritdoc/>
    public string Version => _snapshot.Version;

    /// <summary>The wrapped snapshot.</summary>
    public PolicySnapshot Snapshot => _snapshot;

    /// <inheritdoc/>
    public DirectionPolicy Resolve(StreamRoute route, Direction direction, string? contentType)
    {
        var policy = _snapshot.Resolve(new RouteRequest
        {
            RouteName = route.RouteName,
            Authority = route.Authority,
            Path = route.Path,
            Method = route.Method,
            Direction = direction == Direction.Request ? TrafficDirection.Request : TrafficDirection.Response,
            ContentType = contentType,
        });
        return _views.GetValue(policy, static p => ToDirectionPolicy(p));
    }

    private static DirectionPolicy ToDirectionPolicy(RoutePolicy policy)
    {
        var headers = new List<string>(policy.ScanHeaders.Count + 1);
        if (policy.ScansQueryString)
        {
            headers.Add(":path");
        }

        foreach (var header in policy.ScanHeaders)
        {
            if (!headers.Contains(header, StringComparer.OrdinalIgnoreCase))
            {
                headers.Add(header.ToLowerInvariant());
            }
        }

        return new DirectionPolicy
        {
            RuleName = policy.RuleName,
            Scanner = policy.Scanner,
            FailClosedWhenUnscannable = policy.OnUnscannable == UnscannableAction.FailClosed,
            MaxBodyBytes = policy.MaxBodyBytes,
            BlockUnknownEncoding = policy.OnUnknownEncoding == UnknownEncodingAction.Block,
            BlockStatus = policy.BlockResponse.StatusCode,
            BlockBody = policy.BlockResponse.Body,
            HeadersToScan = headers,
            ScansContentType = policy.IsScannedContentType,
        };
    }
}
