namespace PiiExtProc.Policy.Tests;

public sealed class PolicyProviderTests : IDisposable
{
    private const string GoodA = "version: 1\nentities: {IN_AADHAAR: mask}\n";
    private const string GoodB = "version: 1\nentities: {IN_AADHAAR: redact}\n";
    private const string Bad = "version: 1\nentities:\n  IN_AADHAAR: masc\n";

    private readonly string _directory = Directory.CreateTempSubdirectory("pii-policy-reload-").FullName;
    private readonly string _path;
    private readonly TestLogger _logger = new();
    private readonly ManualTimeProvider _time = new();

    public PolicyProviderTests() => _path = Path.Combine(_directory, "policy.yaml");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Constructor_BadFirstFile_Throws()
    {
        File.WriteAllText(_path, Bad);

        var exception = Assert.Throws<PolicyException>(() => Create());

        Assert.Contains($"{_path}:3:15:", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MissingFile_Throws()
    {
        Assert.Throws<PolicyException>(() => Create());
    }

    [Fact]
    public void Constructor_NoPath_UsesEmbeddedDefault()
    {
        using var provider = new PolicyProvider(null, null, _time, null, TestPolicies.Context(), TestPolicies.PlaceholderScanners);

        Assert.Equal(PolicyLoading.DefaultPolicySource, provider.Current.Source);
        Assert.False(provider.TryReload());
    }

    [Fact]
    public void Poll_GoodThenBad_KeepsLastGoodAndReportsFailure()
    {
        File.WriteAllText(_path, GoodA);
        using var provider = Create();
        provider.Start();
        var events = new List<PolicyReloadedEventArgs>();
        provider.Reloaded += (_, e) => events.Add(e);
        var good = provider.Current;

        File.WriteAllText(_path, Bad);
        _time.Advance(PolicyProvider.DefaultPollInterval);

        Assert.Same(good, provider.Current);
        Assert.Equal(1, provider.ReloadFailures);
        Assert.Equal(0, provider.ReloadSuccesses);
        var error = Assert.Single(provider.LastErrors);
        Assert.Equal(3, error.Line);
        var failure = Assert.Single(events);
        Assert.False(failure.Succeeded);
        Assert.Equal(good.Version, failure.CurrentVersion);
        Assert.Contains($"{_path}:3:15:", _logger.AllText, StringComparison.Ordinal);

        // The same bad file is not counted again on every poll.
        _time.Advance(PolicyProvider.DefaultPollInterval * 3);
        Assert.Equal(1, provider.ReloadFailures);
    }

    [Fact]
    public void Poll_BadThenGood_RecoversWithNewVersion()
    {
        File.WriteAllText(_path, GoodA);
        using var provider = Create();
        provider.Start();
        var first = provider.Current;
        File.WriteAllText(_path, Bad);
        _time.Advance(PolicyProvider.DefaultPollInterval);

        File.WriteAllText(_path, GoodB);
        _time.Advance(PolicyProvider.DefaultPollInterval);

        Assert.NotSame(first, provider.Current);
        Assert.NotEqual(first.Version, provider.Current.Version);
        Assert.Equal(1, provider.ReloadSuccesses);
        Assert.Empty(provider.LastErrors);
        Assert.Equal(Scanning.Operators.OperatorKind.Redact, provider.Current.DefaultRule.ScannerOptions.Entities[Scanning.PiiEntity.Aadhaar].Operator.Kind);
    }

    [Fact]
    public void TryReload_UnchangedContent_KeepsSnapshotAndCountsNothing()
    {
        File.WriteAllText(_path, GoodA);
        using var provider = Create();
        var first = provider.Current;

        File.WriteAllText(_path, GoodA);

        Assert.False(provider.TryReload());
        Assert.Same(first, provider.Current);
        Assert.Equal((0, 0), (provider.ReloadSuccesses, provider.ReloadFailures));
    }

    [Fact]
    public void TryReload_FileDeleted_KeepsLastGood()
    {
        File.WriteAllText(_path, GoodA);
        using var provider = Create();
        var first = provider.Current;

        File.Delete(_path);

        Assert.False(provider.TryReload());
        Assert.Same(first, provider.Current);
        Assert.Equal(1, provider.ReloadFailures);
    }

    [Fact]
    public void TryReload_SymlinkSwap_LikeConfigMapUpdate_IsDetected()
    {
        // A ConfigMap volume: policy.yaml -> ..data/policy.yaml, ..data -> ..2026_01 (swapped atomically).
        var first = Path.Combine(_directory, "..2026_01");
        var second = Path.Combine(_directory, "..2026_02");
        Directory.CreateDirectory(first);
        Directory.CreateDirectory(second);
        File.WriteAllText(Path.Combine(first, "policy.yaml"), GoodA);
        File.WriteAllText(Path.Combine(second, "policy.yaml"), GoodB);
        var data = Path.Combine(_directory, "..data");
        Directory.CreateSymbolicLink(data, first);
        File.CreateSymbolicLink(_path, Path.Combine(data, "policy.yaml"));
        using var provider = Create();

        Directory.Delete(data);
        Directory.CreateSymbolicLink(data, second);

        Assert.True(provider.TryReload());
        Assert.Equal(Scanning.Operators.OperatorKind.Redact, provider.Current.DefaultRule.ScannerOptions.Entities[Scanning.PiiEntity.Aadhaar].Operator.Kind);
    }

    [Fact]
    public void Reload_HashKeyFailure_LogNeverContainsKey()
    {
        var key = "c2VjcmV0LWtleS1wYXN0ZWQtaW50by10aGUtcG9saWN5LWZpbGU=";
        var shortKey = Convert.ToBase64String("short-key-bytes!"u8.ToArray());
        File.WriteAllText(_path, GoodA);
        var environment = new Dictionary<string, string> { ["SHORT"] = shortKey };
        using var provider = new PolicyProvider(_path, _logger, _time, null, TestPolicies.Context(environment, _directory), TestPolicies.PlaceholderScanners);

        File.WriteAllText(_path, $"version: 1\nentities:\n  IN_PAN: {{operator: {{type: hash, key_env: SHORT}}}}\n  IN_MOBILE: {{operator: {{type: hash, key_file: '{key}'}}}}\n");
        provider.TryReload();

        Assert.Equal(1, provider.ReloadFailures);
        Assert.DoesNotContain(key, _logger.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(shortKey, _logger.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("short-key-bytes", _logger.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(key, string.Join("\n", provider.LastErrors), StringComparison.Ordinal);
    }

    [Fact]
    public void Current_CapturedByStream_UnaffectedBySwap()
    {
        File.WriteAllText(_path, GoodA);
        using var provider = Create();
        var stream = provider.Current;
        var before = stream.Resolve(default);

        File.WriteAllText(_path, GoodB);
        provider.TryReload();

        Assert.Same(before, stream.Resolve(default));
        Assert.NotSame(stream, provider.Current);
    }

    private PolicyProvider Create() =>
        new(_path, _logger, _time, null, TestPolicies.Context(null, _directory), TestPolicies.PlaceholderScanners);
}
