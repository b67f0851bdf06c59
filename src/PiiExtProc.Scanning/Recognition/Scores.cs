namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// Presidio's scoring model (shared/research/pii-detection.md §1.2 and §1.5) with the constants this engine uses.
/// A validated match (checksum passed) is certain; a pattern-only match has a base score; a context word raises it
/// by <see cref="ContextBoost"/> to at least <see cref="MinimumWithContext"/>; a JSON key naming the entity makes the
/// format sufficient (<see cref="KeyNamed"/>). The per-entity threshold then decides (default 0.5).
/// </summary>
internal static class Scores
{
    /// <summary>A validated match (checksum passed): Presidio's MAX_SCORE.</summary>
    public const float Validated = 1.0f;

    /// <summary>The format matched under a JSON key that names the entity.</summary>
    public const float KeyNamed = 0.95f;

    /// <summary>Presidio LemmaContextAwareEnhancer context_similarity_factor.</summary>
    public const float ContextBoost = 0.35f;

    /// <summary>Presidio LemmaContextAwareEnhancer min_score_with_context_similarity.</summary>
    public const float MinimumWithContext = 0.4f;

    /// <summary>Applies the evidence to a base score.</summary>
    public static float WithEvidence(float score, Evidence evidence) => evidence switch
    {
        Evidence.Key => MathF.Max(score, KeyNamed),
        Evidence.ContextWord => MathF.Min(1.0f, MathF.Max(score + ContextBoost, MinimumWithContext)),
        _ => score,
    };
}
