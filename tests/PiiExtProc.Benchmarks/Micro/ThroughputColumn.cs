using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace PiiExtProc.Benchmarks.Micro;

/// <summary>
/// A "MB/s" column: bytes processed per operation divided by the mean time. Bytes come from the benchmark's
/// <c>Kind</c> and <c>Size</c> parameters via <see cref="Corpus.BodyCorpus"/> (the actual body length, not the nominal size).
/// </summary>
public sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Body bytes processed per second, 10^6 bytes/s (actual body length / mean time)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var report = summary[benchmarkCase];
        var bytes = BytesOf(benchmarkCase);
        if (report?.ResultStatistics is null || bytes <= 0)
        {
            return "-";
        }

        return (bytes / report.ResultStatistics.Mean * 1e9 / 1e6).ToString("0.0", CultureInfo.InvariantCulture);
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    private static long BytesOf(BenchmarkCase benchmarkCase)
    {
        if (benchmarkCase.Parameters["Kind"] is Corpus.BodyKind kind && benchmarkCase.Parameters["Size"] is int size)
        {
            return Corpus.BodyCorpus.Get(kind, size).Length;
        }

        return benchmarkCase.Descriptor.Type == typeof(StreamBenchmarks) && benchmarkCase.Parameters["Pii"] is bool pii
            ? Load.ExchangeScenario.Create(pii, streamed: false).BodyBytes
            : 0;
    }
}
