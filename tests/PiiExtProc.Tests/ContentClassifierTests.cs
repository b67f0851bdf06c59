using PiiExtProc.Policy;
using PiiExtProc.Processing;
using PiiExtProc.Scanning;

namespace PiiExtProc.Tests;

/// <summary>
/// The server's content-type decisions: which bodies are skipped, and which parser a scanned body gets. The parser is
/// the one <c>policy test</c> uses (<see cref="RoutePolicy.GetBodyFormat(string?)"/>), so a policy test case is parsed the way the
/// server will parse the same traffic.
/// </summary>
public sealed class ContentClassifierTests
{
    [Theory]
    [InlineData("application/json", BodyFormat.Json)]
    [InlineData("Application/JSON; charset=utf-8", BodyFormat.Json)]
    [InlineData("application/vnd.api+json", BodyFormat.Json)]
    [InlineData("application/problem+json", BodyFormat.Json)]
    [InlineData("application/x-ndjson", BodyFormat.Json)]
    [InlineData("application/vnd.acme.ndjson", BodyFormat.Json)]
    [InlineData("application/jsonl", BodyFormat.Json)]
    [InlineData("application/x-jsonlines", BodyFormat.Json)]
    [InlineData("application/json-seq", BodyFormat.Json)]
    [InlineData("application/x-www-form-urlencoded; charset=UTF-8", BodyFormat.FormUrlEncoded)]
    [InlineData("multipart/form-data; boundary=x", BodyFormat.Multipart)]
    [InlineData("text/xml", BodyFormat.Markup)]
    [InlineData("application/soap+xml; charset=utf-8", BodyFormat.Markup)]
    [InlineData("text/html", BodyFormat.Markup)]
    [InlineData("text/csv", BodyFormat.Csv)]
    [InlineData("text/CSV; header=present", BodyFormat.Csv)]
    [InlineData("application/csv", BodyFormat.Csv)]
    [InlineData("text/tab-separated-values", BodyFormat.Csv)]
    [InlineData("text/plain", BodyFormat.Text)]
    [InlineData("application/jsonp", BodyFormat.Text)]
    [InlineData("multipart/mixed; boundary=x", BodyFormat.Text)]
    public void FormatOf_IsThePolicyTestMapping(string contentType, BodyFormat expected)
    {
        Assert.Equal(expected, ContentClassifier.FormatOf(contentType));
        Assert.Equal(expected, RoutePolicy.GetBodyFormat(contentType));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("; charset=utf-8")]
    public void FormatOf_NoMediaType_IsSniffedFromTheBody(string? contentType)
    {
        Assert.Null(ContentClassifier.FormatOf(contentType));
        Assert.Equal(BodyFormat.Json, RoutePolicy.SniffBodyFormat("\r\n  [{\"name\":1}]"u8));
        Assert.Equal(BodyFormat.Text, RoutePolicy.SniffBodyFormat("name=Ravi"u8));
    }

    [Theory]
    [InlineData("image/png", true)]
    [InlineData("application/octet-stream", true)]
    [InlineData("application/grpc", true)]
    [InlineData("multipart/byteranges; boundary=x", true)]
    [InlineData("application/json", false)]
    [InlineData("multipart/form-data; boundary=x", false)]
    [InlineData(null, false)]
    public void IsUnscannable_SkipsBinaryTypesOnly(string? contentType, bool expected) =>
        Assert.Equal(expected, ContentClassifier.IsUnscannable(contentType));
}
