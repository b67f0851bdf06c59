using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace PiiExtProc.Benchmarks.Micro;

/// <summary>MemoryDiagnoser (allocated bytes per operation) and the MB/s column for every benchmark class.</summary>
public sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(new ThroughputColumn());
    }
}
