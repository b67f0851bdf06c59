namespace PiiExtProc.Policy;

/// <summary>The outcome of one reload attempt of a changed policy file (see <see cref="PolicyProvider.Reloaded"/>).</summary>
public sealed class PolicyReloadedEventArgs : EventArgs
{
    internal PolicyReloadedEventArgs(bool succeeded, string currentVersion, IReadOnlyList<PolicyError> errors)
    {
        Succeeded = succeeded;
        CurrentVersion = currentVersion;
        Errors = errors;
    }

    /// <summary>True when the new policy was compiled and is now in use; false when the last good one was kept.</summary>
    public bool Succeeded { get; }

    /// <summary>The version in use after the attempt.</summary>
    public string CurrentVersion { get; }

    /// <summary>Why the attempt failed (file:line:column messages, no values); empty on success.</summary>
    public IReadOnlyList<PolicyError> Errors { get; }
}
