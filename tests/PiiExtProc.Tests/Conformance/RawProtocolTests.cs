using Envoy.Config.Core.V3;
using Envoy.Extensions.Filters.Http.ExtProc.V3;
using Envoy.Service.ExtProc.V3;
using Google.Protobuf;
using Grpc.Core;
using PiiExtProc.Tests.Emulator;
using PiiExtProc.Tests.Infrastructure;
using BodySendMode = Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types.BodySendMode;

namespace PiiExtProc.Tests.Conformance;

/// <summary>§13 cases that need messages no Envoy sends (protocol violations, newer fields): written on the raw side
/// stream. The verdict rule: never hang, never end with OK while a body is in progress (§2.3, §14.1.6).</summary>
public sealed class RawProtocolTests(MaskServerFixture server) : ConformanceTestBase, IClassFixture<MaskServerFixture>
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    private async Task<(List<ProcessingResponse> Replies, Status? Status)> Exchange(params ProcessingRequest[] messages)
    {
        await using var transport = new GrpcExtProcTransport(server.Channel, []);
        var replies = new List<ProcessingResponse>();
        foreach (var message in messages)
        {
            await transport.SendAsync(message);
        }

        var (status, late) = await transport.CloseAsync(s_wait);
        replies.AddRange(late);
        return (replies, status);
    }

    private static ProcessingRequest Headers(bool endOfStream = false, ProtocolConfiguration? config = null)
    {
        var map = HttpExchange.RequestHeaders().ToHeaderMap();
        var message = new ProcessingRequest { RequestHeaders = new HttpHeaders { Headers = map, EndOfStream = endOfStream } };
        if (config is not null)
        {
            message.ProtocolConfig = config;
        }

        return message;
    }

    private static ProcessingRequest Body(string text, bool endOfStream)
        => new() { RequestBody = new HttpBody { Body = ByteString.CopyFromUtf8(text), EndOfStream = endOfStream } };

    [Fact]
    public async Task Case04_BodyBeforeHeaders_HandledAsSkipOrNonOkStatus_NeverOkMidBody()
    {
        var (replies, status) = await Exchange(Body(PiiJson[..30], endOfStream: false));
        Assert.NotNull(status);
        if (status!.Value.StatusCode == StatusCode.OK)
        {
            // Handled as header SKIP (case 3): the chunk must be answered, and nothing redactable may be released raw.
            Assert.Single(replies);
        }

        var (wholeReplies, wholeStatus) = await Exchange(Body(PiiJson, endOfStream: true));
        Assert.NotNull(wholeStatus);
        if (wholeStatus!.Value.StatusCode == StatusCode.OK)
        {
            var reply = Assert.Single(wholeReplies);
            Assert.DoesNotContain("alice.kumar@example.com", reply.RequestBody.Response.BodyMutation.Body.ToStringUtf8(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Case31_LargeBody_StandaloneOverrideMessageTimeoutBeforeTheReply()
    {
        // A body at or above ServeOptions.OverrideMessageTimeoutAboveBytes (1 MiB) may take longer to scan than Envoy's
        // 200 ms default: the server first sends override_message_timeout with no other field, then the real reply.
        var large = "{\"notes\":\"" + new string('a', 1100 * 1024) + "\",\"email\":\"alice.kumar@example.com\",\"phone\":\"+91 98765 43210\"}";
        var (replies, status) = await Exchange(Headers(), Body(large, endOfStream: true));

        Assert.Equal(StatusCode.OK, status!.Value.StatusCode);
        Assert.Equal(3, replies.Count);
        Assert.Equal(ProcessingResponse.ResponseOneofCase.RequestHeaders, replies[0].ResponseCase);
        Assert.Equal(ProcessingResponse.ResponseOneofCase.None, replies[1].ResponseCase);
        Assert.Equal(TimeSpan.FromSeconds(10), replies[1].OverrideMessageTimeout.ToTimeSpan());
        Assert.Null(replies[1].ModeOverride);
        Assert.Equal(ProcessingResponse.ResponseOneofCase.RequestBody, replies[2].ResponseCase);
        Assert.DoesNotContain("98765 43210", replies[2].RequestBody.Response.BodyMutation.Body.ToStringUtf8(), StringComparison.Ordinal);

        var (smallReplies, _) = await Exchange(Headers(), Body(PiiJson, endOfStream: true));
        Assert.All(smallReplies, reply => Assert.NotEqual(ProcessingResponse.ResponseOneofCase.None, reply.ResponseCase));
    }

    [Fact]
    public async Task Case34_ServerErrorOnViolation_EndsWithNonOkStatus_EnvoyGives500()
    {
        var (_, status) = await Exchange(Headers(), Headers());
        Assert.NotNull(status);
        Assert.NotEqual(StatusCode.OK, status!.Value.StatusCode);
        Assert.NotEqual(StatusCode.Cancelled, status.Value.StatusCode);
        Assert.DoesNotContain("alice", status.Value.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Case50_ForwardCompatibility_UnknownModeAndUnknownFields_DeterministicNoCrash()
    {
        var config = new ProtocolConfiguration { RequestBodyMode = (BodySendMode)5 };
        var headers = Headers(config: config);

        // An unknown field (number 99, varint) appended to the wire form survives parsing and is ignored.
        var wire = headers.ToByteArray().Concat(new byte[] { 0x98, 0x06, 0x01 }).ToArray();
        var withUnknown = ProcessingRequest.Parser.ParseFrom(wire);
        var (replies, status) = await Exchange(withUnknown, Body("{\"email\":\"frank@example.com\"}", endOfStream: true));
        Assert.NotNull(status);
        if (status!.Value.StatusCode == StatusCode.OK)
        {
            Assert.Equal(2, replies.Count);
            Assert.Equal(ProcessingResponse.ResponseOneofCase.RequestHeaders, replies[0].ResponseCase);
            Assert.DoesNotContain("frank@example.com", replies[1].RequestBody.Response?.BodyMutation?.Body.ToStringUtf8() ?? "frank@example.com-unchanged", StringComparison.Ordinal);
        }
        else
        {
            Assert.NotEqual(StatusCode.Cancelled, status.Value.StatusCode);
        }

        // The stream still works for the next exchange.
        var (next, nextStatus) = await Exchange(Headers(endOfStream: true));
        Assert.Equal(StatusCode.OK, nextStatus!.Value.StatusCode);
        Assert.Single(next);
    }
}
