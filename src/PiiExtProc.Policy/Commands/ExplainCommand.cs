using System.Globalization;
using System.Text.Json;
using PiiExtProc.Scanning;

namespace PiiExtProc.Policy.Commands;

/// <summary>
/// <c>PiiExtProc explain [--policy FILE] [--format json|text] INPUT</c>: lists what the policy finds in a body and
/// what it does: entity, score, offset and length (bytes), JSON path, recognizer, operator and action. Never
/// prints a matched value.
/// </summary>
public static class ExplainCommand
{
    /// <summary>Runs the command.</summary>
    /// <param name="policyFile">The policy file; null for the embedded default policy.</param>
    /// <param name="format"><c>json</c> or <c>text</c>.</param>
    /// <param name="inputPath">The body to explain, parsed as the server parses it (<see cref="RoutePolicy.GetBodyFormat(string?, ReadOnlySpan{byte})"/>):
    /// by the route's content type, or when there is none, as JSON when its first non-blank byte is '{' or '[', else as text.</param>
    /// <param name="output">Receives the findings.</param>
    /// <param name="error">Receives errors.</param>
    /// <param name="route">The request to resolve the rule for (path, authority, direction, content type); the default request when null.</param>
    /// <returns>0 on success, 2 when the policy, the format or the input cannot be used.</returns>
    public static int Run(string? policyFile, string format, string inputPath, TextWriter output, TextWriter error, RouteRequest? route = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (format is not ("json" or "text"))
        {
            error.WriteLine("--format must be json or text.");
            return 2;
        }

        PolicySnapshot snapshot;
        byte[] body;
        try
        {
            snapshot = policyFile is null ? PolicyLoading.LoadDefault() : PolicyLoading.LoadFile(policyFile);
            body = File.ReadAllBytes(inputPath);
        }
        catch (PolicyException exception)
        {
            error.WriteLine(exception.Message);
            return 2;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            error.WriteLine($"{inputPath}: the input cannot be read ({exception.GetType().Name}).");
            return 2;
        }

        var policy = snapshot.Resolve(route ?? default);
        var bodyFormat = RoutePolicy.GetBodyFormat(route?.ContentType, body);
        var result = BodyScanner.Scan(policy, body, bodyFormat);
        if (format == "json")
        {
            WriteJson(snapshot, policy, result, output);
        }
        else
        {
            WriteText(snapshot, policy, result, output);
        }

        return 0;
    }

    /// <summary>The snake_case name of an action: redacted, observed, blocked, below_combination_threshold, allowed.</summary>
    public static string ActionName(FindingAction action) => action switch
    {
        FindingAction.Redacted => "redacted",
        FindingAction.Observed => "observed",
        FindingAction.Blocked => "blocked",
        FindingAction.BelowCombinationThreshold => "below_combination_threshold",
        _ => "allowed",
    };

    private static string OperatorName(RoutePolicy policy, PiiEntity entity) =>
        policy.ScannerOptions.Entities.TryGetValue(entity, out var settings) ? settings.Operator.ToString() ?? string.Empty : string.Empty;

    private static void WriteJson(PolicySnapshot snapshot, RoutePolicy policy, BodyScanResult result, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("policy_version", snapshot.Version);
            writer.WriteString("rule", policy.RuleName);
            writer.WriteBoolean("contains_pii", result.ContainsPii);
            writer.WriteBoolean("blocked", result.Blocked);
            writer.WriteNumber("finding_count", result.FindingCount);
            writer.WriteStartArray("findings");
            foreach (var finding in result.Findings)
            {
                writer.WriteStartObject();
                writer.WriteString("entity", finding.Entity.Name);
                writer.WriteNumber("score", Math.Round(finding.Score, 3));
                writer.WriteNumber("offset", finding.Offset);
                writer.WriteNumber("length", finding.Length);
                if (finding.JsonPath is null)
                {
                    writer.WriteNull("json_path");
                }
                else
                {
                    writer.WriteString("json_path", finding.JsonPath);
                }

                writer.WriteString("recognizer", finding.Recognizer);
                writer.WriteString("operator", OperatorName(policy, finding.Entity));
                writer.WriteString("action", ActionName(finding.Action));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteText(PolicySnapshot snapshot, RoutePolicy policy, BodyScanResult result, TextWriter output)
    {
        var invariant = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(invariant, $"policy {snapshot.Version}, rule {policy.RuleName}: {result.FindingCount} findings, contains PII: {(result.ContainsPii ? "yes" : "no")}, blocked: {(result.Blocked ? "yes" : "no")}"));
        foreach (var finding in result.Findings)
        {
            output.WriteLine(string.Create(invariant, $"  {finding.Entity.Name,-16} score {finding.Score:0.00}  offset {finding.Offset} length {finding.Length}  {finding.JsonPath ?? "-"}  {finding.Recognizer}  {OperatorName(policy, finding.Entity)} → {ActionName(finding.Action)}"));
        }
    }
}
