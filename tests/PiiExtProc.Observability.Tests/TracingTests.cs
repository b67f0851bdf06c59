using System.Collections.Concurrent;
using System.Diagnostics;
using PiiExtProc.Diagnostics;
using PiiExtProc.Observability.Tests.Support;
using static PiiExtProc.Observability.Tests.Support.ExtProcMessages;

namespace PiiExtProc.Observability.Tests;

/// <summary>The per-stream span and its link to the HTTP exchange's trace.</summary>
[Collection(ServerTests.Name)]
public sealed class TracingTests
{
    [Fact]
    public async Task Process_TraceparentInRequestHeaders_SpanLinkedToExchangeTrace()
    {
        // Arrange
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TelemetryNames.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var server = await RunningServer.StartAsync();
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        var headers = JsonPost(requestId: "trace-req-1").Append(("traceparent", $"00-{traceId}-00f067aa0ba902b7-01")).ToArray();

        // Act
        await RunAsync(server, RequestHeaders(false, headers), RequestBody("""{"note":"call 9876543210"}"""));
        await server.DisposeAsync();

        // Assert
        var span = Assert.Single(stopped, a => a.GetTagItem("piiextproc.request_id") as string == "trace-req-1");
        Assert.Equal(TelemetryNames.StreamActivityName, span.OperationName);
        Assert.Equal(ActivityKind.Server, span.Kind);
        var link = Assert.Single(span.Links);
        Assert.Equal(traceId, link.Context.TraceId.ToHexString());
        Assert.Equal(TestPolicies.RuleName, span.GetTagItem("piiextproc.route"));
        var scanned = Assert.Single(span.Events, e => e.Name == "body_scanned");
        Assert.Equal(1, scanned.Tags.Single(t => t.Key == "finding_count").Value);
        Assert.DoesNotContain(span.Tags, t => t.Value?.Contains("9876543210", StringComparison.Ordinal) == true);
    }
}
