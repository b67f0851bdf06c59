using PiiExtProc.Routing;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Operators;

namespace PiiExtProc.Benchmarks.Corpus;

/// <summary>
/// The policy the benchmarks run: every built-in entity with the default (format-preserving mask) operator and
/// default thresholds and limits, one rule for every route. This stands in for the embedded default policy until
/// the policy engine is merged; swap <see cref="CreateSource"/> to it then.
/// </summary>
internal static class BenchmarkPolicy
{
    /// <summary>Compiles the scanner.</summary>
    public static PiiScanner CreateScanner()
    {
        var entities = new Dictionary<PiiEntity, EntitySettings>();
        foreach (var entity in PiiEntity.BuiltIn)
        {
            entities[entity] = new EntitySettings(DefaultMaskOperator.Instance);
        }

        return PiiScanner.Create(new ScannerOptions { Entities = entities });
    }

    /// <summary>A policy source with one rule ("default") for every stream and direction.</summary>
    public static StaticPolicySnapshot CreateSource()
        => new(new DirectionPolicy { RuleName = "default", Scanner = CreateScanner() }, version: "benchmark");
}
