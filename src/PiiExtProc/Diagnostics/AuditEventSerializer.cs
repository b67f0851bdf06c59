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
/// <c>fingerprints</c> lists the distinct keyed fingerprints of the group's values (see <c>PiiFinding.Fingerprint</c>;
/// at most 16, empty when the policy has no fingerprint key); the value itself is never written. <c>request_id</c> is null unless it is 1-128 characters of [A-Za-z0-9._:-].
/// </summary>
/// <remarks>An instance reuses its JSON writer and grouping tables from event to event (the audit writer owns one);
/// not thread-safe. The static <see cref="Write(AuditEntry, IBufferWriter{byte})"/> uses a new instance.</remarks>
internal sealed class AuditEventSerializer
{
    /// <summary>The <c>schema</c> field: bumped when a field changes meaning or disappears.</summary>
    public const int SchemaVersion = 1;

    private const int MaxRequestIdLength = 128;

    /// <summary>Distinct value fingerprints listed per finding group; more values are only counted.</summary>
    private const int MaxFingerprintsPerGroup = 16;

    private readonly Dictionary<GroupKey, int> _index = [];
    private readonly List<FindingGroup> _groups = [];
    private string?[] _fingerprints = [];
    private Utf8JsonWriter? _json;

    /// <summary>Writes <paramref name="entry"/> to <paramref name="output"/> (a new serializer; tests and one-off use).</summary>
    public static void Write(AuditEntry entry, IBufferWriter<byte> output) => new AuditEventSerializer().WriteEvent(entry, output);

    /// <summary>Writes <paramref name="entry"/> to <paramref name="output"/>, reusing this serializer's buffers.</summary>
    public void WriteEvent(AuditEntry entry, IBufferWriter<byte> output)
    {
        var report = entry.Report;
        var json = _json ??= new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false, SkipValidation = false });
        json.Reset(output);
        try
        {
            WriteObject(json, entry, report);
        }
        finally
        {
            json.Flush();
            _index.Clear();
            _groups.Clear();
            Array.Clear(_fingerprints);
        }
    }

    private void WriteObject(Utf8JsonWriter json, AuditEntry entry, BodyScanReport report)
    {
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
        Group(report.Findings);
        for (var g = 0; g < _groups.Count; g++)
        {
            var group = _groups[g];
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
            for (var f = 0; f < group.FingerprintCount; f++)
            {
                json.WriteStringValue(_fingerprints[(g * MaxFingerprintsPerGroup) + f]);
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

    /// <summary>Groups <paramref name="findings"/> into <see cref="_groups"/> (body order) and their fingerprints.</summary>
    private void Group(IReadOnlyList<PiiFinding> findings)
    {
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            var path = AuditPathSanitizer.Sanitize(finding.JsonPath);
            var key = new GroupKey(finding.Entity.Name, path, finding.Action, finding.Recognizer);
            if (_index.TryGetValue(key, out var at))
            {
                var existing = _groups[at];
                _groups[at] = existing with { Count = existing.Count + 1 };
            }
            else
            {
                at = _groups.Count;
                _index[key] = at;
                _groups.Add(new FindingGroup(finding.Entity, path, finding.Action, finding.Recognizer, 1, 0));
                if (_fingerprints.Length < _groups.Count * MaxFingerprintsPerGroup)
                {
                    Array.Resize(ref _fingerprints, Math.Max(_groups.Count * MaxFingerprintsPerGroup, _fingerprints.Length * 2));
                }
            }

            if (finding.Fingerprint is { } fingerprint)
            {
                AddFingerprint(at, fingerprint);
            }
        }
    }

    private void AddFingerprint(int group, string fingerprint)
    {
        var count = _groups[group].FingerprintCount;
        if (count >= MaxFingerprintsPerGroup)
        {
            return;
        }

        var slots = _fingerprints.AsSpan(group * MaxFingerprintsPerGroup, count);
        foreach (var existing in slots)
        {
            if (string.Equals(existing, fingerprint, StringComparison.Ordinal))
            {
                return;
            }
        }

        _fingerprints[(group * MaxFingerprintsPerGroup) + count] = fingerprint;
        _groups[group] = _groups[group] with { FingerprintCount = count + 1 };
    }

    private static string CategoryName(EntityCategory category) => category switch
    {
        EntityCategory.Identifier => "identifier",
        EntityCategory.QuasiIdentifier => "quasi_identifier",
        _ => "attribute",
    };

    /// <summary>What findings are grouped by.</summary>
    private readonly record struct GroupKey(string Entity, string? Path, FindingAction Action, string Recognizer);

    /// <summary>One group; its fingerprints are the first <paramref name="FingerprintCount"/> of its 16 slots.</summary>
    private readonly record struct FindingGroup(PiiEntity Entity, string? JsonPath, FindingAction Action, string Recognizer, int Count, int FingerprintCount);
}
