namespace PiiExtProc.Testing;

/// <summary>
/// Finds the shared research and data directory that CI places beside the repository (<c>../shared</c>), or the
/// directory named by the environment variable <c>PIIEXTPROC_SHARED</c>. Tests that need it fail with a clear
/// message when it is missing, rather than passing without checking anything.
/// </summary>
internal static class SharedDataDirectory
{
    /// <summary>The shared directory's absolute path.</summary>
    /// <exception cref="DirectoryNotFoundException">Neither <c>PIIEXTPROC_SHARED</c> nor <c>../shared</c> exists.</exception>
    public static string Root
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("PIIEXTPROC_SHARED");
            if (!string.IsNullOrEmpty(fromEnvironment))
            {
                return Directory.Exists(fromEnvironment)
                    ? Path.GetFullPath(fromEnvironment)
                    : throw new DirectoryNotFoundException($"PIIEXTPROC_SHARED={fromEnvironment} does not exist.");
            }

            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "PiiExtProc.sln")))
                {
                    var shared = Path.Combine(directory.FullName, "..", "shared");
                    if (Directory.Exists(shared))
                    {
                        return Path.GetFullPath(shared);
                    }
                }
            }

            throw new DirectoryNotFoundException(
                "The shared data directory was not found: expected ../shared next to the repository root (with data/guardian/iscp_pii_dataset.csv), or set PIIEXTPROC_SHARED to its path.");
        }
    }

    /// <summary>The Guardian data directory (iscp_pii_dataset.csv, published_labels.csv, RULES.md).</summary>
    public static string Guardian => Path.Combine(Root, "data", "guardian");
}
