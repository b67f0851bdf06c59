namespace PiiExtProc.Reliability.Tests;

/// <summary>
/// The soak runs alone, after the parallel test classes: its memory before/after comparison would otherwise count what
/// other test classes allocate and retain in the same process at the same time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoakRunsAlone
{
    /// <summary>The collection name.</summary>
    public const string Name = "soak (not parallel)";
}
