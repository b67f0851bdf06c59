using System.Runtime.CompilerServices;
using PiiExtProc.Policy.Loading;
using PiiExtProc.Scanning;

namespace PiiExtProc.Policy.Tests;

/// <summary>Compiles policies in tests. Until the scanner lands, scanners are placeholders that are never run.</summary>
internal static class TestPolicies
{
    public const string Key32Base64 = "q7mTzU4bS0y9mS6vjQm7Vb3g2qJcQq8v1M0r3vYxJkE=";

    public static Func<ScannerOptions, PiiScanner> PlaceholderScanners { get; } =
        static _ => (PiiScanner)RuntimeHelpers.GetUninitializedObject(typeof(PiiScanner));

    public static PolicyLoadContext Context(Dictionary<string, string>? environment = null, string? baseDirectory = null) =>
        new(name => environment is not null && environment.TryGetValue(name, out var value) ? value : null, baseDirectory ?? Path.GetTempPath());

    public static PolicyDefinition Parse(string yaml, Dictionary<string, string>? environment = null) =>
        PolicyLoader.Load(yaml, "policy.yaml", Context(environment));

    public static PolicySnapshot Compile(string yaml, Dictionary<string, string>? environment = null) =>
        PolicyLoading.LoadText(yaml, "policy.yaml", Context(environment), PlaceholderScanners);

    public static PolicyException Fails(string yaml, Dictionary<string, string>? environment = null) =>
        Assert.Throws<PolicyException>(() => Compile(yaml, environment));
}
