using PiiExtProc.Tests.Emulator;
using PiiExtProc.Tests.Infrastructure;
using BodySendMode = Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types.BodySendMode;

namespace PiiExtProc.Tests.Conformance;

/// <summary>
/// The embedded default policy's header scanning through the real server: the query strings of <c>:path</c>,
/// <c>referer</c> (request) and <c>location</c> (response) are scanned as forms: a mobile number is masked, the rest of
/// each URL kept.
/// </summary>
public sealed class DefaultPolicyHeaderTests(DefaultPolicyServerFixture server) : ConformanceTestBase, IClassFixture<DefaultPolicyServerFixture>
{
    [Fact]
    public async Task RefererQuery_MaskedRestOfTheUrlKept()
    {
        var headers = HttpExchange.RequestHeaders(method: "GET", path: "/p/kurta", contentType: null,
            extra: [("referer", "https://shop.example.in/checkout?mobile=9876543210&email=alice.kumar%40example.com&step=2")]);
        var verdict = await server.RunAsync(Options(BodySendMode.None), new HttpExchange().Message(HttpDirection.Request, headers, []));

        AssertClean(verdict);
        var referer = verdict.Request.Headers!.Get("referer")!;
        Assert.StartsWith("https://shop.example.in/checkout?mobile=", referer, StringComparison.Ordinal);
        Assert.DoesNotContain("9876543210", referer, StringComparison.Ordinal);
        Assert.EndsWith("&step=2", referer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocationQuery_MaskedRestOfTheUrlKept()
    {
        var exchange = HttpExchange.RequestAndResponse(
            HttpExchange.RequestHeaders(method: "GET", path: "/pay/return", contentType: null), [],
            HttpExchange.ResponseHeaders(status: 302, contentType: null,
                extra: [("location", "https://pay.example.in/done?status=ok&phone=%2B91+98765+43210#receipt")]), []);
        var verdict = await server.RunAsync(Options(BodySendMode.None), exchange);

        AssertClean(verdict);
        var location = verdict.Response.Headers!.Get("location")!;
        Assert.StartsWith("https://pay.example.in/done?status=ok&phone=", location, StringComparison.Ordinal);
        Assert.DoesNotContain("98765", location, StringComparison.Ordinal);
        Assert.EndsWith("#receipt", location, StringComparison.Ordinal);
    }
}
