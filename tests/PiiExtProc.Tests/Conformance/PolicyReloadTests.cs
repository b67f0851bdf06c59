using Envoy.Service.ExtProc.V3;
using Google.Protobuf;
using Grpc.Core;
using PiiExtProc.Processing;
using PiiExtProc.Routing;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Tests.Emulator;
using PiiExtProc.Tests.Infrastructure;

namespace PiiExtProc.Tests.Conformance;

/// <summary>
/// Issue 5: a policy reload under traffic drops no stream and mixes no policies within one stream. A stream takes the
/// snapshot in force when it starts and keeps it to the end; streams started after the swap use the new one.
/// </summary>
public sealed class PolicyReloadTests(SwappablePolicyServerFixture server) : IClassFixture<SwappablePolicyServerFixture>
{
    private const string Body = """{"phone":"9876543210","aadhaar":"2341 2341 2346"}""";

    [Fact]
    public async Task Process_PolicySwappedMidStream_StreamKeepsItsPolicy_NextStreamUsesTheNewOne()
    {
        server.Source.Swap(SwappablePolicyServerFixture.Masking);

        await using var early = new GrpcExtProcTransport(server.Channel, []);
        await early.SendAsync(Headers());
        // The headers reply proves the server's stream has started (and taken its snapshot) before the swap.
        var headersReply = await early.ReceiveAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ProcessingResponse.ResponseOneofCase.RequestHeaders, headersReply?.Reply?.ResponseCase);
        server.Source.Swap(SwappablePolicyServerFixture.Observing);
        await early.SendAsync(BodyMessage());
        var (earlyStatus, earlyReplies) = await early.CloseAsync(TimeSpan.FromSeconds(10));

        await using var late = new GrpcExtProcTransport(server.Channel, []);
        await late.SendAsync(Headers());
        await late.SendAsync(BodyMessage());
        var (lateStatus, lateReplies) = await late.CloseAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(StatusCode.OK, earlyStatus!.Value.StatusCode);
        Assert.Equal(StatusCode.OK, lateStatus!.Value.StatusCode);
        var earlyBody = earlyReplies.Single(r => r.ResponseCase == ProcessingResponse.ResponseOneofCase.RequestBody);
        Assert.DoesNotContain("9876543210", earlyBody.RequestBody.Response.BodyMutation.Body.ToStringUtf8(), StringComparison.Ordinal);
        Assert.Contains("98XXXXXX10", earlyBody.RequestBody.Response.BodyMutation.Body.ToStringUtf8(), StringComparison.Ordinal);
        var lateBody = lateReplies.Single(r => r.ResponseCase == ProcessingResponse.ResponseOneofCase.RequestBody);
        Assert.Null(lateBody.RequestBody.Response?.BodyMutation);
    }

    private static ProcessingRequest Headers()
        => new() { RequestHeaders = new HttpHeaders { Headers = HttpExchange.RequestHeaders().ToHeaderMap(), EndOfStream = false } };

    private static ProcessingRequest BodyMessage()
        => new() { RequestBody = new HttpBody { Body = ByteString.CopyFromUtf8(Body), EndOfStream = true } };
}

/// <summary>A server whose policy source a test swaps, as the hot-reloading provider does.</summary>
public sealed class SwappablePolicyServerFixture : ExtProcServerFixture
{
    internal static readonly StaticPolicySnapshot Masking = TestPolicies.Mask();

    internal static readonly StaticPolicySnapshot Observing = new(
        new DirectionPolicy
        {
            RuleName = "test-observe",
            Scanner = PiiScanner.Create(TestPolicies.MaskEverything(ObserveOperator.Instance) with
            {
                Entities = PiiEntity.BuiltIn.ToDictionary(e => e, _ => new EntitySettings(ObserveOperator.Instance)),
            }),
        },
        "observe-v2");

    internal SwappablePolicySource Source { get; } = new(Masking);

    internal override IPolicySource CreatePolicySource() => Source;

    internal sealed class SwappablePolicySource(IPolicySnapshot initial) : IPolicySource
    {
        private IPolicySnapshot _current = initial;

        public IPolicySnapshot Current => Volatile.Read(ref _current);

        public void Swap(IPolicySnapshot next) => Volatile.Write(ref _current, next);
    }
}
