using System.Text.RegularExpressions;

namespace PiiExtProc.Policy.Tests;

/// <summary>Every policy example in POLICY.md must load (Envoy configuration snippets excepted).</summary>
public sealed partial class PolicyDocumentationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pii-policy-doc-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void PolicyReference_YamlExamples_AllLoad()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "POLICY.md"));
        var keyFile = Path.Combine(_directory, "hash.key");
        File.WriteAllText(keyFile, TestPolicies.Key32Base64);
        var environment = new Dictionary<string, string> { ["PIIEXTPROC_HASH_KEY"] = TestPolicies.Key32Base64, ["FRAUD_TEAM_KEY"] = TestPolicies.Key32Base64 };
        var checkedBlocks = 0;

        foreach (Match block in YamlBlock().Matches(text))
        {
            var yaml = block.Groups[1].Value;
            if (yaml.Contains("http_filters", StringComparison.Ordinal) || yaml.Contains("forwarding_namespaces", StringComparison.Ordinal)
                || yaml.Contains("request_attributes", StringComparison.Ordinal))
            {
                continue;
            }

            yaml = yaml.Replace("/etc/pii-ext-proc/keys/hash.key", keyFile, StringComparison.Ordinal)
                .Replace("/etc/pii-ext-proc/hash.key", keyFile, StringComparison.Ordinal);
            if (!yaml.StartsWith("version:", StringComparison.Ordinal))
            {
                yaml = "version: 1\n" + yaml;
            }

            if (yaml.Contains("EMPLOYEE_ID", StringComparison.Ordinal) && !yaml.Contains("custom_recognizers", StringComparison.Ordinal))
            {
                continue;
            }

            var exception = Record.Exception(() => TestPolicies.Compile(yaml, environment));
            Assert.True(exception is null, $"{exception?.Message}\n---\n{yaml}");
            checkedBlocks++;
        }

        Assert.True(checkedBlocks >= 8, $"only {checkedBlocks} examples checked");
    }

    [GeneratedRegex("```yaml\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
