using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Operators;

namespace PiiExtProc.Policy;

/// <summary>The values a policy gets for settings it does not give (documented in POLICY.md).</summary>
public static class PolicyDefaults
{
    /// <summary>Largest body scanned when a policy gives no <c>max_body_bytes</c>: 4 MiB.</summary>
    public const long MaxBodyBytes = 4L * 1024 * 1024;

    /// <summary>Score threshold of an entity entry that gives none: 0.5.</summary>
    public const float ScoreThreshold = 0.5f;

    /// <summary>Distinct quasi-identifiers a record needs to be PII (Guardian): 2.</summary>
    public const int CombinationMinimumDistinct = 2;

    /// <summary>Headers scanned when a policy gives no <c>scan_headers</c>: the query strings of <c>:path</c>,
    /// <c>referer</c> (the page the user came from) and <c>location</c> (a redirect's target).</summary>
    public static IReadOnlyList<string> ScanHeaders { get; } = [":path", "referer", "location"];

    /// <summary>Bodies scanned when a policy gives no <c>scan_content_types</c>: JSON, NDJSON, text, forms, XML.</summary>
    public static IReadOnlyList<string> ScannedContentTypes { get; } =
    [
        "application/json", "application/*+json", "application/x-ndjson", "application/jsonl", "application/x-www-form-urlencoded",
        "application/xml", "application/*+xml", "text/*",
    ];

    /// <summary>
    /// The entity table used when a policy has no top-level <c>entities:</c>: every built-in entity, identifiers and
    /// quasi-identifiers with the default mask, attributes observed.
    /// </summary>
    public static Dictionary<PiiEntity, EntitySettings> CreateEntities()
    {
        var result = new Dictionary<PiiEntity, EntitySettings>();
        foreach (var entity in PiiEntity.BuiltIn)
        {
            RedactionOperator op = entity.Category == EntityCategory.Attribute ? ObserveOperator.Instance : DefaultMaskOperator.Instance;
            result[entity] = new EntitySettings(op, ScoreThreshold);
        }

        return result;
    }
}
