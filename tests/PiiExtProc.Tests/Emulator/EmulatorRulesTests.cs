using Envoy.Config.Core.V3;
using Envoy.Service.ExtProc.V3;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using PiiExtProc.Tests.Support;
using BodySendMode = Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types.BodySendMode;

namespace PiiExtProc.Tests.Emulator;

/// <summary>
/// Checks the emulator's own Envoy rules against scripted servers (no real server): every verdict the conformance
/// suite relies on must be reachable, or a broken server could pass unnoticed.
/// </summary>
public sealed class EmulatorRulesTests
{
    private static readonly EnvoyOptions s_buffered = new() { Mode = EnvoyOptions.Both(BodySendMode.Buffered) };
    private static readonly EnvoyOptions s_streamed = new() { Mode = EnvoyOptions.Both(BodySendMode.Streamed) };
    private static readonly EnvoyOptions s_fullDuplex = new() { Mode = EnvoyOptions.Both(BodySendMode.FullDuplexStreamed) };

    // A correct echo server: CONTINUE for headers and trailers, unchanged bodies, FDS echoes the chunk.
    private static IEnumerable<TransportEvent> Echo(ProcessingRequest message, int index) => [TransportEvent.Of(EchoReply(message))];

    private static ProcessingResponse EchoReply(ProcessingRequest message) => message.RequestCase switch
    {
        ProcessingRequest.RequestOneofCase.RequestHeaders => new ProcessingResponse { RequestHeaders = new HeadersResponse() },
        ProcessingRequest.RequestOneofCase.ResponseHeaders => new ProcessingResponse { ResponseHeaders = new HeadersResponse() },
        ProcessingRequest.RequestOneofCase.RequestBody => new ProcessingResponse { RequestBody = new BodyResponse() },
        ProcessingRequest.RequestOneofCase.ResponseBody => new ProcessingResponse { ResponseBody = new BodyResponse() },
        ProcessingRequest.RequestOneofCase.RequestTrailers => new ProcessingResponse { RequestTrailers = new TrailersResponse() },
        _ => new ProcessingResponse { ResponseTrailers = new TrailersResponse() },
    };

    private static ProcessingResponse FullDuplexEcho(ProcessingRequest message)
    {
        if (message.RequestCase != ProcessingRequest.RequestOneofCase.RequestBody)
        {
            return EchoReply(message);
        }

        return new ProcessingResponse
        {
            RequestBody = new BodyResponse
            {
                Response = new CommonResponse
                {
                    BodyMutation = new BodyMutation { StreamedResponse = new StreamedBodyResponse { Body = message.RequestBody.Body, EndOfStream = message.RequestBody.EndOfStream } },
                },
            },
        };
    }

    private static ProcessingResponse ReplaceRequestBody(byte[] body, params (string Name, string Value)[] headers)
    {
        var common = new CommonResponse { BodyMutation = new BodyMutation { Body = ByteString.CopyFrom(body) } };
        if (headers.Length > 0)
        {
            common.HeaderMutation = new HeaderMutation();
            foreach (var (name, value) in headers)
            {
                common.HeaderMutation.SetHeaders.Add(new HeaderValueOption { Header = new HeaderValue { Key = name, RawValue = ByteString.CopyFromUtf8(value) } });
            }
        }

        return new ProcessingResponse { RequestBody = new BodyResponse { Response = common } };
    }

    private static Task<Verdict> Run(EnvoyOptions options, HttpExchange exchange, Func<ProcessingRequest, int, IEnumerable<TransportEvent>> server)
        => new EnvoyEmulator(options, () => new ScriptedExtProcTransport(server)).RunAsync(exchange);

    private static HttpExchange Post(string body, long? contentLength = null, Pacing pacing = Pacing.Paced, int chunkSize = 0)
    {
        var bytes = Chunking.Utf8(body);
        var chunks = chunkSize > 0 ? Chunking.Fixed(bytes, chunkSize) : Chunking.Whole(bytes);
        return new HttpExchange().Message(HttpDirection.Request, HttpExchange.RequestHeaders(contentLength: contentLength), chunks, pacing: pacing);
    }

