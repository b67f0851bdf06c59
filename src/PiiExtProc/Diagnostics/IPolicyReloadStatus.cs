namespace PiiExtProc.Diagnostics;

/// <summary>
/// What the policy provider reports about hot reloads, read by the metrics on every scrape
/// (piiextproc_policy_reloads_total{result}, piiextproc_policy_info{version}). Implementations must be thread-safe.
/// </summary>
/// <remarks>
/// The policy library's provider implements (or is adapted to) this interface; until then
/// <see cref="PolicySourceReloadStatus"/> reports the version of the policy in force and no reloads.
/// </remarks>
internal interface IPolicyReloadStatus
{
    /// <summary>The version (content hash) of the policy new streams use.</summary>
    string CurrentVersion { get; }

    /// <summary>Reloads that replaced the policy since start, not counting the first load.</summary>
    long SuccessfulReloads { get; }

    /// <summary>Reloads that failed validation and kept the last good policy, since start.</summary>
    long FailedReloads { get; }
}
