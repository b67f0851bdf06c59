using System.Text;
using PiiExtProc.Policy.Commands;
using PiiExtProc.Scanning;

namespace PiiExtProc.Policy.Tests;

/// <summary>Policies compiled with the real scanner.</summary>
public sealed class EndToEndPolicyTests
{
    private const string Body = """{"phone": "9876543210", "aadhar": "234123412346"}""";

    [Fact]
    public void ObserveOnlyRule_LeavesBodyUnchangedAndReportsFindings()
    {
        var snapshot = Load("version: 1\nentities: {IN_MOBILE: mask, IN_AADHAAR: block}\nrules:\n  - name: rollout\n    match: {path_prefixes: [/new]}\n    observe_only: true\n");

        var observed = BodyScanner.Scan(snapshot.Resolve(new RouteRequest { Path = "/new/a" }), Encoding.UTF8.GetBytes(Body), BodyFormat.Json);
        var enforced = BodyScanner.Scan(snapshot.Resolve(new RouteRequest { Path = "/old" }), Encoding.UTF8.GetBytes(Body), BodyFormat.Json);

        Assert.Equal(Body, Encoding.UTF8.GetString(observed.Output));
        Assert.False(observed.Blocked);
        Assert.Equal(2, observed.FindingCount);
        Assert.All(observed.Findings, f => Assert.Equal(FindingAction.Observed, f.Action));
        Assert.True(enforced.Blocked);
    }

    [Fact]
    public void HashOperator_SameKeyAndValue_SameTokenAcrossSnapshots()
    {
        var environment = new Dictionary<string, string> { ["PIIEXTPROC_HASH_KEY"] = TestPolicies.Key32Base64 };
        const string Yaml = "version: 1\nentities: {IN_MOBILE: hash}\n";

        var first = Encoding.UTF8.GetString(BodyScanner.Scan(Load(Yaml, environment).Resolve(default), Encoding.UTF8.GetBytes(Body), BodyFormat.Json).Output);
        var second = Encoding.UTF8.GetString(BodyScanner.Scan(Load(Yaml + "# edited\n", environment).Resolve(default), Encoding.UTF8.GetBytes(Body), BodyFormat.Json).Output);

        Assert.Equal(first, second);
        Assert.Matches("""^\{"phone": "tok_[a-z2-7]{24}", "aadhar": "234123412346"\}$""", first);
    }

    [Fact]
    public async Task Reload_UnderConcurrentStreams_EachStreamSeesOnePolicy()
    {
        var directory = Directory.CreateTempSubdirectory("pii-policy-race-").FullName;
        try
        {
            var path = Path.Combine(directory, "policy.yaml");
            const string Mask = "version: 1\nentities: {IN_MOBILE: mask}\n";
            const string Redact = "version: 1\nentities: {IN_MOBILE: redact}\n";
            File.WriteAllText(path, Mask);
            using var provider = new PolicyProvider(path, null, null, null, TestPolicies.Context(null, directory), PiiScanner.Create);
            var failures = 0;
            var streams = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            {
                for (var i = 0; i < 200; i++)
                {
                    // A stream captures the snapshot once and uses it for both directions.
                    var snapshot = provider.Current;
                    var request = BodyScanner.Scan(snapshot.Resolve(new RouteRequest { Direction = TrafficDirection.Request }), Encoding.UTF8.GetBytes(Body), BodyFormat.Json);
                    var response = BodyScanner.Scan(snapshot.Resolve(new RouteRequest { Direction = TrafficDirection.Response }), Encoding.UTF8.GetBytes(Body), BodyFormat.Json);
                    if (!request.Output.AsSpan().SequenceEqual(response.Output))
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            })).ToArray();

            for (var i = 0; i < 20; i++)
            {
                File.WriteAllText(path, i % 2 == 0 ? Redact : Mask);
                provider.TryReload();
            }

            await Task.WhenAll(streams);
            Assert.Equal(0, failures);
            Assert.Equal(20, provider.ReloadSuccesses);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static PolicySnapshot Load(string yaml, Dictionary<string, string>? environment = null) =>
        PolicyLoading.LoadText(yaml, "policy.yaml", TestPolicies.Context(environment), PiiScanner.Create);
}