    [Fact]
    public async Task Buffered_EchoServer_ForwardsBodyAndKeepsContentLength()
    {
        var verdict = await Run(s_buffered, Post("{\"a\":1}", contentLength: 7), Echo);
        Assert.True(verdict.Clean, verdict.ToString());
        Assert.Equal("{\"a\":1}", verdict.Request.BodyText);
        Assert.Equal("7", verdict.Request.Headers!.Get("content-length"));
        Assert.NotNull(verdict.Sent[0].ProtocolConfig);
        Assert.All(verdict.Sent.Skip(1), message => Assert.Null(message.ProtocolConfig));
    }

    [Fact]
    public async Task Buffered_BodyMutationWithoutContentLengthFix_Gives500()
    {
        var verdict = await Run(s_buffered, Post("{\"a\":1}", contentLength: 7), (m, i) => m.RequestCase == ProcessingRequest.RequestOneofCase.RequestBody
            ? [TransportEvent.Of(ReplaceRequestBody(Chunking.Utf8("{}")))]
            : Echo(m, i));
        Assert.Equal(500, verdict.LocalReplyStatus);
        Assert.Contains("mismatch between content length", verdict.LocalReplyDetails);
    }

    [Fact]
    public async Task Buffered_ClearBodyCountsAsZeroLength_Gives500UnlessFixed()
    {
        static IEnumerable<TransportEvent> Clear(ProcessingRequest m, int i, bool fix)
        {
            if (m.RequestCase != ProcessingRequest.RequestOneofCase.RequestBody)
            {
                return Echo(m, i);
            }

            var common = new CommonResponse { BodyMutation = new BodyMutation { ClearBodyFlag = true } };
            if (fix)
            {
                common.HeaderMutation = new HeaderMutation();
                common.HeaderMutation.RemoveHeaders.Add("content-length");
            }

            return [TransportEvent.Of(new ProcessingResponse { RequestBody = new BodyResponse { Response = common } })];
        }

        var broken = await Run(s_buffered, Post("4111111111111111", contentLength: 16), (m, i) => Clear(m, i, fix: false));
        Assert.Equal(500, broken.LocalReplyStatus);
        var fixedVerdict = await Run(s_buffered, Post("4111111111111111", contentLength: 16), (m, i) => Clear(m, i, fix: true));
        Assert.True(fixedVerdict.Clean, fixedVerdict.ToString());
        Assert.Empty(fixedVerdict.Request.Body);
        Assert.False(fixedVerdict.Request.Headers!.Contains("content-length"));
    }

    [Fact]
    public async Task Buffered_MutationWithContentLengthFix_IsApplied()
    {
        var verdict = await Run(s_buffered, Post("{\"a\":1}", contentLength: 7), (m, i) => m.RequestCase == ProcessingRequest.RequestOneofCase.RequestBody
            ? [TransportEvent.Of(ReplaceRequestBody(Chunking.Utf8("{}"), ("content-length", "2")))]
            : Echo(m, i));
        Assert.True(verdict.Clean, verdict.ToString());
        Assert.Equal("{}", verdict.Request.BodyText);
        Assert.Equal("2", verdict.Request.Headers!.Get("content-length"));
    }

    [Fact]
    public async Task HeaderMutation_ValueOnlyBecomesEmpty_ForbiddenIgnoredAndCounted()
    {
        var reply = new ProcessingResponse { RequestHeaders = new HeadersResponse { Response = new CommonResponse { HeaderMutation = new HeaderMutation() } } };
        var mutation = reply.RequestHeaders.Response.HeaderMutation;
        mutation.SetHeaders.Add(new HeaderValueOption { Header = new HeaderValue { Key = "x-pii", Value = "1" } });
        mutation.SetHeaders.Add(new HeaderValueOption { Header = new HeaderValue { Key = ":authority", RawValue = ByteString.CopyFromUtf8("evil") } });
        mutation.SetHeaders.Add(new HeaderValueOption { Header = new HeaderValue { Key = "x-envoy-upstream", RawValue = ByteString.CopyFromUtf8("x") } });
        mutation.RemoveHeaders.Add(":path");
        var exchange = new HttpExchange().Message(HttpDirection.Request, HttpExchange.RequestHeaders(method: "GET"), []);
        var verdict = await Run(new EnvoyOptions(), exchange, (m, i) => m.RequestCase == ProcessingRequest.RequestOneofCase.RequestHeaders ? [TransportEvent.Of(reply)] : Echo(m, i));
        Assert.Null(verdict.LocalReplyStatus);
        Assert.Equal(string.Empty, verdict.Request.Headers!.Get("x-pii"));
        Assert.Equal("shop.example.in", verdict.Request.Headers.Get(":authority"));
        Assert.Equal("/api/orders", verdict.Request.Headers.Get(":path"));
        Assert.Equal(3, verdict.RejectedHeaderMutations);

        var strict = await Run(new EnvoyOptions { DisallowIsError = true }, exchange, (m, i) => m.RequestCase == ProcessingRequest.RequestOneofCase.RequestHeaders ? [TransportEvent.Of(reply)] : Echo(m, i));
        Assert.Equal(500, strict.LocalReplyStatus);
    }

