using System.Buffers;
using System.Globalization;
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
/// <remarks>An instance reuses its JSON writer and grouping tables from event to event (the audit writer owns one);
/// not thread-safe. The static <see cref="Write(AuditEntry, IBufferWriter{byte})"/> uses a new instance.</remarks>
internal sealed class AuditEventSerializer
{
    /// <summary>The <c>schema</c> field: bumped when a field changes meaning or disappears.</summary>
    public const int SchemaVersion = 1;

    private const int MaxRequestIdLength = 128;

    /// <summary>Distinct value fingerprints listed per finding group; more values are only counted (the scanner hashes
    /// no more than these: <see cref="PiiFinding.MaxFingerprintsPerGroup"/>).</summary>
    private const int MaxFingerprintsPerGroup = PiiFinding.MaxFingerprintsPerGroup;

    /// <summary>Groups found by a linear scan; more are indexed by a dictionary.</summary>
    private const int LinearGroups = 16;

    /// <summary>Most encoded values kept (entity names, recognizers, operators...: a small closed set in practice).</summary>
    private const int MaxEncodedValues = 256;

    // Property names, escaped once.
    private static readonly JsonEncodedText s_timestamp = JsonEncodedText.Encode("timestamp");
    private static readonly JsonEncodedText s_event = JsonEncodedText.Encode("event");
    private static readonly JsonEncodedText s_schema = JsonEncodedText.Encode("schema");
    private static readonly JsonEncodedText s_severity = JsonEncodedText.Encode("severity");
    private static readonly JsonEncodedText s_direction = JsonEncodedText.Encode("direction");
    private static readonly JsonEncodedText s_route = JsonEncodedText.Encode("route");
    private static readonly JsonEncodedText s_policyVersion = JsonEncodedText.Encode("policy_version");
    private static readonly JsonEncodedText s_requestId = JsonEncodedText.Encode("request_id");
    private static readonly JsonEncodedText s_blocked = JsonEncodedText.Encode("blocked");
    private static readonly JsonEncodedText s_findingCount = JsonEncodedText.Encode("finding_count");
    private static readonly JsonEncodedText s_findingsTruncated = JsonEncodedText.Encode("findings_truncated");
    private static readonly JsonEncodedText s_findings = JsonEncodedText.Encode("findings");
    private static readonly JsonEncodedText s_entity = JsonEncodedText.Encode("entity");
    private static readonly JsonEncodedText s_category = JsonEncodedText.Encode("category");
    private static readonly JsonEncodedText s_count = JsonEncodedText.Encode("count");
    private static readonly JsonEncodedText s_jsonPath = JsonEncodedText.Encode("json_path");
    private static readonly JsonEncodedText s_operator = JsonEncodedText.Encode("operator");
    private static readonly JsonEncodedText s_recognizer = JsonEncodedText.Encode("recognizer");
    private static readonly JsonEncodedText s_fingerprints = JsonEncodedText.Encode("fingerprints");
    private static readonly JsonEncodedText s_piiDetected = JsonEncodedText.Encode("pii_detected");

    private readonly Dictionary<string, JsonEncodedText> _encodedValues = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<GroupKey, int> _index = [];
    private readonly List<FindingGroup> _groups = [];
    private ulong[] _fingerprints = [];
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
        Span<char> hex = stackalloc char[16];
        Span<byte> fingerprintBytes = stackalloc byte[8];
        json.WriteStartObject();
        json.WriteString(s_timestamp, entry.Timestamp.UtcDateTime);
        json.WriteString(s_event, s_piiDetected);
        json.WriteNumber(s_schema, SchemaVersion);
        json.WriteString(s_severity, Encoded(AuditSeverityClassifier.Name(entry.Severity)));
        json.WriteString(s_direction, Encoded(LabelValues.Of(report.Direction)));
        json.WriteString(s_route, Encoded(report.RuleName));
        json.WriteString(s_policyVersion, Encoded(report.PolicyVersion));
        var requestId = SanitizeRequestId(report.RequestId);
        if (requestId is null)
        {
            json.WriteNull(s_requestId);
        }
        else
        {
            json.WriteString(s_requestId, requestId);
        }

