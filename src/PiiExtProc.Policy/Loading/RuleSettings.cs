using PiiExtProc.Scanning;

namespace PiiExtProc.Policy.Loading;

/// <summary>
/// The settings one level of the policy gives (the top level, or one rule). Null means "not given here":
/// a rule inherits it from the top level.
/// </summary>
internal sealed class RuleSettings
{
    /// <summary>Entity entries; a null value disables the entity (<c>enabled: false</c>).</summary>
    public Dictionary<PiiEntity, EntitySettings?>? Entities { get; set; }

    public List<AllowListEntry>? AllowList { get; set; }

    public bool? CombinationEnabled { get; set; }

    public int? CombinationMinimumDistinct { get; set; }

    public int? MaxRecordBytes { get; set; }

    public int? MaxFindingsKept { get; set; }

    public int? MaxJsonDepth { get; set; }

    public bool? ObserveOnly { get; set; }

    public UnscannableAction? OnUnscannable { get; set; }

    public long? MaxBodyBytes { get; set; }

    public UnknownEncodingAction? OnUnknownEncoding { get; set; }

    public BlockResponse? BlockResponse { get; set; }

    public List<string>? ScanHeaders { get; set; }

    public List<string>? ScanContentTypes { get; set; }
}
