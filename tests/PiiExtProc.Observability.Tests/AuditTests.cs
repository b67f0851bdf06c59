using System.Buffers;
using System.Diagnostics.Metrics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PiiExtProc.Diagnostics;
using PiiExtProc.Processing;
using PiiExtProc.Scanning;

namespace PiiExtProc.Observability.Tests;

/// <summary>Severity, sampling, the bounded queue and the event schema of the audit log.</summary>
public sealed class AuditTests
{
    private static PiiFinding Finding(PiiEntity entity, string? path = "$.a", FindingAction action = FindingAction.Redacted)
        => new(entity, 0, 1, 1f, "test.recognizer", path, action);

    private static BodyScanReport Report(Direction direction, params PiiFinding[] findings)
        => new(direction, "audit-tests", "v1", "req-1", 100, findings, findings.Length, Blocked: false);

    [Theory]
    [InlineData("IN_AADHAAR", true, FindingAction.Redacted, "critical")]
    [InlineData("CREDIT_CARD", true, FindingAction.Observed, "critical")]
    [InlineData("IN_PAN", true, FindingAction.Redacted, "critical")]
    [InlineData("IN_AADHAAR", false, FindingAction.Redacted, "warning")]
    [InlineData("IN_MOBILE", true, FindingAction.Redacted, "warning")]
    [InlineData("EMAIL_ADDRESS", true, FindingAction.Redacted, "info")]
    [InlineData("IN_PIN_CODE", true, FindingAction.Observed, "info")]
    [InlineData("IN_AADHAAR", true, FindingAction.Allowed, "info")]
    public void Classify_Findings_Severity(string entity, bool response, FindingAction action, string expected)
    {
        // Act
        var severity = AuditSeverityClassifier.Classify(response ? Direction.Response : Direction.Request, [Finding(PiiEntity.FindBuiltIn(entity)!, action: action)]);

        // Assert
        Assert.Equal(expected, AuditSeverityClassifier.Name(severity));
    }

    [Fact]
    public void Record_QueueFull_DropsNewestAndCounts()
    {
        // Arrange
        var (log, metrics) = Create(new AuditOptions { QueueCapacity = 1, Output = TextWriter.Null });
        var report = Report(Direction.Response, Finding(PiiEntity.Aadhaar));

        // Act
        var first = log.Record(report);
        var second = log.Record(report);

        // Assert
        Assert.True(first);
        Assert.False(second);
        Assert.Equal(1, metrics.AuditEventsDropped);
        Assert.True(log.Reader.TryRead(out var queued));
        Assert.Same(report, queued.Report);
    }

    [Fact]
    public void Record_SampleRateZero_InfoDroppedWarningKept()
    {
        // Arrange
        var (log, metrics) = Create(new AuditOptions { InfoSampleRate = 0, Output = TextWriter.Null });

        // Act
        var info = log.Record(Report(Direction.Response, Finding(PiiEntity.Email)));
        var warning = log.Record(Report(Direction.Request, Finding(PiiEntity.IndianMobile)));
        var none = log.Record(Report(Direction.Request));

        // Assert: sampling is not a drop.
        Assert.False(info);
        Assert.True(warning);
        Assert.False(none);
        Assert.Equal(0, metrics.AuditEventsDropped);
    }

    [Fact]
    public void Write_Findings_GroupedWithSanitizedPathsAndNoValue()
    {
        // Arrange
        var report = Report(
            Direction.Response,
            Finding(PiiEntity.Aadhaar, "$.customer.aadhaar"),
            Finding(PiiEntity.Aadhaar, "$.customer.aadhaar"),
            Finding(PiiEntity.IndianMobile, "$.contacts.9876543210.phone"),
            Finding(PiiEntity.Email, "$.byEmail.ravi@example.com"));
        var buffer = new ArrayBufferWriter<byte>();

        // Act
        AuditEventSerializer.Write(new AuditEntry(DateTimeOffset.UnixEpoch, AuditSeverity.Critical, report), buffer);
        var text = Encoding.UTF8.GetString(buffer.WrittenSpan);
        var root = JsonDocument.Parse(text).RootElement;

        // Assert
        Assert.DoesNotContain('\n', text);
        Assert.Equal("critical", root.GetProperty("severity").GetString());
        Assert.Equal(1, root.GetProperty("schema").GetInt32());
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(3, findings.Count);
        Assert.Equal(2, findings[0].GetProperty("count").GetInt32());
        Assert.Equal("$.contacts.*.phone", findings[1].GetProperty("json_path").GetString());
        Assert.Equal("$.byEmail.*.com", findings[2].GetProperty("json_path").GetString());
        Assert.DoesNotContain("9876543210", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ravi", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3f1c2a9e-0000-4000-8000-000000000001", "3f1c2a9e-0000-4000-8000-000000000001")]
    [InlineData("req 42", null)]
    [InlineData("ravi@example.com", null)]
    [InlineData("", null)]
    public void SanitizeRequestId_Values_OnlyIdShapedKept(string requestId, string? expected)
        => Assert.Equal(expected, AuditEventSerializer.SanitizeRequestId(requestId));

