using System.Text.Json;
using System.Text.RegularExpressions;
using PiiExtProc.Observability.Tests.Support;
using static PiiExtProc.Observability.Tests.Support.ExtProcMessages;

namespace PiiExtProc.Observability.Tests;

/// <summary>
/// The Grafana dashboard, the PrometheusRule template and metrics.txt in helm/pii-ext-proc use only metric names (and,
/// in selectors, label names) that the service really exports, read from /metrics after traffic that moves every family.
/// </summary>
[Collection(ServerTests.Name)]
public sealed partial class DashboardMetricNamesTests
{
    /// <summary>Labels Prometheus adds from the scrape target, not from the exporter.</summary>
    private static readonly HashSet<string> s_targetLabels = ["namespace", "pod", "job", "instance", "service", "container", "endpoint"];

    private static readonly string s_helm = Path.Combine(AppContext.BaseDirectory, "helm");

    [Fact]
    public async Task HelmArtifacts_MetricNames_AllExportedByServer()
    {
        // Arrange
        var scrape = await ScrapeAfterTrafficAsync();
        var exported = scrape.Names.ToHashSet();
        var references = ReadReferences();
        Assert.NotEmpty(references);

        // Act
        var missing = references.Where(r => !exported.Contains(r.Name)).Select(r => $"{r.Name} ({r.Source})").Distinct().ToList();

        // Assert
        Assert.True(missing.Count == 0, "Referenced but not exported: " + string.Join(", ", missing) + "\nExported: " + string.Join(", ", exported.Order()));
    }

    [Fact]
    public async Task HelmArtifacts_SelectorLabels_ExportedOnThatMetric()
    {
        // Arrange
        var scrape = await ScrapeAfterTrafficAsync();
        var labelsByName = scrape.Samples.GroupBy(s => s.Name)
            .ToDictionary(g => g.Key, g => g.SelectMany(s => s.Labels.Keys).ToHashSet());

        // Act
        var wrong = new List<string>();
        foreach (var reference in ReadReferences())
        {
            foreach (var label in reference.SelectorLabels)
            {
                if (!s_targetLabels.Contains(label) && labelsByName.TryGetValue(reference.Name, out var labels) && !labels.Contains(label))
                {
                    wrong.Add($"{reference.Name}{{{label}}} ({reference.Source})");
                }
            }
        }

        // Assert
        Assert.True(wrong.Count == 0, "Selector labels the metric does not have: " + string.Join(", ", wrong.Distinct()));
    }

    [Fact]
    public async Task MetricsList_EveryInterfaceName_Exported()
    {
        // Arrange
        var scrape = await ScrapeAfterTrafficAsync();
        var exported = scrape.Names.ToHashSet();

        // Act
        var listed = File.ReadAllLines(Path.Combine(s_helm, "metrics.txt")).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Trim()).ToList();

        // Assert: a histogram's base name is exported as its _bucket/_sum/_count series.
        Assert.Equal(11, listed.Count);
        Assert.All(listed, name => Assert.True(exported.Contains(name) || exported.Contains(name + "_bucket"), $"{name} is not exported"));
    }

    private static List<MetricReference> ReadReferences()
    {
        var references = new List<MetricReference>();
        foreach (var dashboard in Directory.GetFiles(Path.Combine(s_helm, "dashboards"), "*.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(dashboard));
            foreach (var text in Strings(document.RootElement))
            {
                references.AddRange(Find(text, Path.GetFileName(dashboard)));
            }
        }

        // The PrometheusRule is a Helm template (not YAML until rendered): its expressions are searched as text.
        references.AddRange(Find(File.ReadAllText(Path.Combine(s_helm, "templates", "prometheusrule.yaml")), "prometheusrule.yaml"));
        return references;
    }

    private static IEnumerable<MetricReference> Find(string text, string source)
    {
        foreach (Match match in MetricSelector().Matches(text))
        {
            var labels = match.Groups["selector"].Success
                ? LabelName().Matches(match.Groups["selector"].Value).Select(m => m.Groups[1].Value).ToList()
                : [];
            yield return new MetricReference(match.Groups["name"].Value, labels, source);
        }
    }

    private static IEnumerable<string> Strings(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                yield return element.GetString()!;
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    foreach (var text in Strings(property.Value))
                    {
                        yield return text;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var text in Strings(item))
                    {
                        yield return text;
                    }
                }

                break;
        }
    }

    /// <summary>Traffic that makes every metric family appear: findings, a block, a skip and a stream error.</summary>
    private static async Task<PrometheusScrape> ScrapeAfterTrafficAsync()
    {
        await using var server = await RunningServer.StartAsync(TestPolicies.MaskEverything(block: true));
        await RunAsync(server, RequestHeaders(false, JsonPost()), RequestBody("""{"phone":"9876543210"}"""));
        await RunAsync(server, RequestHeaders(false, JsonPost()), RequestBody("""{"aadhaar":"234123412346"}"""));
        await RunAsync(server, RequestHeaders(false, (":method", "POST"), (":path", "/upload"), ("content-type", "image/png")));
        await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => RunAsync(server, RequestHeaders(true, JsonPost()), RequestBody("{}")));
        return PrometheusScrape.Parse(await server.ScrapeAsync());
    }

    [GeneratedRegex(@"(?<name>piiextproc_[a-z0-9_]+)(?<selector>\{[^}]*\})?")]
    private static partial Regex MetricSelector();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)")]
    private static partial Regex LabelName();

    private sealed record MetricReference(string Name, IReadOnlyList<string> SelectorLabels, string Source);
}
