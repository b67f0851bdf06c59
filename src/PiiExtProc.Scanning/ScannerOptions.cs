using PiiExtProc.Scanning.Operators;

namespace PiiExtProc.Scanning;

/// <summary>
/// Everything a <see cref="PiiScanner"/> is compiled from: which entities to detect, how sure a match must
/// be, what to do with each, and the limits. An immutable snapshot; the policy engine builds one per rule.
/// </summary>
public sealed record ScannerOptions
{
    /// <summary>
    /// The entities to detect and their settings. Entities absent from the map are not detected.
    /// </summary>
    public required IReadOnlyDictionary<PiiEntity, EntitySettings> Entities { get; init; }

    /// <summary>Recognizers declared by the policy, compiled linear-time (RegexOptions.NonBacktracking).</summary>
    public IReadOnlyList<CustomRecognizerDefinition> CustomRecognizers { get; init; } = [];

    /// <summary>Values that are never reported as PII even when a recognizer matches them (exact or pattern).</summary>
    public IReadOnlyList<AllowListEntry> AllowList { get; init; } = [];

    /// <summary>Literal terms that are always reported as the given entity (found with the Aho-Corasick automaton).</summary>
    public IReadOnlyList<DenyListEntry> DenyList { get; init; } = [];

    /// <summary>The combination rule for quasi-identifiers (Guardian list B).</summary>
    public CombinationRule Combination { get; init; } = new();

    /// <summary>Size and count limits.</summary>
    public ScanLimits Limits { get; init; } = new();

    /// <summary>
    /// Audit key for <see cref="PiiFinding.Fingerprint"/> (bytes; 32 random bytes recommended): the scanner derives its
    /// SipHash-2-4 key from it once (HMAC-SHA256 of a fixed label, first 16 bytes).
    /// Empty (the default) turns fingerprints off. The key is never logged or written into findings.
    /// </summary>
    public ReadOnlyMemory<byte> FingerprintKey { get; init; }
}

/// <summary>How one entity is detected and handled.</summary>
/// <param name="ScoreThreshold">Matches scoring below this are dropped, in [0, 1]. Default 0.5.</param>
/// <param name="Operator">What to do with a match that passes the threshold.</param>
public sealed record EntitySettings(RedactionOperator Operator, float ScoreThreshold = 0.5f);

/// <summary>
/// The Guardian combinatorial rule: quasi-identifiers (name, email, address, device ID or IP) are PII only when
/// at least <see cref="MinimumDistinctEntities"/> different ones occur in one record.
/// </summary>
/// <remarks>
/// A record is a JSON object that is an element of an array, or the top-level value, with all the objects
/// nested in it; in text, a line. Set <see cref="MinimumDistinctEntities"/> to 1 to treat every
/// quasi-identifier as PII on its own.
/// </remarks>
/// <param name="MinimumDistinctEntities">Distinct quasi-identifier entities a record needs. Default 2 (Guardian).</param>
public sealed record CombinationRule(int MinimumDistinctEntities = 2);

/// <summary>A recognizer declared in a policy.</summary>
/// <param name="Name">Recognizer name, reported in findings as <c>custom.NAME</c>.</param>
/// <param name="Entity">The entity it reports (built-in or custom).</param>
/// <param name="Pattern">A .NET regular expression without lookarounds or backreferences (compiled NonBacktracking).</param>
/// <param name="Score">Base score of a match, in [0, 1].</param>
/// <param name="ContextWords">Words that raise the score when they occur shortly before the match or in the JSON key.</param>
/// <param name="Validator">Optional checksum a match must pass: <c>luhn</c>, <c>verhoeff</c>, <c>mod97</c> or null.</param>
public sealed record CustomRecognizerDefinition(
    string Name,
    PiiEntity Entity,
    string Pattern,
    float Score,
    IReadOnlyList<string> ContextWords,
    string? Validator);

/// <summary>A value exempted from detection.</summary>
/// <param name="Value">The exact value (ordinal), or a pattern when <paramref name="IsPattern"/> is true.</param>
/// <param name="IsPattern">True when <paramref name="Value"/> is a regular expression that must match the whole value.</param>
/// <param name="Entity">Restricts the entry to one entity; null for all entities.</param>
public sealed record AllowListEntry(string Value, bool IsPattern, PiiEntity? Entity = null);

/// <summary>A literal term always reported as <paramref name="Entity"/> (ASCII case-insensitive, whole word).</summary>
public sealed record DenyListEntry(string Term, PiiEntity Entity);

/// <summary>Named limits of one scan.</summary>
public sealed record ScanLimits
{
    /// <summary>
    /// Bytes of one record that a streaming scan may hold back while waiting for the record to end (so the
    /// combination rule can see all of it). A longer record has its quasi-identifiers treated as PII.
    /// Default 1 MiB.
    /// </summary>
    public int MaxRecordBytes { get; init; } = 1024 * 1024;

    /// <summary>Findings kept per body for audit and explain; later ones are counted, not kept. Default 1000.</summary>
    public int MaxFindingsKept { get; init; } = 1000;

    /// <summary>JSON nesting depth; deeper input is scanned as text from that point. Default 256.</summary>
    public int MaxJsonDepth { get; init; } = 256;
}
