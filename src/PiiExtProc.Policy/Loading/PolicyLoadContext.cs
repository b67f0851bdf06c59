namespace PiiExtProc.Policy.Loading;

/// <summary>What a load reads from outside the policy text: environment variables and key files.</summary>
/// <param name="GetEnvironmentVariable">Reads an environment variable; null when unset.</param>
/// <param name="BaseDirectory">Relative key file paths are resolved against it (the policy file's folder).</param>
internal sealed record PolicyLoadContext(Func<string, string?> GetEnvironmentVariable, string BaseDirectory)
{
    /// <summary>The process environment and the current directory.</summary>
    public static PolicyLoadContext Default { get; } = new(Environment.GetEnvironmentVariable, Environment.CurrentDirectory);
}
