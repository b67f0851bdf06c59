using System.IO.Compression;
using System.Text;
using Envoy.Service.ExtProc.V3;
using Google.Protobuf.WellKnownTypes;
using PiiExtProc.Scanning;
using PiiExtProc.Tests.Emulator;
using PiiExtProc.Tests.Infrastructure;
using PiiExtProc.Tests.Support;
using BodySendMode = Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types.BodySendMode;
using HeaderSendMode = Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types.HeaderSendMode;

namespace PiiExtProc.Tests.Conformance;

/// <summary>extproc-protocol.md §13, cases 1-50, against the real server running the mask policy.</summary>
public sealed class ConformanceTests(MaskServerFixture server) : ConformanceTestBase, IClassFixture<MaskServerFixture>
{
    [Fact]
    public async Task Case01_HeadersOnlyGet_TwoRepliesWithMatchingOneof()
    {
        var exchange = HttpExchange.RequestAndResponse(HttpExchange.RequestHeaders(method: "GET", contentType: null), [], HttpExchange.ResponseHeaders(contentType: null), []);
        var verdict = await server.RunAsync(Options(BodySendMode.None) with { Close = SideStreamClose.EndStreamThenReset }, exchange);
        AssertClean(verdict);
        Assert.Equal([ProcessingResponse.ResponseOneofCase.RequestHeaders, ProcessingResponse.ResponseOneofCase.ResponseHeaders], verdict.Received.Select(r => r.ResponseCase));
        Assert.True(verdict.Sent[0].RequestHeaders.EndOfStream);
        Assert.Equal(BodySendMode.None, verdict.Sent[0].ProtocolConfig.RequestBodyMode);
        AssertNoErrorLogs(server);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Case02_ProtocolConfigOnlyOnFirstMessage_OrAbsent_ServerStillRedacts(bool sendProtocolConfig)
    {
        var body = Utf8(PiiJson);
        var options = Options(BodySendMode.Streamed) with { SendProtocolConfig = sendProtocolConfig };
        var verdict = await server.RunAsync(options, Request(body, Chunking.Fixed(body, 17)));
        AssertClean(verdict);
        Assert.Equal(sendProtocolConfig ? 1 : 0, verdict.Sent.Count(m => m.ProtocolConfig is not null));
        Assert.Equal(Redact(body), verdict.Request.Body);
    }

    [Fact]
    public async Task Case03_HeaderSkip_BodyFirst_IsRedacted()
    {
        var body = Utf8(PiiJson);
        var options = EnvoyOptions.ForTests(EnvoyOptions.Modes(BodySendMode.Buffered, requestHeaders: HeaderSendMode.Skip)) with { Close = SideStreamClose.Graceful };
        var verdict = await server.RunAsync(options, Request(body, [body]));
        AssertClean(verdict);
        Assert.Equal(ProcessingRequest.RequestOneofCase.RequestBody, verdict.Sent[0].RequestCase);
        Assert.NotNull(verdict.Sent[0].ProtocolConfig);
        Assert.False(verdict.Request.Headers!.Contains("content-length"));
        Assert.Equal(Redact(body), verdict.Request.Body);
        Assert.DoesNotContain("alice.kumar@example.com", verdict.Request.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Case05_BufferedJsonWithContentLength_ContentLengthMatchesRedactedBody()
    {
        var body = Utf8(PiiJson);
        var verdict = await server.RunAsync(Options(BodySendMode.Buffered), Request(body, [body]));
        AssertClean(verdict);
        Assert.Equal(Redact(body), verdict.Request.Body);
        Assert.NotEqual(body, verdict.Request.Body);
        Assert.Equal(verdict.Request.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), verdict.Request.Headers!.Get("content-length"));
    }

    [Fact]
    public async Task Case06_BufferedWithoutPii_ForwardedUnchangedWithoutBodyMutation()
    {
        var body = Utf8(PlainJson);
        var verdict = await server.RunAsync(Options(BodySendMode.Buffered), Request(body, [body]));
        AssertClean(verdict);
        Assert.Equal(body, verdict.Request.Body);
        Assert.Equal(body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), verdict.Request.Headers!.Get("content-length"));
        var bodyReply = Assert.Single(verdict.Received, r => r.ResponseCase == ProcessingResponse.ResponseOneofCase.RequestBody);
        Assert.Null(bodyReply.RequestBody.Response?.BodyMutation);
    }

    [Fact]
    public async Task Case07_BufferedWholeBodyIsPii_ContentLengthStillConsistent()
    {
        var body = Utf8("\"4111111111111111\"");
        var verdict = await server.RunAsync(Options(BodySendMode.Buffered), Request(body, [body]));
        AssertClean(verdict);
        Assert.Equal(Redact(body), verdict.Request.Body);
        Assert.DoesNotContain("4111111111111111", verdict.Request.BodyText, StringComparison.Ordinal);
        var length = verdict.Request.Headers!.Get("content-length");
        Assert.True(length is null || length == verdict.Request.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(BodySendMode.Buffered)]
    [InlineData(BodySendMode.Streamed)]
    [InlineData(BodySendMode.FullDuplexStreamed)]
    public async Task Case08_EmptyBody_NoException(BodySendMode mode)
    {
        var verdict = await server.RunAsync(Options(mode), Request([], [[]]));
        AssertClean(verdict);
        Assert.Empty(verdict.Request.Body);
        Assert.True(verdict.Request.Ended);
    }

    [Fact]
    public async Task Case09_BufferedWithTrailers_RedactedWithoutEndOfStream_TrailersAnswered()
    {
        var body = Utf8(PiiJson);
        var trailers = HttpHeaderList.Of(("x-checksum", "abc"));
        var verdict = await server.RunAsync(Options(BodySendMode.Buffered, requestTrailers: true), Request(body, Chunking.Fixed(body, 20), trailers: trailers));
        AssertClean(verdict);
        var bodyMessage = Assert.Single(verdict.Sent, m => m.RequestCase == ProcessingRequest.RequestOneofCase.RequestBody);
        Assert.False(bodyMessage.RequestBody.EndOfStream);
        Assert.Equal(Redact(body), verdict.Request.Body);
        Assert.Equal("abc", verdict.Request.Trailers!.Get("x-checksum"));
    }

    [Fact]
    public async Task Case11_VeryLargeBufferedBody_8MiB_RedactedWithinLimits()
    {
        var record = Encoding.UTF8.GetBytes("{\"id\":12345,\"email\":\"buyer.one@example.com\",\"note\":\"plain text that is not personal\"},");
        var body = new byte[8 * 1024 * 1024];
        body[0] = (byte)'[';
        var position = 1;
        while (position + record.Length < body.Length - 1)
        {
            record.CopyTo(body, position);
            position += record.Length;
        }

        body[position - 1] = (byte)']';
        body = body[..position];
        var options = Options(BodySendMode.Buffered) with { BufferLimitBytes = 16 * 1024 * 1024 };
        var verdict = await server.RunAsync(options, Request(body, Chunking.Fixed(body, 1024 * 1024)));
        AssertClean(verdict);
        Assert.Equal(Redact(body), verdict.Request.Body);
        Assert.DoesNotContain("buyer.one@example.com", verdict.Request.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Case12_StreamedPipelining_20Chunks_RepliesInOrder()
    {
        var body = Utf8(string.Concat(Enumerable.Repeat(PiiJson + "\n", 3)));
        var chunks = Chunking.Fixed(body, (body.Length / 20) + 1);
        var verdict = await server.RunAsync(Options(BodySendMode.Streamed), Request(body, chunks, contentType: "application/x-ndjson"));
        AssertClean(verdict);
        Assert.Equal(chunks.Count, verdict.Received.Count(r => r.ResponseCase == ProcessingResponse.ResponseOneofCase.RequestBody));
        Assert.Equal(Redact(body), verdict.Request.Body);
    }

    [Fact]
    public async Task Case13_ZeroLengthFinalChunk_TailFlushed()
    {
        var verdict = await server.RunAsync(Options(BodySendMode.Streamed), Request(Utf8("ab"), [Utf8("a"), Utf8("b"), []], contentType: "text/plain"));
        AssertClean(verdict);
        Assert.Equal("ab", verdict.Request.BodyText);
    }

    [Fact]
    public async Task Case14_PiiSplitAcrossChunks_Redacted_NonPiiKept()
    {
        var chunks = Chunking.Split("please mail alice@exa", "mple.com today", string.Empty);
        var body = chunks.SelectMany(c => c).ToArray();
        var verdict = await server.RunAsync(Options(BodySendMode.Streamed), Request(body, chunks, contentType: "text/plain"));
        AssertClean(verdict);
        Assert.Equal(Redact(body, BodyFormat.Text), verdict.Request.Body);
        Assert.DoesNotContain("alice@example.com", verdict.Request.BodyText, StringComparison.Ordinal);
        Assert.StartsWith("please mail ", verdict.Request.BodyText, StringComparison.Ordinal);
        Assert.EndsWith(" today", verdict.Request.BodyText, StringComparison.Ordinal);
    }

    /// <summary>STREAMED body ended by trailers with request trailers SEND: the server cannot release a held-back tail
    /// (§3.3), so the documented safe outcome is to fail closed: non-OK status → status_on_error 500, no leak.</summary>
    [Fact]
    public async Task Case15_StreamedSplitPiiEndedBySentTrailers_FailsClosedWith500_NoLeak()
    {
        var verdict = await RunCase15(trailersSend: true, teTrailersHeader: false);
        Assert.Equal(500, verdict.LocalReplyStatus);
        Assert.DoesNotContain("alice@example.com", verdict.Request.BodyText, StringComparison.Ordinal);
        Assert.False(verdict.Leaked);
    }

    /// <summary>Cannot pass by design: with trailers SKIP Envoy never tells the server the body ended (§1.4), so a
    /// held-back tail is lost when Envoy forwards the trailers (byte loss, not a leak). Documents why trailer-bearing
    /// traffic needs BUFFERED or FULL_DUPLEX_STREAMED.</summary>
    [Fact]
    public async Task Case15_StreamedSplitPiiEndedBySkippedTrailers_ByDesignTailLost_NoLeak()
    {
        var verdict = await RunCase15(trailersSend: false, teTrailersHeader: false);
        Assert.DoesNotContain("alice@example.com", verdict.Request.BodyText, StringComparison.Ordinal);
        Assert.False(verdict.Leaked);
        Assert.NotEqual(Redact(Utf8("please mail alice@example.com today"), BodyFormat.Text), verdict.Request.Body);
    }

    /// <summary>A te: trailers header does not change the hold-back: chunk-split PII never leaks (§13 case 15); with
    /// trailers SEND the server fails closed, with trailers SKIP the held tail is lost (documented in README).</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Case15_StreamedSplitPiiWithTeTrailersHeader_MustNotLeak(bool trailersSend)
    {
        var verdict = await RunCase15(trailersSend, teTrailersHeader: true);
        Assert.DoesNotContain("alice@example.com", verdict.Request.BodyText, StringComparison.Ordinal);
    }

    private Task<Verdict> RunCase15(bool trailersSend, bool teTrailersHeader)
    {
        var chunks = Chunking.Split("please mail alice@exa", "mple.com today");
        var headers = HttpExchange.RequestHeaders(contentType: "text/plain", extra: teTrailersHeader ? [("te", "trailers")] : []);
        var exchange = new HttpExchange().Message(HttpDirection.Request, headers, chunks, HttpHeaderList.Of(("x-checksum", "1")));
        return server.RunAsync(Options(BodySendMode.Streamed, requestTrailers: trailersSend), exchange);
    }

    [Fact]
    public async Task Case16_MultiByteUtf8Split_BytesIntact()
    {
        byte[][] chunks = [[.. "caf"u8, 0xC3], [0xA9, .. " bob@x.io"u8], []];
        var body = chunks.SelectMany(c => c).ToArray();
        var verdict = await server.RunAsync(Options(BodySendMode.Streamed), Request(body, chunks, contentType: "text/plain"));
        AssertClean(verdict);
        Assert.Equal(Redact(body, BodyFormat.Text), verdict.Request.Body);
        Assert.StartsWith("caf\u00e9 ", verdict.Request.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("bob@x.io", verdict.Request.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("\uFFFD", verdict.Request.BodyText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BodySendMode.Streamed)]
    [InlineData(BodySendMode.Buffered)]
    public async Task Case17_InvalidUtf8_NoCrash_ByteExactElsewhere(BodySendMode mode)
    {
        byte[] body = [.. "id "u8, 0xFF, .. " alice@example.com "u8, 0xC0, 0x80, .. " x "u8, 0x80, .. " end"u8];
        var verdict = await server.RunAsync(Options(mode), Request(body, Chunking.Fixed(body, 7), contentType: "text/plain"));
        AssertClean(verdict);
        Assert.Equal(Redact(body, BodyFormat.Text), verdict.Request.Body);
        Assert.DoesNotContain("alice@example.com", Encoding.Latin1.GetString(verdict.Request.Body), StringComparison.Ordinal);
        Assert.Equal(0xFF, verdict.Request.Body[3]);
    }

    [Fact]
    public async Task Case18_TenThousandOneByteChunks_OrderedReplies()
    {
        var text = string.Concat(Enumerable.Repeat("order A-1 for alice@example.com ok; ", 300))[..10_000];
        var body = Utf8(text);
        var verdict = await server.RunAsync(Options(BodySendMode.Streamed), Request(body, Chunking.Fixed(body, 1), contentType: "text/plain"));
        AssertClean(verdict);
        Assert.Equal(10_000, verdict.Received.Count(r => r.ResponseCase == ProcessingResponse.ResponseOneofCase.RequestBody));
        Assert.Equal(Redact(body, BodyFormat.Text), verdict.Request.Body);
    }

    [Fact]
    public async Task Case19_LargeSingleChunkBeforeHeadersReply_SentAsOneBufferedMessage()
    {
        var line = Utf8("{\"email\":\"carol@example.com\",\"pad\":\"" + new string('p', 200) + "\"}\n");
        var body = Enumerable.Range(0, (1024 * 1024 / line.Length) + 1).SelectMany(_ => line).ToArray();
        var verdict = await server.RunAsync(Options(BodySendMode.Streamed), Request(body, Chunking.Fixed(body, 64 * 1024), contentType: "application/x-ndjson", pacing: Pacing.Burst));
        AssertClean(verdict);
        var bodyMessage = Assert.Single(verdict.Sent, m => m.RequestCase == ProcessingRequest.RequestOneofCase.RequestBody);
        Assert.True(bodyMessage.RequestBody.EndOfStream);
        Assert.Equal(body.Length, bodyMessage.RequestBody.Body.Length);
        Assert.Equal(Redact(body), verdict.Request.Body);
    }

    [Fact]
    public async Task Case20_SendBodyWithoutWaitingForHeaderResponse_HeadersReplyFirst()
    {
        var body = Utf8(PiiJson);
        var options = Options(BodySendMode.Streamed) with { SendBodyWithoutWaitingForHeaderResponse = true };
        var verdict = await server.RunAsync(options, Request(body, Chunking.Fixed(body, 30), pacing: Pacing.Burst));
        AssertClean(verdict);
        Assert.True(verdict.Sent[0].ProtocolConfig.SendBodyWithoutWaitingForHeaderResponse);
        Assert.Equal(Redact(body), verdict.Request.Body);
    }

    [Fact]
    public async Task Case21_StreamedChunkReplies_CarryNoHeaderMutation()
    {
        var body = Utf8(PiiJson);
        var verdict = await server.RunAsync(Options(BodySendMode.Streamed), Request(body, Chunking.Fixed(body, 25)));
        AssertClean(verdict);
        Assert.DoesNotContain(verdict.Warnings, w => w.Contains("header mutation in a body reply", StringComparison.Ordinal));
        Assert.DoesNotContain("content-length", verdict.Request.Headers!.Entries.Select(e => e.Key));
    }

    [Fact]
    public async Task Case23_BufferedPartialOverLimit_FailsClosedWith413_NothingUnscannedForwarded()
    {
        var line = Utf8("{\"email\":\"dave@example.com\",\"pad\":\"" + new string('q', 100) + "\"}\n");
        var body = Enumerable.Range(0, (200 * 1024 / line.Length) + 1).SelectMany(_ => line).ToArray();
        var options = Options(BodySendMode.BufferedPartial) with { BufferLimitBytes = 64 * 1024 };
        var verdict = await server.RunAsync(options, Request(body, Chunking.Fixed(body, 16 * 1024), contentType: "application/x-ndjson"));
        var partial = Assert.Single(verdict.Sent, m => m.RequestCase == ProcessingRequest.RequestOneofCase.RequestBody);
        Assert.False(partial.RequestBody.EndOfStream);
        Assert.Equal(413, verdict.LocalReplyStatus);
        Assert.Empty(verdict.Request.Body);
        Assert.False(verdict.Leaked);
    }

    [Fact]
    public async Task Case23_BufferedPartialUnderLimit_WholeBodyRedacted()
    {
        var body = Utf8(PiiJson);
        var verdict = await server.RunAsync(Options(BodySendMode.BufferedPartial), Request(body, Chunking.Fixed(body, 40)));
        AssertClean(verdict);
        Assert.Equal(Redact(body), verdict.Request.Body);
    }

    [Fact]
    public async Task Case24_FullDuplexWithoutTrailers_StreamedResponsesEndWithEndOfStream()
    {
        var body = Utf8(PiiJson);
        var verdict = await server.RunAsync(Options(BodySendMode.FullDuplexStreamed), Request(body, Chunking.Fixed(body, 30), pacing: Pacing.Burst));
        AssertClean(verdict);
        Assert.True(verdict.Request.Ended);
        Assert.All(
            verdict.Received.Where(r => r.ResponseCase == ProcessingResponse.ResponseOneofCase.RequestBody),
            r => Assert.Equal(BodyMutation.MutationOneofCase.StreamedResponse, r.RequestBody.Response.BodyMutation.MutationCase));
        Assert.Equal(Redact(body), verdict.Request.Body);
    }

    [Fact]
    public async Task Case25_FullDuplexWithTrailers_NoTrailersLost()
    {
        var body = Utf8(PiiJson);
        var verdict = await server.RunAsync(Options(BodySendMode.FullDuplexStreamed), Request(body, Chunking.Fixed(body, 30), trailers: HttpHeaderList.Of(("x-checksum", "9"))));
        AssertClean(verdict);
        Assert.DoesNotContain(verdict.Warnings, w => w.Contains("trailers lost", StringComparison.Ordinal));
        Assert.Equal("9", verdict.Request.Trailers!.Get("x-checksum"));
        Assert.Equal(Redact(body), verdict.Request.Body);
    }

    [Fact]
    public async Task Case26_FullDuplexBodyBeforeHeadersReply_ServerAnswersHeadersFirst()
    {
        var body = Utf8(PiiJson);
        var exchange = new HttpExchange()
            .Headers(HttpDirection.Request, HttpExchange.RequestHeaders())
            .Data(HttpDirection.Request, body, endOfStream: true);
        var verdict = await server.RunAsync(Options(BodySendMode.FullDuplexStreamed), exchange);
        AssertClean(verdict);
        Assert.Equal(ProcessingResponse.ResponseOneofCase.RequestHeaders, verdict.Received[0].ResponseCase);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Case27_FullDuplexPiiAcrossChunks_ExactRedaction(int seed)
    {
        var body = Utf8(string.Concat(Enumerable.Repeat(PiiJson + "\n", 4)));
        var chunks = Chunking.Random(body, new Random(seed), maxChunk: 23, emptyFinalChunk: seed == 2);
        var verdict = await server.RunAsync(Options(BodySendMode.FullDuplexStreamed), Request(body, chunks, contentType: "application/x-ndjson", pacing: Pacing.Random));
        AssertClean(verdict);
        Assert.Equal(Redact(body), verdict.Request.Body);
    }

    [Fact]
    public async Task Case28_ModeOverrideSkipsBinaryResponse_KeepsRequestMode()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };
        var requestBody = Utf8(PiiJson);
        var options = Options(BodySendMode.Streamed, BodySendMode.Streamed) with { AllowModeOverride = true };
        var exchange = HttpExchange.RequestAndResponse(HttpExchange.RequestHeaders(), Chunking.Fixed(requestBody, 40), HttpExchange.ResponseHeaders(contentType: "image/png"), Chunking.Fixed(png, 4));
        var verdict = await server.RunAsync(options, exchange);
        AssertClean(verdict);
        Assert.DoesNotContain(verdict.Sent, m => m.RequestCase == ProcessingRequest.RequestOneofCase.ResponseBody);
        Assert.Equal(png, verdict.Response.Body);
        Assert.Equal(Redact(requestBody), verdict.Request.Body);
    }

    [Fact]
    public async Task Case28_ModeOverrideOnRequestHeaders_DoesNotSwitchResponseBodyOff()
    {
        var responseBody = Utf8(PiiJson);
        var options = Options(BodySendMode.Streamed, BodySendMode.Streamed) with { AllowModeOverride = true };
        var exchange = HttpExchange.RequestAndResponse(
            HttpExchange.RequestHeaders(contentType: "application/octet-stream"), [[1, 2, 3]], HttpExchange.ResponseHeaders(), Chunking.Fixed(responseBody, 40));
        var verdict = await server.RunAsync(options, exchange);
        AssertClean(verdict);
        Assert.DoesNotContain(verdict.Sent, m => m.RequestCase == ProcessingRequest.RequestOneofCase.RequestBody);
        Assert.Contains(verdict.Sent, m => m.RequestCase == ProcessingRequest.RequestOneofCase.ResponseBody);
        Assert.Equal(Redact(responseBody), verdict.Response.Body);
    }

    [Fact]
    public async Task Case29_ModeOverrideIgnored_ServerProcessesBodyAnyway()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 9, 9, 9, 9 };
        var exchange = HttpExchange.RequestAndResponse(HttpExchange.RequestHeaders(method: "GET", contentType: null), [], HttpExchange.ResponseHeaders(contentType: "image/png"), Chunking.Fixed(png, 3));
        var verdict = await server.RunAsync(Options(BodySendMode.None, BodySendMode.Streamed), exchange);
        Assert.True(verdict.Clean, verdict.ToString());
        Assert.Contains(verdict.Sent, m => m.RequestCase == ProcessingRequest.RequestOneofCase.ResponseBody);
        Assert.Equal(png, verdict.Response.Body);
    }

    [Fact]
    public async Task Case30_ServerNeverPutsModeOverrideInBodyReplies()
    {
        var body = Utf8(PiiJson);
        var verdict = await server.RunAsync(Options(BodySendMode.Streamed) with { AllowModeOverride = true }, Request(body, Chunking.Fixed(body, 10)));
        AssertClean(verdict);
        Assert.DoesNotContain(verdict.Received, r => r.ResponseCase == ProcessingResponse.ResponseOneofCase.RequestBody && r.ModeOverride is not null);
        Assert.DoesNotContain("mode_override ignored", verdict.Warnings);
    }

    [Fact]
    public async Task Case32_TimeoutThenLateWrite_ServerSurvivesAndServesNextStream()
    {
        var body = Utf8(PiiJson);
        var options = Options(BodySendMode.Buffered) with { MessageTimeout = TimeSpan.Zero };
        var verdict = await server.RunAsync(options, Request(body, [body]));
        Assert.Equal(504, verdict.LocalReplyStatus);
        var next = await server.RunAsync(Options(BodySendMode.Buffered), Request(body, [body]));
        AssertClean(next);
        Assert.Equal(Redact(body), next.Request.Body);
        AssertNoErrorLogs(server);
    }

    [Fact]
    public async Task Case35_ClientCancelsMidStream_NoErrorAndServerStillServes()
    {
        var exchange = new HttpExchange()
            .Headers(HttpDirection.Request, HttpExchange.RequestHeaders()).Settle()
            .Data(HttpDirection.Request, "{\"email\":\"erin@exa").Data(HttpDirection.Request, "mple.com\",").Poll()
            .DownstreamReset();
        var verdict = await server.RunAsync(Options(BodySendMode.Streamed), exchange);
        Assert.False(verdict.Request.Ended);
        Assert.DoesNotContain("erin@example.com", verdict.Request.BodyText, StringComparison.Ordinal);
        var body = Utf8(PiiJson);
        var next = await server.RunAsync(Options(BodySendMode.Streamed), Request(body, Chunking.Fixed(body, 9)));
        AssertClean(next);
        AssertNoErrorLogs(server);
    }

    [Fact]
    public async Task Case36_DefaultEnvoyClose_EndStreamThenReset_IsNormal()
    {
        var body = Utf8(PiiJson);
        var options = Options(BodySendMode.Streamed, BodySendMode.Buffered) with { Close = SideStreamClose.EndStreamThenReset };
        var exchange = HttpExchange.RequestAndResponse(HttpExchange.RequestHeaders(), Chunking.Fixed(body, 20), HttpExchange.ResponseHeaders(contentLength: body.Length), [body]);
        var verdict = await server.RunAsync(options, exchange);
        AssertClean(verdict);
        Assert.Equal(Redact(body), verdict.Response.Body);
        AssertNoErrorLogs(server);
    }

    [Fact]
    public async Task Case37_GracefulClose_ServerEndsWithOkWithinOneSecond()
    {
        var exchange = HttpExchange.RequestAndResponse(HttpExchange.RequestHeaders(method: "GET", contentType: null), [], HttpExchange.ResponseHeaders(contentType: null), []);
        var verdict = await server.RunAsync(Options(BodySendMode.None), exchange);
        AssertClean(verdict);
        Assert.Equal(Grpc.Core.StatusCode.OK, verdict.ServerStatus?.StatusCode);
    }

    [Fact]
    public async Task Case38_EveryReplyHasTheMatchingOneof_AllMessageKinds()
    {
        var body = Utf8(PiiJson);
        var options = Options(BodySendMode.Buffered, BodySendMode.Buffered, requestTrailers: true, responseTrailers: true);
        var exchange = HttpExchange.RequestAndResponse(
            HttpExchange.RequestHeaders(), [body], HttpExchange.ResponseHeaders(), Chunking.Fixed(body, 33),
            HttpHeaderList.Of(("x-a", "1")), HttpHeaderList.Of(("x-b", "2")));
        var verdict = await server.RunAsync(options, exchange);
        AssertClean(verdict);
        var expected = verdict.Sent.Select(m => (int)m.RequestCase - 1).ToList();
        Assert.Equal(expected, verdict.Received.Select(r => (int)r.ResponseCase));
    }

    [Fact]
    public async Task Case39_HeaderMutationUsesRawValueOnly()
    {
        var headers = HttpExchange.RequestHeaders(method: "GET", path: "/search?email=alice.kumar@example.com&page=2", contentType: null);
        var verdict = await server.RunAsync(Options(BodySendMode.None), new HttpExchange().Message(HttpDirection.Request, headers, []));
        AssertClean(verdict);
        var mutation = verdict.Received[0].RequestHeaders.Response.HeaderMutation;
        Assert.NotEmpty(mutation.SetHeaders);
        Assert.All(mutation.SetHeaders, option =>
        {
            Assert.Equal(string.Empty, option.Header.Value);
            Assert.False(option.Header.RawValue.IsEmpty);
        });
        var path = verdict.Request.Headers!.Get(":path")!;
        Assert.StartsWith("/search?email=", path, StringComparison.Ordinal);
        Assert.DoesNotContain("alice.kumar@example.com", path, StringComparison.Ordinal);
        Assert.EndsWith("&page=2", path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Case40_ServerNeverMutatesForbiddenHeaders_EvenWithDisallowIsError()
    {
        var headers = HttpExchange.RequestHeaders(
            method: "GET",
            path: "/u?phone=9876543210",
            contentType: null,
            extra: [("host", "alice@example.com"), ("x-envoy-original-path", "/u?email=alice@example.com")]);
        var options = Options(BodySendMode.None) with { DisallowIsError = true };
        var verdict = await server.RunAsync(options, new HttpExchange().Message(HttpDirection.Request, headers, []));
        AssertClean(verdict);
    }

    [Fact]
    public async Task Case41_ObservabilityMode_NoReplies_ForwardedUnchanged()
    {
        var body = Utf8(PiiJson);
        var options = Options(BodySendMode.Streamed, BodySendMode.Streamed) with { ObservabilityMode = true };
        var exchange = HttpExchange.RequestAndResponse(HttpExchange.RequestHeaders(), Chunking.Fixed(body, 20), HttpExchange.ResponseHeaders(), Chunking.Fixed(body, 20));
        var verdict = await server.RunAsync(options, exchange);
        Assert.Equal(0, verdict.IgnoredReplies);
        Assert.Empty(verdict.Received);
        Assert.Equal(body, verdict.Request.Body);
        Assert.Equal(body, verdict.Response.Body);
        Assert.All(verdict.Sent, m => Assert.True(m.ObservabilityMode));
    }

    [Fact]
    public async Task Case42_UnsupportedContentEncoding_415LocalReply()
    {
        var body = Utf8("compressed?");
        var headers = HttpExchange.RequestHeaders(contentLength: body.Length, extra: ("content-encoding", "compress"));
        var verdict = await server.RunAsync(Options(BodySendMode.Buffered), new HttpExchange().Message(HttpDirection.Request, headers, [body]));
        Assert.Equal(415, verdict.LocalReplyStatus);
        Assert.Empty(verdict.Request.Body);
    }

    [Fact]
    public async Task Case43_GzipBufferedBody_DecompressesToRedactedJson_ContentLengthConsistent()
    {
        var json = Utf8(PiiJson);
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(json);
        }

        var body = compressed.ToArray();
        var headers = HttpExchange.RequestHeaders(contentLength: body.Length, extra: ("content-encoding", "gzip"));
        var verdict = await server.RunAsync(Options(BodySendMode.Buffered), new HttpExchange().Message(HttpDirection.Request, headers, Chunking.Fixed(body, 50)));
        AssertClean(verdict);
        using var input = new GZipStream(new MemoryStream(verdict.Request.Body), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        input.CopyTo(plain);
        Assert.Equal(Redact(json), plain.ToArray());
        Assert.Equal(verdict.Request.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), verdict.Request.Headers!.Get("content-length"));
    }

    [Fact]
    public async Task Case44_WebSocketFramesWithoutEndOfStream_EveryChunkAnsweredNoHang()
    {
        var headers = HttpExchange.RequestHeaders(method: "GET", path: "/ws", contentType: null, extra: [("connection", "upgrade"), ("upgrade", "websocket")]);
        var exchange = new HttpExchange().Headers(HttpDirection.Request, headers).Settle();
        for (var i = 0; i < 5; i++)
        {
            exchange.Data(HttpDirection.Request, $"frame {i} hello ").Settle();
        }

        var options = Options(BodySendMode.Streamed) with { StreamIdleTimeout = TimeSpan.FromSeconds(5) };
        var verdict = await server.RunAsync(options, exchange);
        Assert.Null(verdict.LocalReplyStatus);
        Assert.Equal(5, verdict.Received.Count(r => r.ResponseCase == ProcessingResponse.ResponseOneofCase.RequestBody));
    }

    [Theory]
    [InlineData(BodySendMode.Streamed)]
    [InlineData(BodySendMode.FullDuplexStreamed)]
    public async Task Case45_GrpcTraffic_FramingUnchanged_TrailersOnlyHandled(BodySendMode mode)
    {
        byte[] frame = [0, 0, 0, 0, 5, 0x0A, 0x03, (byte)'a', (byte)'b', (byte)'c'];
        var options = Options(BodySendMode.None, mode, responseTrailers: true);
        var exchange = HttpExchange.RequestAndResponse(
            HttpExchange.RequestHeaders(contentType: "application/grpc", extra: ("te", "trailers")), [], HttpExchange.ResponseHeaders(contentType: "application/grpc"), [frame[..4], frame[4..]],
            responseTrailers: HttpHeaderList.Of(("grpc-status", "0")));
        var verdict = await server.RunAsync(options, exchange);
        AssertClean(verdict);
        Assert.Equal(frame, verdict.Response.Body);
        Assert.Equal("0", verdict.Response.Trailers!.Get("grpc-status"));

        var trailersOnly = HttpExchange.RequestAndResponse(
            HttpExchange.RequestHeaders(contentType: "application/grpc"), [], HttpExchange.ResponseHeaders(contentType: "application/grpc", extra: ("grpc-status", "5")), []);
        var trailersOnlyVerdict = await server.RunAsync(options, trailersOnly);
        AssertClean(trailersOnlyVerdict);
        Assert.True(trailersOnlyVerdict.Response.Ended);
    }

    [Fact]
    public async Task Case46_InterleavedDirections_ResponseHeadersBeforeRequestChunkReply()
    {
        var body = Utf8(PiiJson);
        var exchange = new HttpExchange()
            .Headers(HttpDirection.Request, HttpExchange.RequestHeaders()).Settle()
            .Data(HttpDirection.Request, body[..40])
            .Headers(HttpDirection.Response, HttpExchange.ResponseHeaders())
            .Data(HttpDirection.Response, body[..50])
            .Data(HttpDirection.Request, body[40..], endOfStream: true)
            .Data(HttpDirection.Response, body[50..], endOfStream: true);
        var verdict = await server.RunAsync(Options(BodySendMode.Streamed, BodySendMode.Streamed), exchange);
        AssertClean(verdict);
        Assert.Equal(Redact(body), verdict.Request.Body);
        Assert.Equal(Redact(body), verdict.Response.Body);
    }

    [Fact]
    public async Task Case47_AttributesAndMetadata_OnFirstMessagePerDirection_PolicyKeptForLaterChunks()
    {
        var attributes = new Struct { Fields = { ["xds.route_name"] = Value.ForString("orders"), ["request.path"] = Value.ForString("/api/orders") } };
        var metadata = new Envoy.Config.Core.V3.Metadata();
        metadata.FilterMetadata["pii_ext_proc"] = new Struct { Fields = { ["policy"] = Value.ForString("orders") } };
        var options = Options(BodySendMode.Streamed, BodySendMode.Streamed) with { RequestAttributes = attributes, ResponseAttributes = attributes, MetadataContext = metadata };
        var body = Utf8(PiiJson);
        var exchange = HttpExchange.RequestAndResponse(HttpExchange.RequestHeaders(), Chunking.Fixed(body, 15), HttpExchange.ResponseHeaders(), Chunking.Fixed(body, 15));
        var verdict = await server.RunAsync(options, exchange);
        AssertClean(verdict);
        Assert.Equal(2, verdict.Sent.Count(m => m.Attributes.Count > 0));
        Assert.Equal(Redact(body), verdict.Request.Body);
        Assert.Equal(Redact(body), verdict.Response.Body);
    }

    [Fact]
    public async Task Case48_DuplicateAndPseudoHeaders_NoExceptionNoDisallowedMutation()
    {
        var headers = HttpExchange.RequestHeaders(method: "GET", path: "/p?mobile=9876543210", contentType: null, extra: [("cookie", "a=1"), ("cookie", "b=alice@example.com")]);
        var options = Options(BodySendMode.None) with { DisallowIsError = true };
        var verdict = await server.RunAsync(options, new HttpExchange().Message(HttpDirection.Request, headers, []));
        AssertClean(verdict);
        Assert.Equal(["a=1", "b=alice@example.com"], verdict.Request.Headers!.GetAll("cookie"));
        Assert.Single(verdict.Request.Headers!.GetAll(":path"));
    }

    [Fact]
    public async Task Case49_ConcurrentStreams_IsolatedState()
    {
        var tasks = Enumerable.Range(0, 40).Select(async i =>
        {
            var body = Utf8(string.Concat(Enumerable.Repeat($"{{\"n\":{i},\"email\":\"user{i}@example.com\",\"phone\":\"98765{i:D5}\"}}\n", 5)));
            var verdict = await server.RunAsync(Options(BodySendMode.Streamed), Request(body, Chunking.Random(body, new Random(i), maxChunk: 30), contentType: "application/x-ndjson"));
            return (body, verdict);
        }).ToList();
        foreach (var (body, verdict) in await Task.WhenAll(tasks))
        {
            AssertClean(verdict);
            Assert.Equal(Redact(body), verdict.Request.Body);
        }
    }
}
