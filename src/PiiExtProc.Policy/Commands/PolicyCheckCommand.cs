using System.Globalization;
using PiiExtProc.Scanning;

namespace PiiExtProc.Policy.Commands;

/// <summary>
/// <c>PiiExtProc policy check FILE</c>: validates a policy and prints a summary of its rules, entities and
/// operators; errors are listed as <c>file:line:column: message</c>.
/// </summary>
public static class PolicyCheckCommand
{
    /// <summary>Runs the command.</summary>
    /// <param name="policyFile">The policy file to check.</param>
    /// <param name="output">Receives the summary.</param>
    /// <param name="error">Receives the errors.</param>
    /// <returns>0 when the policy is valid, 1 otherwise.</returns>
    public static int Run(string policyFile, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        PolicySnapshot snapshot;
        try
        {
            snapshot = PolicyLoading.LoadFile(policyFile);
        }
        catch (PolicyException exception)
        {
            error.WriteLine(exception.Message);
            return 1;
        }

        WriteSummary(snapshot, output);
        return 0;
    }

    /// <summary>Writes the summary of a compiled policy: one block per rule, in resolution order.</summary>
    public static void WriteSummary(PolicySnapshot snapshot, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{snapshot.Source}: valid, version {snapshot.Version}, {snapshot.Rules.Count} rules plus the default rule."));
        foreach (var rule in snapshot.Rules)
        {
            WriteRule(rule, output);
        }

        WriteRule(snapshot.DefaultRule, output);
    }

    private static void WriteRule(PolicyRule rule, TextWriter output)
    {
        var invariant = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine(rule.Line > 0 ? string.Create(invariant, $"rule {rule.Name} (line {rule.Line})") : "rule default (no other rule matches)");
        output.WriteLine($"  match: {DescribeSelector(rule)}");
        output.WriteLine(string.Create(invariant, $"  observe_only: {Lower(rule.ObserveOnly)}, on_unscannable: {Snake(rule.OnUnscannable)}, max_body_bytes: {rule.MaxBodyBytes}, on_unknown_encoding: {rule.OnUnknownEncoding.ToString().ToLowerInvariant()}, block status: {rule.BlockResponse.StatusCode}"));
        output.WriteLine($"  scan_headers: [{string.Join(", ", rule.ScanHeaders)}]  scan_content_types: [{string.Join(", ", rule.ScannedContentTypes)}]");
        var options = rule.ScannerOptions;
        output.WriteLine(string.Create(invariant, $"  combination: {(options.Combination.MinimumDistinctEntities <= 1 ? "off (each quasi-identifier is PII alone)" : $"{options.Combination.MinimumDistinctEntities} distinct quasi-identifiers per record")}; allow list: {options.AllowList.Count}; deny list: {options.DenyList.Count}; custom recognizers: {options.CustomRecognizers.Count}"));
        var entities = new List<KeyValuePair<PiiEntity, EntitySettings>>(options.Entities);
        entities.Sort(static (a, b) => string.CompareOrdinal(a.Key.Name, b.Key.Name));
        foreach (var (entity, settings) in entities)
        {
            output.WriteLine(string.Create(invariant, $"  {entity.Name,-16} {settings.Operator}  threshold {settings.ScoreThreshold:0.##}"));
        }
    }

    private static string DescribeSelector(PolicyRule rule)
    {
        var selector = rule.Selector;
        if (selector.MatchesEverything)
        {
            return "every request";
        }

        var parts = new List<string>();
        Add(parts, "route_names", selector.RouteNames);
        Add(parts, "authorities", selector.Authorities);
        Add(parts, "path_prefixes", selector.PathPrefixes);
        Add(parts, "methods", selector.Methods);
        if (selector.Directions.Count > 0)
        {
            parts.Add($"directions=[{string.Join(", ", selector.Directions).ToLowerInvariant()}]");
        }

        Add(parts, "content_types", selector.ContentTypes);
        return string.Join(" and ", parts);
    }

    private static void Add(List<string> parts, string name, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            parts.Add($"{name}=[{string.Join(", ", values)}]");
        }
    }

    private static string Lower(bool value) => value ? "true" : "false";

    private static string Snake(UnscannableAction action) => action == UnscannableAction.FailOpen ? "fail_open" : "fail_closed";
}
