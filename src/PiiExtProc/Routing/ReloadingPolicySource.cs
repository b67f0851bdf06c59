using Microsoft.Extensions.Logging;
using PiiExtProc.Diagnostics;
using PiiExtProc.Policy;

namespace PiiExtProc.Routing;

/// <summary>
/// The server's policy source: a <see cref="PolicyProvider"/> that polls the policy file (ConfigMap updates replace
/// symlinks, so polling beats inotify) and swaps compiled snapshots atomically; a bad file keeps the last good policy.
/// Each snapshot gets one <see cref="PolicySnapshotAdapter"/>, made when it is first used.
/// </summary>
internal sealed class ReloadingPolicySource : IPolicySource, IPolicyReloadStatus, IDisposable
{
    private PolicySnapshotAdapter _adapter;

    /// <summary>Loads the policy (the embedded default when <paramref name="policyFile"/> is null) and starts polling.</summary>
    /// <param name="policyFile">The policy file, or null.</param>
    /// <param name="loggerFactory">Creates the provider's logger.</param>
    /// <param name="auditFingerprints">False with <c>--audit off</c>: no finding fingerprints are computed.</param>
    /// <exception cref="PolicyException">The first load failed: fatal at start-up, with every error as file:line:column.</exception>
    public ReloadingPolicySource(string? policyFile, ILoggerFactory loggerFactory, bool auditFingerprints = true)
    {
        Provider = new PolicyProvider(policyFile, loggerFactory.CreateLogger<PolicyProvider>(), auditFingerprints: auditFingerprints);
        _adapter = new PolicySnapshotAdapter(Provider.Current);
        if (policyFile is not null)
        {
            Provider.Start();
        }
    }

    /// <summary>The provider, for reload metrics and readiness.</summary>
    public PolicyProvider Provider { get; }

    /// <inheritdoc/>
    public IPolicySnapshot Current
    {
        get
        {
            var snapshot = Provider.Current;
            var adapter = Volatile.Read(ref _adapter);
            if (ReferenceEquals(adapter.Snapshot, snapshot))
            {
                return adapter;
            }

            var fresh = new PolicySnapshotAdapter(snapshot);
            Volatile.Write(ref _adapter, fresh);
            return fresh;
        }
    }

    /// <inheritdoc/>
    public string CurrentVersion => Provider.Current.Version;

    /// <inheritdoc/>
    public long SuccessfulReloads => Provider.ReloadSuccesses;

    /// <inheritdoc/>
    public long FailedReloads => Provider.ReloadFailures;

    /// <summary>Stops polling.</summary>
    public void Dispose() => Provider.Dispose();
}
