namespace PiiExtProc.Observability.Tests;

/// <summary>
/// Server tests run one at a time: every host's MeterProvider listens to every Meter named "PiiExtProc" in the
/// process, and the ActivityListener of the tracing test is global.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServerTests
{
    public const string Name = "server";
}
