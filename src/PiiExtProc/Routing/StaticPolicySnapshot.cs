using PiiExtProc.Processing;

namespace PiiExtProc.Routing;

/// <summary>A policy snapshot with one rule for every stream and direction (tests and single-rule deployments).</summary>
internal sealed class StaticPolicySnapshot : IPolicySnapshot, IPolicySource
{
    private readonly DirectionPolicy _policy;

    /// <summary>Creates the snapshot.</summary>
    public StaticPolicySnapshot(DirectionPolicy policy, string version = "static")
    {
        _policy = policy;
        Version = version;
    }

    /// <inheritdoc/>
    public string Version { get; }

    /// <inheritdoc/>
    public IPolicySnapshot Current => this;

    /// <inheritdoc/>
    public DirectionPolicy Resolve(StreamRoute route, Direction direction, string? contentType) => _policy;
}
