using PiiExtProc.Routing;

namespace PiiExtProc.Diagnostics;

/// <summary>
/// The <see cref="IPolicyReloadStatus"/> of a policy source that does not report reloads: the version of
/// <see cref="IPolicySource.Current"/> and zero reloads.
/// </summary>
internal sealed class PolicySourceReloadStatus : IPolicyReloadStatus
{
    private readonly IPolicySource _source;

    /// <summary>Creates the status over <paramref name="source"/>.</summary>
    public PolicySourceReloadStatus(IPolicySource source) => _source = source;

    /// <inheritdoc/>
    public string CurrentVersion => _source.Current.Version;

    /// <inheritdoc/>
    public long SuccessfulReloads => 0;

    /// <inheritdoc/>
    public long FailedReloads => 0;
}