    [Fact]
    public async Task HeaderMutation_AppendDefaultsToOverwrite()
    {
        var reply = new ProcessingResponse { RequestHeaders = new HeadersResponse { Response = new CommonResponse { HeaderMutation = new HeaderMutation() } } };
        reply.RequestHeaders.Response.HeaderMutation.SetHeaders.Add(new HeaderValueOption { Header = new HeaderValue { Key = "x-request-id", RawValue = ByteString.CopyFromUtf8("new") } });
        reply.RequestHeaders.Response.HeaderMutation.SetHeaders.Add(new HeaderValueOption { Header = new HeaderValue { Key = "x-tag", RawValue = ByteString.CopyFromUtf8("b") }, Append = true });
        var exchange = new HttpExchange().Message(HttpDirection.Request, HttpExchange.RequestHeaders(method: "GET", extra: ("x-tag", "a")), []);
        var verdict = await Run(new EnvoyOptions(), exchange, (m, i) => i == 0 ? [TransportEvent.Of(reply)] : Echo(m, i));
        Assert.Equal(["new"], verdict.Request.Headers!.GetAll("x-request-id"));
        Assert.Equal(["a", "b"], verdict.Request.Headers.GetAll("x-tag"));
    }

    [Fact]
    public async Task Spurious_WrongOneof_Gives500_OrFailsOpenWithLeak()
    {
        var exchange = new HttpExchange().Message(HttpDirection.Request, HttpExchange.RequestHeaders(), Chunking.Split("{\"email\":", "\"a@b.in\"}"));
        IEnumerable<TransportEvent> Wrong(ProcessingRequest m, int i) => m.RequestCase == ProcessingRequest.RequestOneofCase.RequestHeaders
            ? [TransportEvent.Of(new ProcessingResponse { ResponseHeaders = new HeadersResponse() })]
            : Echo(m, i);
        var closed = await Run(s_streamed, exchange, Wrong);
        Assert.Equal(500, closed.LocalReplyStatus);
        Assert.Equal(1, closed.SpuriousMessages);
        var open = await Run(s_streamed with { FailureModeAllow = true }, exchange, Wrong);
        Assert.True(open.FailedOpen);
        Assert.Null(open.LocalReplyStatus);
        Assert.True(open.Leaked, open.ToString());
    }

    [Fact]
    public async Task Spurious_ExtraReply_EmptyOneof_BodyBeforeHeaders_Give500()
    {
        var exchange = Post("{\"a\":1}", chunkSize: 3);
        var extra = await Run(s_streamed, exchange, (m, i) => [TransportEvent.Of(EchoReply(m)), TransportEvent.Of(EchoReply(m))]);
        Assert.Equal(500, extra.LocalReplyStatus);
        var empty = await Run(s_streamed, exchange, (m, i) => [TransportEvent.Of(new ProcessingResponse { ModeOverride = new() })]);
        Assert.Equal(500, empty.LocalReplyStatus);

        // send_body_without_waiting: a body reply before the headers reply is spurious (case 20).
        var early = s_streamed with { SendBodyWithoutWaitingForHeaderResponse = true };
        var queued = new List<ProcessingRequest>();
        IEnumerable<TransportEvent> BodyFirst(ProcessingRequest m, int i)
        {
            queued.Add(m);
            if (m.RequestCase == ProcessingRequest.RequestOneofCase.RequestBody && m.RequestBody.EndOfStream)
            {
                return queued.Skip(1).Concat(queued.Take(1)).Select(q => TransportEvent.Of(EchoReply(q))).ToList();
            }

            return [];
        }

        var bodyFirst = await Run(early, Post("{\"a\":1}", pacing: Pacing.Burst, chunkSize: 3), BodyFirst);
        Assert.Equal(500, bodyFirst.LocalReplyStatus);
    }

