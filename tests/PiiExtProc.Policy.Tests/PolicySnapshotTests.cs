using PiiExtProc.Scanning;

namespace PiiExtProc.Policy.Tests;

public sealed class PolicySnapshotTests
{
    private const string RoutingPolicy = """
        version: 1
        rules:
          - name: payments
            match:
              route_names: [payments-v1, payments-v2]
          - name: support-tool
            match:
              authorities: ["support.example.in", "*.support.example.in"]
              path_prefixes: [/api/tickets]
          - name: uploads
            match:
              methods: [PUT, POST]
              path_prefixes: [/upload]
              directions: request
              content_types: [text/*]
          - name: responses
            match:
              directions: [response]
              content_types: [application/json, application/*+json]
        """;

    private static readonly PolicySnapshot s_snapshot = TestPolicies.Compile(RoutingPolicy);

    [Theory]
    [InlineData("payments-v2", null, null, null, TrafficDirection.Request, null, "payments")]
    [InlineData("payments-v3", null, null, null, TrafficDirection.Request, null, "default")]
    [InlineData(null, "support.example.in:443", "/api/tickets/7?q=1", "GET", TrafficDirection.Request, null, "support-tool")]
    [InlineData(null, "EU.Support.Example.in", "/api/tickets", "GET", TrafficDirection.Request, null, "support-tool")]
    [InlineData(null, "support.example.in", "/api/ticket", "GET", TrafficDirection.Request, null, "default")]
    [InlineData(null, "example.in", "/api/tickets", "GET", TrafficDirection.Request, null, "default")]
    [InlineData(null, "x", "/upload/a", "post", TrafficDirection.Request, "text/plain; charset=utf-8", "uploads")]
    [InlineData(null, "x", "/upload/a", "GET", TrafficDirection.Request, "text/plain", "default")]
    [InlineData(null, "x", "/upload/a", "POST", TrafficDirection.Response, "text/plain", "default")]
    [InlineData(null, "x", "/upload/a", "POST", TrafficDirection.Request, null, "default")]
    [InlineData(null, "x", "/x", "GET", TrafficDirection.Response, "application/problem+json", "responses")]
    [InlineData(null, "x", "/x", "GET", TrafficDirection.Response, "APPLICATION/JSON", "responses")]
    [InlineData(null, "x", "/x", "GET", TrafficDirection.Response, "text/html", "default")]
    public void Resolve_Request_PicksFirstMatchingRuleOrDefault(
        string? routeName, string? authority, string? path, string? method, TrafficDirection direction, string? contentType, string expected)
    {
        var request = new RouteRequest { RouteName = routeName, Authority = authority, Path = path, Method = method, Direction = direction, ContentType = contentType };

        var policy = s_snapshot.Resolve(request);

        Assert.Equal(expected, policy.RuleName);
        Assert.Equal(direction, policy.Direction);
    }

    [Fact]
    public void Resolve_TwoRulesMatch_FirstInFileOrderWins()
    {
        var snapshot = TestPolicies.Compile("""
            version: 1
            rules:
              - name: narrow
                match: {path_prefixes: [/v1/pay]}
              - name: broad
                match: {path_prefixes: [/v1]}
            """);

        Assert.Equal("narrow", snapshot.Resolve(new RouteRequest { Path = "/v1/pay/x" }).RuleName);
        Assert.Equal("broad", snapshot.Resolve(new RouteRequest { Path = "/v1/other" }).RuleName);
    }

    [Fact]
    public void Resolve_SameRuleTwice_ReturnsSameInstance()
    {
        var request = new RouteRequest { RouteName = "payments-v1" };

        Assert.Same(s_snapshot.Resolve(request), s_snapshot.Resolve(request));
    }

    [Fact]
    public void Snapshot_Version_IsShortContentHash()
    {
        Assert.Matches("^[0-9a-f]{12}$", s_snapshot.Version);
        Assert.Equal(s_snapshot.Version, TestPolicies.Compile(RoutingPolicy).Version);
        Assert.NotEqual(s_snapshot.Version, TestPolicies.Compile(RoutingPolicy + "\n# comment\n").Version);
    }

    [Fact]
    public void RoutePolicy_ContentTypesAndFormat_FollowDefaults()
    {
        var policy = s_snapshot.Resolve(default);

        Assert.True(policy.IsScannedContentType("application/json; charset=utf-8"));
        Assert.True(policy.IsScannedContentType("application/vnd.api+json"));
        Assert.True(policy.IsScannedContentType("text/html"));
        Assert.False(policy.IsScannedContentType("image/png"));
        Assert.False(policy.IsScannedContentType(null));
        Assert.Equal(BodyFormat.Json, RoutePolicy.GetBodyFormat("application/x-ndjson"));
        Assert.Equal(BodyFormat.Text, RoutePolicy.GetBodyFormat("text/plain"));
        Assert.Equal(BodyFormat.FormUrlEncoded, RoutePolicy.GetBodyFormat("application/x-www-form-urlencoded; charset=UTF-8"));
        Assert.Equal(BodyFormat.Multipart, RoutePolicy.GetBodyFormat("multipart/form-data; boundary=x"));
        Assert.Equal(BodyFormat.Text, RoutePolicy.GetBodyFormat("multipart/mixed; boundary=x"));
        Assert.Equal(BodyFormat.Markup, RoutePolicy.GetBodyFormat("application/soap+xml; charset=utf-8"));
        Assert.Equal(BodyFormat.Markup, RoutePolicy.GetBodyFormat("text/xml"));
        Assert.Equal(BodyFormat.Markup, RoutePolicy.GetBodyFormat("text/html"));
        Assert.True(policy.ScansQueryString);
        Assert.Equal(UnscannableAction.FailClosed, policy.OnUnscannable);
        Assert.Equal(UnknownEncodingAction.Block, policy.OnUnknownEncoding);
        Assert.Equal(PolicyDefaults.MaxBodyBytes, policy.MaxBodyBytes);
    }
}
