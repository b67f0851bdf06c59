using System.Net;
using System.Text;
using System.Text.Json;
using Envoy.Service.ExtProc.V3;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using PiiExtProc.Diagnostics;
using PiiExtProc.Observability.Tests.Support;
using static PiiExtProc.Observability.Tests.Support.ExtProcMessages;

namespace PiiExtProc.Observability.Tests;

/// <summary>Traffic through the real server moves the piiextproc_* metrics, and no seeded raw value leaks anywhere.</summary>
[Collection(ServerTests.Name)]
public sealed class ServerMetricsTests
{
    private const string Aadhaar = "234123412346";
    private const string Phone = "9876543210";
    private const string Email = "ravi.kumar@example.com";

    private static readonly string s_requestBody =
        $$"""{"customer":{"aadhaar":"{{Aadhaar}}","phone":"{{Phone}}","email":"{{Email}}"},"items":[{"sku":"A-1","qty":2}]}""";

    private static readonly string s_responseBody = $$$"""{"order":{"id":"o-1","aadhaar":"{{{Aadhaar}}}"}}""";

    [Fact]
    public async Task Process_JsonBodiesWithPii_CountersAndHistogramsMove()
    {
        // Arrange
        await using var server = await RunningServer.StartAsync();

        // Act
        var replies = await RunAsync(
            server,
            RequestHeaders(false, JsonPost()),
            RequestBody(s_requestBody),
            ResponseHeaders(false, (":status", "200"), ("content-type", "application/json")),
            ResponseBody(s_responseBody));
        var scrape = PrometheusScrape.Parse(await server.ScrapeAsync());

        // Assert: the body was really rewritten, so the scan ran.
        Assert.Equal(4, replies.Count);
        Assert.DoesNotContain(Aadhaar, replies[1].RequestBody.Response.BodyMutation.Body.ToStringUtf8(), StringComparison.Ordinal);
        var request = ("direction", "request");
        var response = ("direction", "response");
        var route = ("route", TestPolicies.RuleName);
        Assert.Equal(1, scrape.Sum("piiextproc_detections_total", ("entity", "IN_AADHAAR"), request, route));
        Assert.Equal(1, scrape.Sum("piiextproc_detections_total", ("entity", "IN_MOBILE"), request, route));
        Assert.Equal(1, scrape.Sum("piiextproc_detections_total", ("entity", "EMAIL_ADDRESS"), request, route));
        Assert.Equal(1, scrape.Sum("piiextproc_detections_total", ("entity", "IN_AADHAAR"), response, route));
        Assert.True(scrape.Has("piiextproc_detections_total", ("entity", "IN_AADHAAR"), ("operator", "mask")));
        Assert.Equal(1, scrape.Sum("piiextproc_bodies_scanned_total", request, route));
        Assert.Equal(1, scrape.Sum("piiextproc_bodies_scanned_total", response, route));
        Assert.Equal(Encoding.UTF8.GetByteCount(s_requestBody), scrape.Sum("piiextproc_body_bytes_scanned_total", request, route));
        Assert.Equal(Encoding.UTF8.GetByteCount(s_responseBody), scrape.Sum("piiextproc_body_bytes_scanned_total", response, route));
        Assert.Equal(0, scrape.Sum("piiextproc_active_streams"));
        Assert.True(scrape.Has("piiextproc_active_streams"));
        foreach (var type in new[] { "request_headers", "request_body", "response_headers", "response_body" })
        {
            Assert.Equal(1, scrape.Sum("piiextproc_message_duration_seconds_count", ("message_type", type)));
            Assert.Equal(1, scrape.Sum("piiextproc_message_duration_seconds_bucket", ("message_type", type), ("le", "+Inf")));
        }

        var bounds = scrape.Samples.Where(s => s.Name == "piiextproc_message_duration_seconds_bucket" && s.Labels["message_type"] == "request_body")
            .Select(s => s.Labels["le"]).ToList();
        Assert.Equal(ProcessingMetrics.DurationBucketsSeconds.Length + 1, bounds.Count);
        Assert.Equal(0.00001, double.Parse(bounds[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, scrape.Sum("piiextproc_stream_errors_total"));
    }

    [Fact]
    public async Task Process_SeededPii_NeverInMetricsLogsOrAudit()
    {
        // Arrange
        await using var server = await RunningServer.StartAsync();

        // Act: bodies, a query string and an error path (a protocol violation logs its detail).
        await RunAsync(
            server,
            RequestHeaders(false, JsonPost($"/orders?phone={Phone}&email={Email}")),
            RequestBody(s_requestBody),
            ResponseHeaders(false, (":status", "200"), ("content-type", "application/json")),
            ResponseBody(s_responseBody));
        await Assert.ThrowsAsync<RpcException>(() => RunAsync(
            server, RequestHeaders(true, JsonPost($"/orders?aadhaar={Aadhaar}")), RequestBody(s_requestBody)));
        var metrics = await server.ScrapeAsync();
        var audit = await server.WaitForAuditAsync(text => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length >= 3);

        // Assert: the traffic did produce audit events and logs, and none holds a seeded value (or its digits).
        Assert.Contains("\"severity\":\"critical\"", audit, StringComparison.Ordinal);
        Assert.NotEmpty(server.Logs.Text);
        foreach (var value in new[] { Aadhaar, Phone, Email, "ravi.kumar", "2341 2341 2346" })
        {
            Assert.DoesNotContain(value, metrics, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(value, server.Logs.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(value, audit, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Process_BodiesWithFindings_OneAuditLinePerDirectionWithSeverity()
    {
        // Arrange
        await using var server = await RunningServer.StartAsync();

        // Act
        await RunAsync(
            server,
            RequestHeaders(false, JsonPost(requestId: "req-42")),
            RequestBody(s_requestBody),
            ResponseHeaders(false, (":status", "200"), ("content-type", "application/json")),
            ResponseBody(s_responseBody));
        var text = await server.WaitForAuditAsync(t => t.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length >= 2);

        // Assert
        var events = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(2, events.Count);
        var requestEvent = events.Single(e => e.GetProperty("direction").GetString() == "request");
        var responseEvent = events.Single(e => e.GetProperty("direction").GetString() == "response");
        Assert.Equal("warning", requestEvent.GetProperty("severity").GetString());
        Assert.Equal("critical", responseEvent.GetProperty("severity").GetString());
        Assert.Equal("req-42", requestEvent.GetProperty("request_id").GetString());
        Assert.Equal(TestPolicies.RuleName, requestEvent.GetProperty("route").GetString());
        Assert.Equal(TestPolicies.Version, requestEvent.GetProperty("policy_version").GetString());
        Assert.Equal(3, requestEvent.GetProperty("finding_count").GetInt32());
        var aadhaar = requestEvent.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("entity").GetString() == "IN_AADHAAR");
        Assert.Equal("$.customer.aadhaar", aadhaar.GetProperty("json_path").GetString());
        Assert.Equal(1, aadhaar.GetProperty("count").GetInt32());
        Assert.Equal("mask", aadhaar.GetProperty("operator").GetString());
        Assert.False(string.IsNullOrEmpty(aadhaar.GetProperty("recognizer").GetString()));
        var fingerprint = Assert.Single(aadhaar.GetProperty("fingerprints").EnumerateArray()).GetString()!;
        Assert.Matches("^[0-9a-f]{16}$", fingerprint);
        Assert.DoesNotContain(Aadhaar, fingerprint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_AuditOff_NoAuditOutput()
    {
        // Arrange
        await using var server = await RunningServer.StartAsync(options: new Hosting.ServeOptions { Audit = false });

        // Act
        await RunAsync(server, RequestHeaders(false, JsonPost()), RequestBody(s_requestBody));
        var scrape = PrometheusScrape.Parse(await server.ScrapeAsync());

        // Assert: scanned and counted, but no event.
        Assert.Equal(1, scrape.Sum("piiextproc_detections_total", ("entity", "IN_AADHAAR")));
        Assert.Equal(string.Empty, server.AuditText);
    }

    [Fact]
    public async Task Process_SkippedBlockedAndFailedStreams_CountedByReasonAndCause()
    {
        // Arrange
        await using var server = await RunningServer.StartAsync(TestPolicies.MaskEverything(block: true));

        // Act
        await RunAsync(server, RequestHeaders(false, (":method", "POST"), (":path", "/upload"), ("content-type", "image/png")));
        var blocked = await RunAsync(server, RequestHeaders(false, JsonPost()), RequestBody(s_requestBody));
        var violation = await Assert.ThrowsAsync<RpcException>(() => RunAsync(server, RequestHeaders(true, JsonPost()), RequestBody("{}")));
        var scrape = PrometheusScrape.Parse(await server.ScrapeAsync());

        // Assert
        Assert.Equal(1, scrape.Sum("piiextproc_bodies_skipped_total", ("reason", "content_type"), ("direction", "request"), ("route", TestPolicies.RuleName)));
        Assert.Equal(ProcessingResponse.ResponseOneofCase.ImmediateResponse, blocked[^1].ResponseCase);
        Assert.Equal(1, scrape.Sum("piiextproc_blocked_exchanges_total", ("direction", "request"), ("route", TestPolicies.RuleName)));
        Assert.Equal(1, scrape.Sum("piiextproc_detections_total", ("entity", "IN_AADHAAR"), ("operator", "block")));
        Assert.Equal(StatusCode.FailedPrecondition, violation.StatusCode);
        Assert.Equal(1, scrape.Sum("piiextproc_stream_errors_total", ("cause", "body_after_end")));
        Assert.Equal(0, scrape.Sum("piiextproc_active_streams"));
    }

    [Fact]
    public async Task Scrape_PolicyReloadStatus_ExportsReloadsAndVersion()
    {
        // Arrange
        var status = new FakeReloadStatus { CurrentVersion = "sha256-abc123", SuccessfulReloads = 3, FailedReloads = 1 };
        await using var server = await RunningServer.StartAsync(configure: services => services.AddSingleton<IPolicyReloadStatus>(status));

        // Act
        var first = PrometheusScrape.Parse(await server.ScrapeAsync());
        status.CurrentVersion = "sha256-def456";
        status.FailedReloads = 2;
        var second = PrometheusScrape.Parse(await server.ScrapeAsync());

        // Assert
        Assert.Equal(3, first.Sum("piiextproc_policy_reloads_total", ("result", "success")));
        Assert.Equal(1, first.Sum("piiextproc_policy_reloads_total", ("result", "failure")));
        Assert.Equal(1, first.Sum("piiextproc_policy_info", ("version", "sha256-abc123")));
        Assert.Equal(2, second.Sum("piiextproc_policy_reloads_total", ("result", "failure")));
        Assert.Equal(1, second.Sum("piiextproc_policy_info", ("version", "sha256-def456")));
        Assert.False(second.Has("piiextproc_policy_info", ("version", "sha256-abc123")));
    }

    [Fact]
    public async Task Scrape_DefaultReloadStatus_ReportsPolicySourceVersion()
    {
        // Arrange
        await using var server = await RunningServer.StartAsync();

        // Act
        var scrape = PrometheusScrape.Parse(await server.ScrapeAsync());

        // Assert
        Assert.Equal(1, scrape.Sum("piiextproc_policy_info", ("version", TestPolicies.Version)));
        Assert.Equal(0, scrape.Sum("piiextproc_policy_reloads_total", ("result", "success")));
        Assert.True(scrape.Has("piiextproc_audit_events_dropped_total"));
    }

    [Fact]
    public async Task Metrics_OnGrpcPort_NotServed()
    {
        // Arrange
        await using var server = await RunningServer.StartAsync();
        using var http2 = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        // Act
        using var response = await http2.GetAsync(new Uri(server.GrpcAddress, "/metrics"));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private sealed class FakeReloadStatus : IPolicyReloadStatus
    {
        public string CurrentVersion { get; set; } = "";

        public long SuccessfulReloads { get; set; }

        public long FailedReloads { get; set; }
    }
}
