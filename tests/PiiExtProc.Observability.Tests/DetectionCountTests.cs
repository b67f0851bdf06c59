using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PiiExtProc.Diagnostics;
using PiiExtProc.Processing;
using PiiExtProc.Scanning;

namespace PiiExtProc.Observability.Tests;

/// <summary>The detections counter: findings counted per (entity, operator, direction, route), however they are added.</summary>
public sealed class DetectionCountTests
{
    /// <summary>A route of this class only (the server tests count the "orders" route of the same process).</summary>
    private const string Route = "detection-count-tests";

    [Fact]
    public void BodyScanned_ManyFindingsOfManyKinds_CountsEqualFindingsPerEntityAndOperator()
    {
        // Arrange: 500 findings over 3 entities x 2 actions, shuffled; 40 custom-looking entities for more than 32 kinds.
        var random = new Random(11);
        PiiEntity[] entities = [PiiEntity.Aadhaar, PiiEntity.IndianMobile, PiiEntity.Email];
        var findings = new List<PiiFinding>();
        for (var i = 0; i < 500; i++)
        {
            var action = random.Next(2) == 0 ? FindingAction.Observed : FindingAction.Blocked;
            findings.Add(new PiiFinding(entities[random.Next(3)], i, 1, 1f, "test", "$.a", action));
        }

        for (var i = 0; i < 40; i++)
        {
            findings.Insert(random.Next(findings.Count), new PiiFinding(PiiEntity.CreateCustom($"CUSTOM_{i}", EntityCategory.Identifier), 0, 1, 1f, "test", "$.b", FindingAction.Observed));
        }

        var expected = findings.GroupBy(f => (f.Entity.Name, f.Action == FindingAction.Blocked ? "block" : "observe"))
            .ToDictionary(g => g.Key, g => (long)g.Count());
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        var metrics = new ProcessingMetrics(factory, new StaticStatus());
        var counted = new Dictionary<(string, string), long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // This test's instrument only: other tests' metrics live in the same process.
            if (instrument.Name == "piiextproc.detections" && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? entity = null, op = null;
            foreach (var tag in tags)
            {
                entity = tag.Key == "entity" ? (string?)tag.Value : entity;
                op = tag.Key == "operator" ? (string?)tag.Value : op;
                Assert.True(tag.Key != "route" || (string?)tag.Value == Route);
            }

            // An observable counter reports each series' running total at collection.
            counted[(entity!, op!)] = value;
        });
        listener.Start();

        // Act: the findings in two bodies, then one collection.
        metrics.BodyScanned(new BodyScanReport(Direction.Response, Route, "v1", null, 100, findings[..200], 200, Blocked: false));
        metrics.BodyScanned(new BodyScanReport(Direction.Response, Route, "v1", null, 100, findings[200..], findings.Count - 200, Blocked: false));
        listener.RecordObservableInstruments();

        // Assert
        Assert.Equal(expected.OrderBy(p => p.Key), counted.OrderBy(p => p.Key));
    }

    [Fact]
    public void Add_PastTheLabelSetLimit_CountedInTheOverflowSeries()
    {
        var counters = new DetectionCounters();
        for (var i = 0; i < DetectionCounters.MaxLabelSets + 5; i++)
        {
            counters.Add("IN_AADHAAR", "mask", "request", $"route-{i}", 2);
        }

        counters.Add("IN_AADHAAR", "mask", "request", "route-0", 3);

        var measurements = counters.Observe().ToList();
        Assert.Equal(DetectionCounters.MaxLabelSets + 1, measurements.Count);
        Assert.Equal(5, measurements.Single(m => m.Tags.ToArray().Any(t => t.Key == "route" && (string?)t.Value == "route-0")).Value);
        var overflow = measurements.Single(m => m.Tags.ToArray().Any(t => t.Key == "otel.metric.overflow"));
        Assert.Equal(10, overflow.Value);
    }

    private sealed class StaticStatus : IPolicyReloadStatus
    {
        public string CurrentVersion => "v1";

        public long SuccessfulReloads => 0;

        public long FailedReloads => 0;
    }
}
