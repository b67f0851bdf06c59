using PiiExtProc.Policy;

namespace PiiExtProc.Cli;

/// <summary>Loads the policy for the commands: a file, or the embedded default policy when none is given.</summary>
internal static class PolicySources
{
    /// <summary>Loads and compiles the policy once (offline commands).</summary>
    /// <exception cref="PolicyException">The policy is invalid; the message lists each error as file:line:column.</exception>
    public static PolicySnapshot LoadSnapshot(string? policyFile)
        => policyFile is null ? PolicyLoading.LoadDefault() : PolicyLoading.LoadFile(policyFile);
}
