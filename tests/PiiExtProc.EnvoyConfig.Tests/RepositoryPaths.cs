namespace PiiExtProc.EnvoyConfig.Tests;

/// <summary>Locates the repository root (the folder holding PiiExtProc.sln) from the test binaries.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>Absolute path of the repository root.</summary>
    public static string Root => s_root.Value;

    /// <summary>Absolute path of a repository-relative path.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Every shipped Envoy config: envoy/*.yaml except docker-compose.yaml.</summary>
    public static IEnumerable<string> ShippedEnvoyConfigs() =>
        Directory.EnumerateFiles(Combine("envoy"), "*.yaml")
            .Where(path => !Path.GetFileName(path).StartsWith("docker-compose", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PiiExtProc.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"PiiExtProc.sln not found above {AppContext.BaseDirectory}");
    }
}
