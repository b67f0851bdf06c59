using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace PiiExtProc.EnvoyConfig.Tests;

/// <summary>
/// Renders helm/pii-ext-proc with `helm template` for a scenario values file. The helm binary is PIIEXTPROC_HELM
/// (set by .ci/helm-check.sh), else the copy helm-check.sh caches under artifacts/tools, else `helm` on PATH.
/// </summary>
internal static class HelmRenderer
{
    /// <summary>Environment variable naming the helm binary.</summary>
    public const string HelmVariable = "PIIEXTPROC_HELM";

    /// <summary>The helm binary, or null when none is found.</summary>
    public static string? FindHelm()
    {
        var configured = Environment.GetEnvironmentVariable(HelmVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        var tools = RepositoryPaths.Combine("artifacts", "tools");
        if (Directory.Exists(tools))
        {
            var cached = Directory.EnumerateFiles(tools, "helm", SearchOption.AllDirectories).Order(StringComparer.Ordinal).LastOrDefault();
            if (cached is not null)
            {
                return cached;
            }
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(directory, "helm");
            if (directory.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>True when running in CI (CI=true), where a missing helm is a failure, not a skip.</summary>
    public static bool InContinuousIntegration =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Runs `helm template` for ci/&lt;scenario&gt;-values.yaml and returns the rendered text.</summary>
    public static string Render(string helm, string scenario)
    {
        var chart = RepositoryPaths.Combine("helm", "pii-ext-proc");
        var start = new ProcessStartInfo(helm)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "template", "pii", chart, "--namespace", "pii", "-f", Path.Combine(chart, "ci", scenario + "-values.yaml") })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "helm template did not finish");
        Assert.True(process.ExitCode == 0, $"helm template {scenario} failed: {errors.Result}");
        return output;
    }

    /// <summary>The data["envoy.yaml"] of every rendered ConfigMap that has one.</summary>
    public static IReadOnlyList<string> EnvoyConfigs(string rendered)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(rendered));
        var configs = new List<string>();
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is YamlMappingNode root
                && root.Children.TryGetValue(new YamlScalarNode("kind"), out var kind)
                && kind is YamlScalarNode { Value: "ConfigMap" }
                && root.Children.TryGetValue(new YamlScalarNode("data"), out var data)
                && data is YamlMappingNode dataMap
                && dataMap.Children.TryGetValue(new YamlScalarNode("envoy.yaml"), out var envoy))
            {
                configs.Add(((YamlScalarNode)envoy).Value ?? string.Empty);
            }
        }

        return configs;
    }
}