    private static (AuditLog Log, ProcessingMetrics Metrics) Create(AuditOptions options)
    {
        var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new ProcessingMetrics(services.GetRequiredService<IMeterFactory>(), new StaticStatus());
        return (new AuditLog(options, metrics, TimeProvider.System), metrics);
    }

    private sealed class StaticStatus : IPolicyReloadStatus
    {
        public string CurrentVersion => "v1";

        public long SuccessfulReloads => 0;

        public long FailedReloads => 0;
    }

    [Fact]
    public void WriteEvent_ReusedSerializer_SameLineAsFreshSerializer()
    {
        // Arrange: a first event with many groups and fingerprints, then a smaller one through the same serializer.
        var many = new List<PiiFinding>();
        for (var i = 0; i < 40; i++)
        {
            many.Add(Finding(PiiEntity.Aadhaar, $"$.items[].f{i % 7}") with { Fingerprint = (ulong)(i % 20) });
        }

        var first = new AuditEntry(DateTimeOffset.UnixEpoch, AuditSeverity.Critical, Report(Direction.Response, [.. many]));
        var second = new AuditEntry(DateTimeOffset.UnixEpoch, AuditSeverity.Warning, Report(
            Direction.Request,
            Finding(PiiEntity.Aadhaar, "$.items[].f1") with { Fingerprint = 1UL },
            Finding(PiiEntity.IndianMobile, "$.phone")));
        var serializer = new AuditEventSerializer();
        var reused = new ArrayBufferWriter<byte>();
        var fresh = new ArrayBufferWriter<byte>();

        // Act
        serializer.WriteEvent(first, reused);
        var firstLine = Encoding.UTF8.GetString(reused.WrittenSpan);
        reused.ResetWrittenCount();
        serializer.WriteEvent(second, reused);
        AuditEventSerializer.Write(second, fresh);

        // Assert
        Assert.Equal(Encoding.UTF8.GetString(fresh.WrittenSpan), Encoding.UTF8.GetString(reused.WrittenSpan));
        var groups = JsonDocument.Parse(firstLine).RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(7, groups.Count);
        Assert.Equal(["0000000000000000", "0000000000000007", "000000000000000e", "0000000000000001", "0000000000000008", "000000000000000f"], groups[0].GetProperty("fingerprints").EnumerateArray().Select(f => f.GetString()!));
    }

    [Fact]
    public void WriteEvent_MoreGroupsThanTheLinearScan_CountsAndOrderAsGroupBy()
    {
        // Arrange: 30 distinct (entity, path) groups met in a shuffled order, each several times.
        var random = new Random(7);
        var findings = new List<PiiFinding>();
        for (var i = 0; i < 300; i++)
        {
            var group = random.Next(30);
            findings.Add(Finding(group % 2 == 0 ? PiiEntity.Aadhaar : PiiEntity.Email, $"$.g{group / 2}"));
        }

        var expected = findings.GroupBy(f => (f.Entity.Name, f.JsonPath)).Select(g => (g.Key.Name, g.Key.JsonPath, g.Count())).ToList();
        var buffer = new ArrayBufferWriter<byte>();

        // Act
        AuditEventSerializer.Write(new AuditEntry(DateTimeOffset.UnixEpoch, AuditSeverity.Critical, Report(Direction.Response, [.. findings])), buffer);

        // Assert
        var groups = JsonDocument.Parse(buffer.WrittenMemory).RootElement.GetProperty("findings").EnumerateArray()
            .Select(g => (g.GetProperty("entity").GetString()!, g.GetProperty("json_path").GetString(), g.GetProperty("count").GetInt32()))
            .ToList();
        Assert.Equal(expected, groups);
    }