        json.WriteBoolean(s_blocked, report.Blocked);
        json.WriteNumber(s_findingCount, Math.Max(report.FindingCount, report.Findings.Count));
        json.WriteBoolean(s_findingsTruncated, report.FindingCount > report.Findings.Count);
        json.WriteStartArray(s_findings);
        Group(report.Findings);
        for (var g = 0; g < _groups.Count; g++)
        {
            var group = _groups[g];
            json.WriteStartObject();
            json.WriteString(s_entity, Encoded(group.Entity.Name));
            json.WriteString(s_category, Encoded(CategoryName(group.Entity.Category)));
            json.WriteNumber(s_count, group.Count);
            if (group.JsonPath is null)
            {
                json.WriteNull(s_jsonPath);
            }
            else
            {
                json.WriteString(s_jsonPath, group.JsonPath);
            }

            json.WriteString(s_operator, Encoded(LabelValues.Of(group.Entity, group.Action, report.Entities)));
            json.WriteString(s_recognizer, Encoded(group.Recognizer));
            json.WriteStartArray(s_fingerprints);
            for (var f = 0; f < group.FingerprintCount; f++)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(fingerprintBytes, _fingerprints[(g * MaxFingerprintsPerGroup) + f]);
                Convert.TryToHexStringLower(fingerprintBytes, hex, out _);
                json.WriteStringValue(hex);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// <paramref name="value"/> escaped, from a table keyed by the string instance: the values passed here come from
    /// small closed sets (entity names, recognizers, operators, rule names), each one string. Cleared when it passes
    /// <see cref="MaxEncodedValues"/>.
    /// </summary>
    private JsonEncodedText Encoded(string value)
    {
        if (!_encodedValues.TryGetValue(value, out var encoded))
        {
            if (_encodedValues.Count >= MaxEncodedValues)
            {
                _encodedValues.Clear();
            }

            encoded = JsonEncodedText.Encode(value);
            _encodedValues[value] = encoded;
        }

        return encoded;
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
            var at = FindGroup(key);
            if (at >= 0)
            {
                var existing = _groups[at];
                _groups[at] = existing with { Count = existing.Count + 1 };
            }
            else
            {
                at = _groups.Count;
                _groups.Add(new FindingGroup(finding.Entity, path, finding.Action, finding.Recognizer, 1, 0));
                if (_groups.Count == LinearGroups + 1)
                {
                    for (var g = 0; g < _groups.Count; g++)
                    {
                        _index[KeyOf(_groups[g])] = g;
                    }
                }
                else if (_groups.Count > LinearGroups)
                {
                    _index[key] = at;
                }

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

    /// <summary>
    /// The group of <paramref name="key"/>, or -1: by a scan while there are at most <see cref="LinearGroups"/> (the
    /// usual event; cheaper than hashing the strings), by the index after.
    /// </summary>
    private int FindGroup(in GroupKey key)
    {
        if (_groups.Count > LinearGroups)
        {
            return _index.TryGetValue(key, out var at) ? at : -1;
        }

        for (var g = 0; g < _groups.Count; g++)
        {
            if (KeyOf(_groups[g]) == key)
            {
                return g;
            }
        }

        return -1;
    }

    private static GroupKey KeyOf(in FindingGroup group) => new(group.Entity.Name, group.JsonPath, group.Action, group.Recognizer);

    private void AddFingerprint(int group, ulong fingerprint)
    {
        var count = _groups[group].FingerprintCount;
        if (count >= MaxFingerprintsPerGroup)
        {
            return;
        }

        var slots = _fingerprints.AsSpan(group * MaxFingerprintsPerGroup, count);
        foreach (var existing in slots)
        {
            if (existing == fingerprint)
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
