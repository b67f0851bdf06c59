using PiiExtProc.Routing;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Operators;

namespace PiiExtProc.Observability.Tests.Support;

/// <summary>A one-rule policy for the server tests: every built-in entity masked, quasi-identifiers alone count.</summary>
internal static class TestPolicies
{
    public const string RuleName = "orders";
    public const string Version = "test-v1";

    /// <summary>The audit fingerprint key of the test policies (32 bytes).</summary>
    public static readonly byte[] FingerprintKey = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    public static StaticPolicySnapshot MaskEverything(bool block = false)
    {
        var entities = new Dictionary<PiiEntity, EntitySettings>();
        foreach (var entity in PiiEntity.BuiltIn)
        {
            entities[entity] = new EntitySettings(block && entity == PiiEntity.Aadhaar ? BlockOperator.Instance : DefaultMaskOperator.Instance);
        }

        var scanner = PiiScanner.Create(new ScannerOptions { Entities = entities, Combination = new CombinationRule(1), FingerprintKey = FingerprintKey });
        return new StaticPolicySnapshot(new DirectionPolicy { RuleName = RuleName, Scanner = scanner }, Version);
    }
}
