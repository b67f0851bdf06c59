using PiiExtProc.Policy;
using PiiExtProc.Routing;
using PiiExtProc.Scanning;

namespace PiiExtProc.Benchmarks.Corpus;

/// <summary>
/// The policy the benchmarks run: the embedded default policy (PiiExtProc.Policy, default-policy.yaml), as
/// `serve` without --policy uses it.
/// </summary>
internal static class BenchmarkPolicy
{
    private static readonly Lazy<PolicySnapshot> s_default = new(PolicyLoading.LoadDefault);

    /// <summary>The default policy's scanner for a JSON response body on an unnamed route.</summary>
    public static PiiScanner CreateScanner()
        => new PolicySnapshotAdapter(s_default.Value).Resolve(StreamRoute.Unknown, Processing.Direction.Response, "application/json").Scanner;

    /// <summary>A policy source serving the default policy to every stream.</summary>
    public static IPolicySource CreateSource() => new FixedPolicySource(new PolicySnapshotAdapter(s_default.Value));

    private sealed class FixedPolicySource(IPolicySnapshot snapshot) : IPolicySource
    {
        public IPolicySnapshot Current => snapshot;
    }
}