    [Fact]
    public async Task Writer_QueuedEvents_WrittenInBatchesOfWholeLines()
    {
        // Arrange: 300 events queued before the writer starts (so its first wake-up finds them all).
        var output = new CountingWriter();
        var options = new AuditOptions { Output = output };
        var (log, metrics) = Create(options);
        for (var i = 0; i < 300; i++)
        {
            Assert.True(log.Record(Report(Direction.Request, Finding(PiiEntity.Aadhaar, $"$.n{i}"))));
        }

        using var writer = new AuditWriter(log, options, metrics, Microsoft.Extensions.Logging.Abstractions.NullLogger<AuditWriter>.Instance, TimeProvider.System);

        // Act
        await writer.StartAsync(CancellationToken.None);
        await writer.StopAsync(CancellationToken.None);

        // Assert: every event is one whole line, in order, and the lines went out in far fewer calls than events, each
        // call holding whole lines only.
        var lines = output.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(300, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            Assert.Equal($"$.n{i}", JsonDocument.Parse(lines[i]).RootElement.GetProperty("findings")[0].GetProperty("json_path").GetString());
        }

        Assert.InRange(output.Writes, 2, 60);
        Assert.All(output.Calls, call => Assert.EndsWith("\n", call, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Writer_EventsArrivingOneByOne_AtMostOneWritePerInterval()
    {
        // Arrange: a writer paced at 100 ms, running while 60 events arrive ~2 ms apart (each would wake an unpaced
        // writer and cost a write of its own).
        var interval = TimeSpan.FromMilliseconds(100);
        var output = new CountingWriter();
        var (log, writer) = await StartPacedWriterAsync(output, interval);
        using var stopped = writer;

        // Act
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 60; i++)
        {
            Assert.True(log.Record(Report(Direction.Request, Finding(PiiEntity.Aadhaar, $"$.n{i}"))));
            await Task.Delay(2);
        }

        await writer.StopAsync(CancellationToken.None);

        // The writer ran until it stopped: a paced write may fall between the last event and the stop (a loaded
        // machine stretches that gap), so the bound counts the intervals up to the stop.
        var elapsed = clock.Elapsed;

        // Assert: all lines, in order; the first write, one per interval after it, and the last one at shutdown.
        var lines = output.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(60, lines.Length);
        Assert.Equal("$.n59", JsonDocument.Parse(lines[^1]).RootElement.GetProperty("findings")[0].GetProperty("json_path").GetString());
        Assert.InRange(output.Writes, 1, 2 + (int)(elapsed / interval));
    }

    [Fact]
    public async Task Writer_LoneEvent_WrittenWithoutWaitingForMore()
    {
        var output = new CountingWriter();
        var (log, writer) = await StartPacedWriterAsync(output, TimeSpan.FromMilliseconds(50));
        using var stopped = writer;

        // Two events, the second after the first was written (so it meets a paced writer): each is written while the
        // writer runs, without a shutdown or further traffic to push it out.
        for (var n = 1; n <= 2; n++)
        {
            Assert.True(log.Record(Report(Direction.Request, Finding(PiiEntity.Aadhaar, $"$.n{n}"))));
            Assert.True(await output.WaitForLinesAsync(n, TimeSpan.FromSeconds(10)), $"event {n} not written while the writer ran");
        }

        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Writer_StopDuringAPacingWait_WritesTheQueueAtOnce()
    {
        // An interval far longer than the test: only the stop can end the wait for the second event.
        var output = new CountingWriter();
        var (log, writer) = await StartPacedWriterAsync(output, TimeSpan.FromHours(1));
        using var stopped = writer;
        Assert.True(log.Record(Report(Direction.Request, Finding(PiiEntity.Aadhaar, "$.first"))));
        Assert.True(await output.WaitForLinesAsync(1, TimeSpan.FromSeconds(10)));
        Assert.True(log.Record(Report(Direction.Request, Finding(PiiEntity.Aadhaar, "$.second"))));

        await writer.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("$.second", output.Text, StringComparison.Ordinal);
    }

    /// <summary>A started writer to <paramref name="output"/> paced at <paramref name="interval"/>, and its log.</summary>
    private static async Task<(AuditLog Log, AuditWriter Writer)> StartPacedWriterAsync(CountingWriter output, TimeSpan interval)
    {
        var options = new AuditOptions { Output = output, WriteInterval = interval };
        var (log, metrics) = Create(options);
        var writer = new AuditWriter(log, options, metrics, Microsoft.Extensions.Logging.Abstractions.NullLogger<AuditWriter>.Instance, TimeProvider.System);
        await writer.StartAsync(CancellationToken.None);
        return (log, writer);
    }

    /// <summary>Records each write call (the audit writer calls <see cref="TextWriter.Write(ReadOnlySpan{char})"/>); safe to read while the writer runs.</summary>
    private sealed class CountingWriter : StringWriter
    {
        private readonly Lock _gate = new();

        public List<string> Calls { get; } = [];

        public int Writes
        {
            get
            {
                lock (_gate)
                {
                    return Calls.Count;
                }
            }
        }

        public string Text
        {
            get
            {
                lock (_gate)
                {
                    return ToString();
                }
            }
        }

        /// <summary>Polls until at least <paramref name="count"/> lines were written or <paramref name="timeout"/> passed.</summary>
        public async Task<bool> WaitForLinesAsync(int count, TimeSpan timeout)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (Text.Count(c => c == '\n') < count)
            {
                if (clock.Elapsed > timeout)
                {
                    return false;
                }

                await Task.Delay(5);
            }

            return true;
        }

        [System.Diagnostics.CodeAnalysis.AllowNull]
        public override string NewLine { get => "\n"; set { } }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            lock (_gate)
            {
                Calls.Add(new string(buffer));
                base.Write(buffer);
            }
        }

        public override void WriteLine(ReadOnlySpan<char> buffer) => Write(string.Concat(buffer, "\n").AsSpan());
    }
}