    [Fact]
    public async Task FullDuplex_PlainBodyOrReplyBeforeHeaders_Gives500_StreamedResponseOutsideFullDuplexToo()
    {
        var exchange = Post("{\"a\":1}", pacing: Pacing.Burst, chunkSize: 3);
        var ok = await Run(s_fullDuplex, exchange, (m, i) => [TransportEvent.Of(FullDuplexEcho(m))]);
        Assert.True(ok.Clean, ok.ToString());
        Assert.Equal("{\"a\":1}", ok.Request.BodyText);

        var plain = await Run(s_fullDuplex, exchange, (m, i) => Echo(m, i));
        Assert.Equal(500, plain.LocalReplyStatus);

        var bodyFirst = await Run(s_fullDuplex, Post("{\"a\":1}", pacing: Pacing.Burst), (m, i) => m.RequestCase == ProcessingRequest.RequestOneofCase.RequestHeaders
            ? []
            : [TransportEvent.Of(FullDuplexEcho(m)), TransportEvent.Of(EchoReply(new ProcessingRequest { RequestHeaders = new HttpHeaders() }))]);
        Assert.Equal(500, bodyFirst.LocalReplyStatus);

        var streamedInStreamed = await Run(s_streamed, Post("{\"a\":1}"), (m, i) => [TransportEvent.Of(FullDuplexEcho(m))]);
        Assert.Equal(500, streamedInStreamed.LocalReplyStatus);

        var noEnd = await Run(s_fullDuplex with { StreamIdleTimeout = TimeSpan.FromMilliseconds(1) }, exchange, (m, i) => m.RequestCase == ProcessingRequest.RequestOneofCase.RequestBody ? [] : Echo(m, i));
        Assert.Equal(504, noEnd.LocalReplyStatus);
    }

