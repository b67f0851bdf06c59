using System.Buffers;
using System.Text.Json;
using PiiExtProc.Scanning;

namespace PiiExtProc.Diagnostics;

/// <summary>
/// Writes one audit event as one line of JSON (UTF-8, no indentation, no trailing newline). Schema, version 1:
/// <code>
/// {"timestamp":"2026-11-22T10:15:30.123Z","event":"pii_detected","schema":1,"severity":"critical",
///  "direction":"response","route":"orders","policy_version":"3f2a9c","request_id":"7b0e...","blocked":false,
///  "finding_count":3,"findings_truncated":false,
///  "findings":[{"entity":"IN_AADHAAR","category":"identifier","count":2,"json_path":"$.customer.aadhaar",
///               "operator":"mask","recognizer":"aadhaar.verhoeff","fingerprints":["9f86d081884c7d65"]}]}
/// </code>
/// Findings are grouped by (entity, json_path, operator, recognizer) in body order; <c>count</c> is the group size.
/// <c>fingerprints</c> lists the distinct keyed fingerprints of the group's values (see <c>PiiFinding.Fingerprint</c>:
/// 64 bits written as 16 lower-case hex characters, most significant first; at most 16, empty when the policy has no fingerprint key); the value itself is never written. <c>request_id</c> is null unless it is 1-128 characters of [A-Za-z0-9._:-].
/// </summary>
internal static class AuditEventSerializer
{
    /// <summary>The <c>schema</c> field: bumped when a field changes meaning or disappears.</summary>
    public const int SchemaVersion = 1;

    private const int MaxRequestIdLength = 128;

    /// <summary>Writes <paramref name="entry"/> to <paramref name="output"/>.</summary>
    public static void Write(AuditEntry entry, IBufferWriter<byte> output)
    {
        var report = entry.Report;
        Span<char> hex = stackalloc char[16];
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false, SkipValidation = false });
        json.WriteStartObject();
        json.WriteString("timestamp", entry.Timestamp.UtcDateTime);
        json.WriteString("event", "pii_detected");
        json.WriteNumber("schema", SchemaVersion);
        json.WriteString("severity", AuditSeverityClassifier.Name(entry.Severity));
        json.WriteString("direction", LabelValues.Of(report.Direction));
        json.WriteString("route", report.RuleName);
        json.WriteString("policy_version", report.PolicyVersion);
        var requestId = SanitizeRequestId(report.RequestId);
        if (requestId is null)
        {
            json.WriteNull("request_id");
        }
        else
        {
            json.WriteString("request_id", requestId);
        }

        json.WriteBoolean("blocked", report.Blocked);
        json.WriteNumber("finding_count", Math.Max(report.FindingCount, report.Findings.Count));
        json.WriteBoolean("findings_truncated", report.FindingCount > report.Findings.Count);
        json.WriteStartArray("findings");
        foreach (var group in Group(report.Findings))
        {
            json.WriteStartObject();
            json.WriteString("entity", group.Entity.Name);
            json.WriteString("category", CategoryName(group.Entity.Category));
            json.WriteNumber("count", group.Count);
            if (group.JsonPath is null)
            {
                json.WriteNull("json_path");
            }
            else
            {
                json.WriteString("json_path", group.JsonPath);
            }

            json.WriteString("operator", LabelValues.Of(group.Entity, group.Action, report.Entities));
            json.WriteString("recognizer", group.Recognizer);
            json.WriteStartArray("fingerprints");
            foreach (var fingerprint in group.Fingerprints)
            {
                fingerprint.TryFormat(hex, out _, "x16", System.Globalization.CultureInfo.InvariantCulture);
                json.WriteStringValue(hex);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The request id when it looks like one (UUID, Envoy's x-request-id), else null.</summary>
    public static string? SanitizeRequestId(string? requestId)
    {
        if (requestId is null || requestId.Length is 0 or > MaxRequestIdLength)
        {
            return null;
        }

        foreach (var c in requestId)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
            {
                return null;
            }
        }

        return requestId;
    }

    /// <summary>Distinct value fingerprints listed per finding group; more values are only counted.</summary>
    private const int MaxFingerprintsPerGroup = 16;

    private static List<FindingGroup> Group(IReadOnlyList<PiiFinding> findings)
    {
        var groups = new List<FindingGroup>();
        var index = new Dictionary<(string Entity, string? Path, FindingAction Action, string Recognizer), int>();
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            var path = AuditPathSanitizer.Sanitize(finding.JsonPath);
            var key = (finding.Entity.Name, path, finding.Action, finding.Recognizer);
            if (index.TryGetValue(key, out var at))
            {
                groups[at] = groups[at] with { Count = groups[at].Count + 1 };
            }
            else
            {
                index[key] = groups.Count;
                groups.Add(new FindingGroup(finding.Entity, path, finding.Action, finding.Recognizer, 1, []));
                at = groups.Count - 1;
            }

            var fingerprints = groups[at].Fingerprints;
            if (finding.Fingerprint is { } fingerprint && fingerprints.Count < MaxFingerprintsPerGroup && !fingerprints.Contains(fingerprint))
            {
                fingerprints.Add(fingerprint);
            }
        }

        return groups;
    }

    private static string CategoryName(EntityCategory category) => category switch
    {
        EntityCategory.Identifier => "identifier",
        EntityCategory.QuasiIdentifier => "quasi_identifier",
        _ => "attribute",
    };

    private readonly record struct FindingGroup(PiiEntity Entity, string? JsonPath, FindingAction Action, string Recognizer, int Count, List<ulong> Fingerprints);
}
