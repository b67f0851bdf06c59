using PiiExtProc.Routing;
using PiiExtProc.Tests.Emulator;
using PiiExtProc.Tests.Infrastructure;
using BodySendMode = Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types.BodySendMode;

namespace PiiExtProc.Tests.Conformance;

/// <summary>
/// The <c>x-pii-policy</c> gRPC initial metadata header (Envoy's <c>grpc_initial_metadata</c>, POLICY.md "How a stream
/// finds its rule") names the stream's route through the real server: a rule matching that route name applies to the
/// stream, and a stream without the header, or with another value, gets the default rule.
/// </summary>
public sealed class PolicyHeaderTests(RoutedPolicyServerFixture server) : ConformanceTestBase, IClassFixture<RoutedPolicyServerFixture>
{
    [Fact]
    public async Task HeaderNamesAnObserveOnlyRule_BodyPassesUnchanged()
    {
        var body = Utf8(PiiJson);
        var options = Options(BodySendMode.Buffered) with { InitialMetadata = [new(RoutedPolicyServerFixture.Header, RoutedPolicyServerFixture.ObservedRoute)] };
        var verdict = await server.RunAsync(options, Request(body, [body]));

        AssertClean(verdict);
        Assert.Equal(body, verdict.Request.Body);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("other-route")]
    [InlineData("OBSERVE-ROUTE")]
    public async Task NoHeaderOrAnotherRoute_DefaultRuleMasks(string? value)
    {
        var body = Utf8(PiiJson);
        var options = Options(BodySendMode.Buffered);
        if (value is not null)
        {
            options = options with { InitialMetadata = [new(RoutedPolicyServerFixture.Header, value)] };
        }

        var verdict = await server.RunAsync(options, Request(body, [body]));

        AssertClean(verdict);
        Assert.NotEqual(body, verdict.Request.Body);
        Assert.DoesNotContain("98765 43210", System.Text.Encoding.UTF8.GetString(verdict.Request.Body!), StringComparison.Ordinal);
    }
}

/// <summary>A server whose policy file has one rule, observe-only, for the route name <see cref="ObservedRoute"/>.</summary>
public sealed class RoutedPolicyServerFixture : ExtProcServerFixture, IDisposable
{
    public const string Header = PiiExtProc.Policy.RouteRequest.PolicyHeaderName;

    public const string ObservedRoute = "observe-route";

    private readonly string _directory = Directory.CreateTempSubdirectory("piiextproc-routed-").FullName;

    internal override IPolicySource CreatePolicySource()
    {
        var file = Path.Combine(_directory, "policy.yaml");
        File.WriteAllText(file, $"""
            version: 1
            rules:
              - name: observed
                match: {"{"}route_names: [{ObservedRoute}]{"}"}
                observe_only: true
            """);
        return new ReloadingPolicySource(file, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
