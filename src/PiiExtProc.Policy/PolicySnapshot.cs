namespace PiiExtProc.Policy;

/// <summary>
/// A compiled policy: its rules in file order followed by the default rule. Immutable and thread-safe; a stream
/// takes one snapshot when it starts and uses it to the end, so it never sees two policies.
/// </summary>
public sealed class PolicySnapshot
{
    internal PolicySnapshot(string version, string source, IReadOnlyList<PolicyRule> rules, PolicyRule defaultRule)
    {
        Version = version;
        Source = source;
        Rules = rules;
        DefaultRule = defaultRule;
    }

    /// <summary>A short hash of the policy text: the first 12 hex digits of its SHA-256. Fit for the <c>version</c> metric label.</summary>
    public string Version { get; }

    /// <summary>Where the policy came from: a file path or <c>embedded:default-policy.yaml</c>.</summary>
    public string Source { get; }

    /// <summary>The rules of <c>rules:</c>, in file order (the first that matches wins). Excludes the default rule.</summary>
    public IReadOnlyList<PolicyRule> Rules { get; }

    /// <summary>The rule built from the top-level settings; applies when no rule matches.</summary>
    public PolicyRule DefaultRule { get; }

    /// <summary>
    /// Picks the policy for one direction of a stream: the first rule whose match: the request satisfies, else the
    /// default rule. No allocation.
    /// </summary>
    public RoutePolicy Resolve(in RouteRequest request)
    {
        for (var i = 0; i < Rules.Count; i++)
        {
            if (Rules[i].Selector.Matches(request))
            {
                return Rules[i].For(request.Direction);
            }
        }

        return DefaultRule.For(request.Direction);
    }
}
