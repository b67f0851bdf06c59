using System.Text;
using Envoy.Config.Core.V3;
using Google.Protobuf;
using PiiExtProc.Diagnostics;
using PiiExtProc.Processing;
using PiiExtProc.Routing;
using PiiExtProc.Tests.Infrastructure;

namespace PiiExtProc.Tests;

/// <summary>
/// Header scanning: in <c>:path</c> and in any header whose value is a URL or a path (<c>referer</c>, <c>location</c>)
/// the query string is read as a form (encoded values decoded, rewritten ones encoded again) and the path and fragment
/// are kept; other headers are scanned as text.
/// </summary>
public sealed class HeaderScannerTests
{
    private static readonly DirectionPolicy s_policy = new()
    {
        RuleName = "test-mask",
        Scanner = TestPolicies.MaskScanner,
        HeadersToScan = [":path", "referer", "location", "x-customer-email"],
    };

    [Theory]
    [InlineData(":path", "/search?q=kurta&email=ravi.k%40example.com", "/search?q=kurta&email=raXXX%40example.com")]
    [InlineData("referer", "https://shop.example.in/checkout?email=ravi.k%40example.com&step=2", "https://shop.example.in/checkout?email=raXXX%40example.com&step=2")]
    [InlineData("location", "https://pay.example.in/return?status=ok&phone=%2B91+98765+43210#receipt", "https://pay.example.in/return?status=ok&phone=%2B91+98XXX+XXX10#receipt")]
    [InlineData("location", "/orders/17?name=Ravi+Kumar", "/orders/17?name=RXXX+KXXXX")]
    [InlineData("x-customer-email", "ravi.k@example.com", "raXXX@example.com")]
    public void Scan_UrlQueryAsAFormOtherHeadersAsText(string name, string value, string expected)
    {
        var mutation = Scan(name, value);

        var set = Assert.Single(mutation!.SetHeaders);
        Assert.Equal(name, set.Header.Key);
        Assert.Equal(expected, Encoding.UTF8.GetString(set.Header.RawValue.Span));
    }

    [Theory]
    [InlineData(":path", "/orders/9876543210")]
    [InlineData("referer", "https://shop.example.in/p/kurta?ref=home#reviews")]
    [InlineData("location", "/orders/17?page=2#items")]
    public void Scan_NothingToRedact_NoMutation(string name, string value) => Assert.Null(Scan(name, value));

    private static Envoy.Service.ExtProc.V3.HeaderMutation? Scan(string name, string value)
    {
        var headers = new HeaderMap();
        headers.Headers.Add(new HeaderValue { Key = name, RawValue = ByteString.CopyFromUtf8(value) });
        var mutation = HeaderScanner.Scan(headers, s_policy, Direction.Request, NullProcessingTelemetry.Instance, "v1", requestIdHeader: null, out bool blocked);
        Assert.False(blocked);
        return mutation;
    }
}
