using PiiExtProc.Routing;

namespace PiiExtProc.Cli;

/// <summary>Loads the policy for the commands: a file (hot-reloaded when serving) or the embedded default.</summary>
internal static class PolicyLoading
{
    /// <summary>Creates the policy source; throws with file:line:column when the policy is invalid.</summary>
    public static IPolicySource CreateSource(string? policyFile)
        => throw new NotSupportedException("The policy engine is not wired yet.");
}
