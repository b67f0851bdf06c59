using PiiExtProc.Scanning;
using PiiExtProc.Tests.Emulator;
using PiiExtProc.Tests.Infrastructure;
using BodySendMode = Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types.BodySendMode;

namespace PiiExtProc.Tests.Conformance;

/// <summary>
/// An <c>application/x-www-form-urlencoded</c> request (a payment gateway callback) through the emulated Envoy: the server
/// scans it as a form (decoded values), so the forwarded body has the encoded email and phone masked and stays a valid
/// form, in every body mode and chunking. A <c>:path</c> query string is scanned the same way, and a
/// <c>multipart/form-data</c> post by its part names.
/// </summary>
public sealed class FormBodyConformanceTests(MaskServerFixture server) : ConformanceTestBase, IClassFixture<MaskServerFixture>
{
    private const string Callback = "txnid=T1001&amount=499.00&firstname=Ravi&email=alice.kumar%40example.com&phone=%2B91+98765+43210&productinfo=Steel+bottle";

    [Theory]
    [InlineData(BodySendMode.Buffered, 0)]
    [InlineData(BodySendMode.Streamed, 7)]
    [InlineData(BodySendMode.Streamed, 1)]
    public async Task FormRequest_EncodedPii_MaskedAndEncodedAgain(BodySendMode mode, int chunkSize)
    {
        string forwarded = await ForwardedRequestBody(server, mode, chunkSize, Callback, "application/x-www-form-urlencoded; charset=UTF-8", BodyFormat.FormUrlEncoded);
        Assert.DoesNotContain("alice.kumar", forwarded, StringComparison.Ordinal);
        Assert.DoesNotContain("43210", forwarded, StringComparison.Ordinal);
        Assert.DoesNotContain(' ', forwarded);
        Assert.Contains("&productinfo=Steel+bottle", forwarded, StringComparison.Ordinal);
        Assert.Contains("%40example.com", forwarded, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BodySendMode.Buffered, 0)]
    [InlineData(BodySendMode.Streamed, 5)]
    public async Task MultipartRequest_PartNamesAreKeys_NameAndEmailMaskedFilePassedThrough(BodySendMode mode, int chunkSize)
    {
        const string Multipart = "--kyc\r\nContent-Disposition: form-data; name=\"full_name\"\r\n\r\nAlice Kumar\r\n"
            + "--kyc\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nalice.kumar@example.com\r\n"
            + "--kyc\r\nContent-Disposition: form-data; name=\"scan\"; filename=\"card.png\"\r\nContent-Type: image/png\r\n\r\n"
            + "PNG aadhaar 2345 6789 0124\r\n--kyc--\r\n";
        string forwarded = await ForwardedRequestBody(server, mode, chunkSize, Multipart, "multipart/form-data; boundary=kyc", BodyFormat.Multipart);
        Assert.DoesNotContain("Alice Kumar", forwarded, StringComparison.Ordinal);
        Assert.DoesNotContain("alice.kumar@", forwarded, StringComparison.Ordinal);
        Assert.Contains("PNG aadhaar 2345 6789 0124\r\n", forwarded, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BodySendMode.Buffered, 0)]
    [InlineData(BodySendMode.Streamed, 3)]
    public async Task JsonSentWithTheFormContentType_ScannedAsJson(BodySendMode mode, int chunkSize)
    {
        // curl -d '{...}' sends JSON as application/x-www-form-urlencoded: it must not pass as an unscanned "form".
        const string Json = "{\"customer\":{\"name\":\"Alice Kumar\",\"email\":\"alice.kumar@example.com\",\"phone\":\"9876543210\"}}";
        string forwarded = await ForwardedRequestBody(server, mode, chunkSize, Json, "application/x-www-form-urlencoded", BodyFormat.FormUrlEncoded);

        Assert.Equal(Redact(Json), forwarded);
        Assert.DoesNotContain("alice.kumar@", forwarded, StringComparison.Ordinal);
        Assert.DoesNotContain("9876543210", forwarded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryString_EncodedEmailAndName_MaskedAsAFormInThePath()
    {
        var headers = HttpExchange.RequestHeaders(method: "GET", path: "/v1/customers/search?name=Ravi+Kumar&email=alice.kumar%40example.com&page=2", contentType: null);
        var verdict = await server.RunAsync(Options(BodySendMode.None), new HttpExchange().Message(HttpDirection.Request, headers, []));

        AssertClean(verdict);
        var path = verdict.Request.Headers!.Get(":path")!;
        Assert.StartsWith("/v1/customers/search?name=", path, StringComparison.Ordinal);
        Assert.DoesNotContain("alice.kumar", path, StringComparison.Ordinal);
        Assert.Contains("%40example.com", path, StringComparison.Ordinal);
        Assert.EndsWith("&page=2", path, StringComparison.Ordinal);
        Assert.DoesNotContain(' ', path);
    }
}
