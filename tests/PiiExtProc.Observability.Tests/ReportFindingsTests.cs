using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PiiExtProc.Diagnostics;
using PiiExtProc.Processing;
using PiiExtProc.Scanning;

namespace PiiExtProc.Observability.Tests;

/// <summary>The pooled findings of scan reports: copied whole, released once by their last reader, never reused early.</summary>
public sealed class ReportFindingsTests
{
    private static PiiFinding Finding(int index)
        => new(PiiEntity.Aadhaar, index, 12, 1f, "aadhaar.verhoeff", Path(index), FindingAction.Redacted);

    /// <summary>A JSON path per index that the audit path sanitizer keeps as is (letters only: digit runs read as identifiers).</summary>
    private static string Path(int index)
    {
        var letters = new System.Text.StringBuilder("$.k");
        do
        {
            letters.Append((char)('a' + (index % 26)));
            index /= 26;
        }
        while (index > 0);
        return letters.ToString();
    }

    [Fact]
    public void CopyOf_Empty_SharedEmptyListThatReleaseLeavesAlone()
    {
        var copy = ReportFindings.CopyOf(new List<PiiFinding>());

        ReportFindings.Release(copy);

        Assert.Empty(copy);
        Assert.IsNotType<ReportFindings>(copy);
    }

    [Fact]
    public void CopyOf_Findings_SameItemsInOrder()
    {
        var source = Enumerable.Range(0, 40).Select(Finding).ToList();

        var copy = ReportFindings.CopyOf(source);

        Assert.Equal(source, copy);
        Assert.Equal(source[39], copy[39]);
        Assert.Throws<ArgumentOutOfRangeException>(() => copy[40]);
    }

    [Fact]
    public void Release_Twice_ReturnedToThePoolOnce()
    {
        var copy = ReportFindings.CopyOf([Finding(1)]);

        ReportFindings.Release(copy);
        ReportFindings.Release(copy);

        // Released lists read empty; a double return would hand the same list to two reports.
        Assert.Empty(copy);
        var first = ReportFindings.CopyOf([Finding(2)]);
        var second = ReportFindings.CopyOf([Finding(3)]);
        Assert.NotSame(first, second);
        Assert.Equal([Finding(2)], first);
        Assert.Equal([Finding(3)], second);
    }

    [Fact]
    public void BodyScanned_NotAudited_FindingsReleasedAtOnce()
    {
        var (telemetry, _, _, services) = Create(new AuditOptions { Enabled = false, Output = TextWriter.Null });
        using var disposeMetrics = services;
        var report = Report(0);

        telemetry.BodyScanned(report);

        Assert.Empty(report.Findings);
    }

    [Fact]
    public async Task BodyScanned_Audited_EachEventWrittenWithItsOwnFindingsThenReleased()
    {
        // Arrange: the writer runs while reports arrive, so released lists are reused by later reports.
        var output = new StringWriter { NewLine = "\n" };
        var (telemetry, log, metrics, services) = Create(new AuditOptions { Output = output });
        using var disposeMetrics = services;
        using var writer = new AuditWriter(log, new AuditOptions { Output = output }, metrics, Microsoft.Extensions.Logging.Abstractions.NullLogger<AuditWriter>.Instance, TimeProvider.System);
        await writer.StartAsync(CancellationToken.None);
        var reports = new List<BodyScanReport>();

        // Act
        for (var i = 0; i < 2_000; i++)
        {
            var report = Report(i);
            reports.Add(report);
            telemetry.BodyScanned(report);
            if (i % 50 == 0)
            {
                await Task.Delay(1);
            }
        }

        await writer.StopAsync(CancellationToken.None);

        // Assert: event i names report i's two findings, whichever lists were reused meanwhile; every list was released.
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2_000, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var findings = JsonDocument.Parse(lines[i]).RootElement.GetProperty("findings");
            var paths = findings.EnumerateArray().Select(f => f.GetProperty("json_path").GetString() ?? "").ToArray();
            Assert.Equal([Path(i), Path(i + 1_000_000)], paths);
        }

        Assert.All(reports, report => Assert.Empty(report.Findings));
    }

    private static BodyScanReport Report(int index)
        => new(Direction.Response, "report-findings-tests", "v1", "req-1", 100,
            ReportFindings.CopyOf([Finding(index), Finding(index + 1_000_000)]), 2, Blocked: false);

    /// <summary>The server's telemetry on metrics of their own meter factory (disposed by the caller: the process-wide
    /// metric listeners of other tests must not see these instruments after the test).</summary>
    private static (MeterProcessingTelemetry Telemetry, AuditLog Log, ProcessingMetrics Metrics, ServiceProvider Services) Create(AuditOptions options)
    {
        var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new ProcessingMetrics(services.GetRequiredService<IMeterFactory>(), new StaticStatus());
        var log = new AuditLog(options with { QueueCapacity = 10_000 }, metrics, TimeProvider.System);
        return (new MeterProcessingTelemetry(metrics, log), log, metrics, services);
    }

    private sealed class StaticStatus : IPolicyReloadStatus
    {
        public string CurrentVersion => "v1";

        public long SuccessfulReloads => 0;

        public long FailedReloads => 0;
    }
}