    [Fact]
    public async Task Streamed_HeaderMutationInChunkReply_IsIgnoredWithWarning_ChunksReplacedAnySize()
    {
        IEnumerable<TransportEvent> Server(ProcessingRequest m, int i)
        {
            if (m.RequestCase != ProcessingRequest.RequestOneofCase.RequestBody)
            {
                return Echo(m, i);
            }

            var replacement = m.RequestBody.EndOfStream ? "TAIL" : string.Empty;
            return [TransportEvent.Of(ReplaceRequestBody(Chunking.Utf8(replacement), ("x-late", "1")))];
        }

        var verdict = await Run(s_streamed, Post("abcdefgh", chunkSize: 3), Server);
        Assert.Null(verdict.LocalReplyStatus);
        Assert.Equal("TAIL", verdict.Request.BodyText);
        Assert.False(verdict.Request.Headers!.Contains("x-late"));
        Assert.Contains(verdict.Warnings, w => w.Contains("header mutation in a body reply", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Streamed_DataHeldDuringHeadersReply_IsSentAsOneChunk_WholeBodyAsBufferedMessage()
    {
        var exchange = new HttpExchange()
            .Headers(HttpDirection.Request, HttpExchange.RequestHeaders())
            .Data(HttpDirection.Request, "aaa").Data(HttpDirection.Request, "bbb").Data(HttpDirection.Request, "ccc", endOfStream: true);
        var verdict = await Run(s_streamed, exchange, Echo);
        var bodies = verdict.Sent.Where(m => m.RequestCase == ProcessingRequest.RequestOneofCase.RequestBody).ToList();
        var single = Assert.Single(bodies);
        Assert.Equal("aaabbbccc", single.RequestBody.Body.ToStringUtf8());
        Assert.True(single.RequestBody.EndOfStream);
        Assert.True(verdict.Clean, verdict.ToString());
    }

    [Fact]
    public async Task ImmediateResponse_LocalReplyWhileHeadersHeld_ResetAfterResponseHeadersForwarded()
    {
        var immediate = new ProcessingResponse { ImmediateResponse = new ImmediateResponse { Status = new Envoy.Type.V3.HttpStatus { Code = Envoy.Type.V3.StatusCode.Forbidden }, Details = "pii blocked" } };
        var exchange = HttpExchange.RequestAndResponse(HttpExchange.RequestHeaders(method: "GET"), [], HttpExchange.ResponseHeaders(), Chunking.Split("{\"card\":", "\"4111\"}"));
        IEnumerable<TransportEvent> Server(ProcessingRequest m, int i) => m.RequestCase == ProcessingRequest.RequestOneofCase.ResponseBody ? [TransportEvent.Of(immediate)] : Echo(m, i);
        var held = await Run(s_buffered, exchange, Server);
        Assert.Equal(403, held.LocalReplyStatus);
        Assert.Equal("pii_blocked", held.LocalReplyDetails);
        var streamed = await Run(s_streamed, exchange, Server);
        Assert.True(streamed.DownstreamReset);
        Assert.Null(streamed.LocalReplyStatus);
    }

    [Fact]
    public async Task ServerClose_NonOkGives500_OkMidBodyLeaks()
    {
        var exchange = Post("{\"a\":\"secret\"}", chunkSize: 3);
        var error = await Run(s_streamed, exchange, (m, i) => i == 2 ? [TransportEvent.End(new Status(StatusCode.Internal, "boom"))] : Echo(m, i));
        Assert.Equal(500, error.LocalReplyStatus);
        Assert.StartsWith("ext_proc_error_gRPC_error_13", error.LocalReplyDetails, StringComparison.Ordinal);

        var ok = await Run(s_streamed, exchange, (m, i) => i == 2 ? [TransportEvent.End(Status.DefaultSuccess)] : Echo(m, i));
        Assert.True(ok.ServerClosedWithOk);
        Assert.True(ok.Leaked, ok.ToString());
        Assert.Equal("{\"a\":\"secret\"}", ok.Request.BodyText);
    }

    [Fact]
    public async Task MessageTimeout_Gives504_OrFailsOpenReleasingQueuedChunksUnredacted()
    {
        var exchange = Post("{\"a\":\"secret\"}", chunkSize: 4);
        IEnumerable<TransportEvent> Stall(ProcessingRequest m, int i) => i >= 1 ? [] : Echo(m, i);
        var closed = await Run(s_streamed, exchange, Stall);
        Assert.Equal(504, closed.LocalReplyStatus);
        var open = await Run(s_streamed with { FailureModeAllow = true }, exchange, Stall);
        Assert.True(open.FailedOpen);
        Assert.True(open.Leaked);
        Assert.Equal("{\"a\":\"secret\"}", open.Request.BodyText);
    }

    [Fact]
    public async Task OverrideMessageTimeout_AcceptedOnceWithinMax_IgnoredOtherwise()
    {
        var exchange = Post("{}");
        var extend = new ProcessingResponse { OverrideMessageTimeout = Duration.FromTimeSpan(TimeSpan.FromSeconds(2)), RequestBody = new BodyResponse() };
        IEnumerable<TransportEvent> Server(ProcessingRequest m, int i) => m.RequestCase == ProcessingRequest.RequestOneofCase.RequestBody
            ? [TransportEvent.Of(extend), TransportEvent.Of(EchoReply(m))]
            : Echo(m, i);
        var accepted = await Run(s_buffered with { MaxMessageTimeout = TimeSpan.FromSeconds(5) }, exchange, Server);
        Assert.True(accepted.Clean, accepted.ToString());
        var ignored = await Run(s_buffered, exchange, Server);
        Assert.Contains("override_message_timeout ignored", ignored.Warnings);
        Assert.True(ignored.Clean, ignored.ToString());
    }

    [Fact]
    public async Task ModeOverride_HonouredOnlyWhenAllowedAndInHeaderReply_UnsetBodyModeMeansNone()
    {
        var exchange = HttpExchange.RequestAndResponse(HttpExchange.RequestHeaders(), Chunking.Split("{}"), HttpExchange.ResponseHeaders(contentType: "image/png"), Chunking.Split("PNG"));
        var skip = new ProcessingResponse { ResponseHeaders = new HeadersResponse(), ModeOverride = new() { RequestBodyMode = BodySendMode.Streamed } };
        IEnumerable<TransportEvent> Server(ProcessingRequest m, int i) => m.RequestCase == ProcessingRequest.RequestOneofCase.ResponseHeaders ? [TransportEvent.Of(skip)] : Echo(m, i);
        var allowed = await Run(s_streamed with { AllowModeOverride = true }, exchange, Server);
        Assert.DoesNotContain(allowed.Sent, m => m.RequestCase == ProcessingRequest.RequestOneofCase.ResponseBody);
        Assert.Equal("PNG", allowed.Response.BodyText);
        var disallowed = await Run(s_streamed, exchange, Server);
        Assert.Contains(disallowed.Sent, m => m.RequestCase == ProcessingRequest.RequestOneofCase.ResponseBody);

        // Pitfall (§5): an override on request headers without the response mode switches the response body to NONE too.
        var requestSkip = new ProcessingResponse { RequestHeaders = new HeadersResponse(), ModeOverride = new() };
        var pitfall = await Run(s_streamed with { AllowModeOverride = true }, exchange, (m, i) => i == 0 ? [TransportEvent.Of(requestSkip)] : Echo(m, i));
        Assert.DoesNotContain(pitfall.Sent, m => m.RequestCase is ProcessingRequest.RequestOneofCase.ResponseBody or ProcessingRequest.RequestOneofCase.RequestBody);

        // In a body reply it is ignored (case 30).
        var inBody = new ProcessingResponse { RequestBody = new BodyResponse(), ModeOverride = new() };
        var ignored = await Run(s_streamed with { AllowModeOverride = true }, exchange, (m, i) => m.RequestCase == ProcessingRequest.RequestOneofCase.RequestBody ? [TransportEvent.Of(inBody)] : Echo(m, i));
        Assert.Contains("mode_override ignored", ignored.Warnings);
        Assert.Contains(ignored.Sent, m => m.RequestCase == ProcessingRequest.RequestOneofCase.ResponseBody);
    }

    [Fact]
    public async Task BufferedPartial_OverLimit_SendsFirstPartWithoutEndOfStream_RestUnscanned()
    {
        var body = new string('a', 300);
        var options = new EnvoyOptions { Mode = EnvoyOptions.Both(BodySendMode.BufferedPartial), BufferLimitBytes = 100 };
        var verdict = await Run(options, Post(body, chunkSize: 50), Echo);
        var sent = verdict.Sent.Where(m => m.RequestCase == ProcessingRequest.RequestOneofCase.RequestBody).ToList();
        var single = Assert.Single(sent);
        Assert.False(single.RequestBody.EndOfStream);
        Assert.Equal(150, single.RequestBody.Body.Length);
        Assert.Equal(body, verdict.Request.BodyText);
        Assert.Equal(150, verdict.Request.UnscannedRemainderBytes);
    }

    [Fact]
    public async Task Observability_NoWaiting_RepliesFlagged()
    {
        var options = new EnvoyOptions { Mode = EnvoyOptions.Both(BodySendMode.Streamed), ObservabilityMode = true };
        var verdict = await Run(options, Post("{\"a\":1}", chunkSize: 2), Echo);
        Assert.All(verdict.Sent, m => Assert.True(m.ObservabilityMode));
        Assert.All(verdict.Sent, m => Assert.Null(m.ProtocolConfig));
        Assert.Equal("{\"a\":1}", verdict.Request.BodyText);
        Assert.True(verdict.IgnoredReplies > 0);
    }

    [Fact]
    public async Task Attributes_OnFirstMessageOfEachDirectionOnly()
    {
        var attributes = new Struct { Fields = { ["xds.route_name"] = Value.ForString("orders") } };
        var options = s_streamed with { RequestAttributes = attributes, ResponseAttributes = attributes };
        var exchange = HttpExchange.RequestAndResponse(HttpExchange.RequestHeaders(), Chunking.Split("{", "}"), HttpExchange.ResponseHeaders(), Chunking.Split("{", "}"));
        var verdict = await Run(options, exchange, Echo);
        var withAttributes = verdict.Sent.Where(m => m.Attributes.Count > 0).ToList();
        Assert.Equal(2, withAttributes.Count);
        Assert.Equal(ProcessingRequest.RequestOneofCase.RequestHeaders, withAttributes[0].RequestCase);
        Assert.Equal(ProcessingRequest.RequestOneofCase.ResponseHeaders, withAttributes[1].RequestCase);
    }
}
