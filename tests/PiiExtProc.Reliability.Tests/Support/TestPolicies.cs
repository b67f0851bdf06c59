using PiiExtProc.Routing;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Operators;

namespace PiiExtProc.Reliability.Tests.Support;

/// <summary>Scanners and direction policies for the suite: every built-in entity with the default mask.</summary>
internal static class TestPolicies
{
    private static readonly Lazy<PiiScanner> s_default = new(() => CreateScanner(DefaultOptions()));

    /// <summary>A shared scanner detecting every built-in entity with the format-preserving default mask.</summary>
    public static PiiScanner DefaultScanner => s_default.Value;

    /// <summary>Every built-in entity, default mask, combination rule off (every quasi-identifier is PII alone).</summary>
    public static ScannerOptions DefaultOptions(RedactionOperator? @operator = null)
    {
        var entities = new Dictionary<PiiEntity, EntitySettings>();
        foreach (var entity in PiiEntity.BuiltIn)
        {
            entities[entity] = new EntitySettings(@operator ?? DefaultMaskOperator.Instance);
        }

        return new ScannerOptions { Entities = entities, Combination = new CombinationRule(1) };
    }

    /// <summary>Compiles <paramref name="options"/>.</summary>
    public static PiiScanner CreateScanner(ScannerOptions options) => PiiScanner.Create(options);

    /// <summary>A direction policy for one rule.</summary>
    public static DirectionPolicy Policy(
        PiiScanner? scanner = null,
        long maxBodyBytes = 8L * 1024 * 1024,
        bool failClosed = true,
        string ruleName = "reliability")
        => new()
        {
            RuleName = ruleName,
            Scanner = scanner ?? DefaultScanner,
            MaxBodyBytes = maxBodyBytes,
            FailClosedWhenUnscannable = failClosed,
        };

    /// <summary>A static policy source with one rule for everything.</summary>
    public static StaticPolicySnapshot Source(DirectionPolicy? policy = null, string version = "reliability-1")
        => new(policy ?? Policy(), version);
}
