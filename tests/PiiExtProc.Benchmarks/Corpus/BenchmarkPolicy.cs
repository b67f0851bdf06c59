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

    /// <summary>A policy source serving the default policy to every stream; without audit fingerprints when
    /// <paramref name="auditFingerprints"/> is false, as `serve --audit off` builds it.</summary>
    public static IPolicySource CreateSource(bool auditFingerprints = true)
    {
        if (auditFingerprints)
        {
            return new FixedPolicySource(new PolicySnapshotAdapter(s_default.Value));
        }

        using var provider = new PolicyProvider(null, auditFingerprints: false);
        return new FixedPolicySource(new PolicySnapshotAdapter(provider.Current));
    }

    private sealed class FixedPolicySource(IPolicySnapshot snapshot) : IPolicySource
    {
        public IPolicySnapshot Current => snapshot;
    }
}
