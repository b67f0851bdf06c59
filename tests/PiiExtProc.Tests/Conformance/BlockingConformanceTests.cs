using PiiExtProc.Tests.Emulator;
using PiiExtProc.Tests.Infrastructure;
using PiiExtProc.Tests.Support;
using BodySendMode = Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types.BodySendMode;

namespace PiiExtProc.Tests.Conformance;

/// <summary>§13 cases 10 and 22: the block action, against a server whose policy blocks payment cards.</summary>
public sealed class BlockingConformanceTests(BlockServerFixture server) : ConformanceTestBase, IClassFixture<BlockServerFixture>
{
    private const string CardJson = """{"order":"A-7","payment":{"card":"4111 1111 1111 1111","expiry":"12/29"}}""";

    [Fact]
    public async Task Case10_ResponseImmediateResponseWhileHeadersHeld_LocalReply403()
    {
        var body = Utf8(CardJson);
        var exchange = HttpExchange.RequestAndResponse(HttpExchange.RequestHeaders(method: "GET", contentType: null), [], HttpExchange.ResponseHeaders(contentLength: body.Length), Chunking.Fixed(body, 16));
        var verdict = await server.RunAsync(Options(BodySendMode.None, BodySendMode.Buffered), exchange);
        Assert.Equal(403, verdict.LocalReplyStatus);
        Assert.False(verdict.DownstreamReset);
        Assert.Null(verdict.Response.Headers);
        Assert.Empty(verdict.Response.Body);
        Assert.DoesNotContain("4111", System.Text.Encoding.UTF8.GetString(verdict.LocalReplyBody ?? []), StringComparison.Ordinal);
        Assert.Equal(0, verdict.SpuriousMessages);
    }

    /// <summary>By design a STREAMED response cannot be turned into a 4xx once its headers went downstream (§8): the
    /// documented outcome is a downstream reset, and the card never reaches the client.</summary>
    [Fact]
    public async Task Case22_ImmediateResponseAfterHeadersForwarded_DownstreamReset()
    {
        var body = Utf8(CardJson);
        var exchange = HttpExchange.RequestAndResponse(HttpExchange.RequestHeaders(method: "GET", contentType: null), [], HttpExchange.ResponseHeaders(), Chunking.Fixed(body, 16));
        var verdict = await server.RunAsync(Options(BodySendMode.None, BodySendMode.Streamed), exchange);
        Assert.True(verdict.DownstreamReset, verdict.ToString());
        Assert.Null(verdict.LocalReplyStatus);
        Assert.DoesNotContain("4111 1111 1111 1111", verdict.Response.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Case10_RequestBlockedInBufferedMode_LocalReply403BeforeUpstream()
    {
        var body = Utf8(CardJson);
        var verdict = await server.RunAsync(Options(BodySendMode.Buffered), Request(body, [body]));
        Assert.Equal(403, verdict.LocalReplyStatus);
        Assert.Empty(verdict.Request.Body);
    }
}
