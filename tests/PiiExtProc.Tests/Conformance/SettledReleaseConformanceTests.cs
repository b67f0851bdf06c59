using Envoy.Service.ExtProc.V3;
using PiiExtProc.Routing;
using PiiExtProc.Scanning;
using PiiExtProc.Tests.Emulator;
using PiiExtProc.Tests.Infrastructure;
using BodySendMode = Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types.BodySendMode;

namespace PiiExtProc.Tests.Conformance;

/// <summary>
/// STREAMED bodies whose chunks end outside JSON values through the emulated Envoy: the server releases the settled
/// bytes with each chunk (BodyScanSession.ReleaseSettledBytes), so clean chunks are answered without a body mutation,
/// a body ended by trailers passes, property names cut by a chunk are held (the rest may make them data), and malformed
/// JSON that would change released bytes fails the exchange closed.
/// </summary>
public sealed class SettledReleaseConformanceTests(MaskServerFixture server, QuotedReferenceServerFixture referenceServer)
    : ConformanceTestBase, IClassFixture<MaskServerFixture>, IClassFixture<QuotedReferenceServerFixture>
{
    private const string Listing = """{"page": 1, "items": [{"sku": "SKU-1", "title": "Cotton kurta", "qty": 2}, {"sku": "SKU-2", "title": "Silk saree", "qty": 1}], "next": null}""";

    /// <summary>Every chunk ends between properties: no reply carries a body mutation and the body passes whole.</summary>
    [Fact]
    public async Task Streamed_CleanJsonCutBetweenProperties_RepliesWithoutBodyMutation()
    {
        var body = Utf8(Listing);
        var verdict = await server.RunAsync(Options(BodySendMode.Streamed), Request(body, CutBeforePropertyNames()));
        AssertClean(verdict);
        Assert.Equal(body, verdict.Request.Body);
        var bodyReplies = verdict.Received.Where(r => r.ResponseCase == ProcessingResponse.ResponseOneofCase.RequestBody).ToList();
        Assert.Equal(5, bodyReplies.Count);
        Assert.All(bodyReplies, r => Assert.Null(r.RequestBody.Response?.BodyMutation));
    }

    /// <summary>
    /// The same body ended by trailers (SEND): nothing is held back, so the trailers are answered and the body passes,
    /// where a held tail would fail the exchange closed (README "STREAMED with trailers").
    /// </summary>
    [Fact]
    public async Task Streamed_CleanJsonCutBetweenPropertiesEndedByTrailers_Passes()
    {
        var body = Utf8(Listing);
        var chunks = CutBeforePropertyNames().SkipLast(1).ToList();
        var verdict = await server.RunAsync(
            Options(BodySendMode.Streamed, requestTrailers: true),
            Request(body, chunks, trailers: HttpHeaderList.Of(("x-checksum", "1"))));
        AssertClean(verdict);
        Assert.Equal(body, verdict.Request.Body);
    }

    /// <summary>
    /// A map keyed by Aadhaar numbers, each chunk ending inside a key: the cut keys are held until they close, so every
    /// key is masked and no reply forwards a raw digit group of one.
    /// </summary>
    [Fact]
    public async Task Streamed_PropertyNamesHoldingPiiCutByChunks_AreMasked()
    {
        const string Map = """{"holders": {"2345 6789 0124": {"plan": "gold"}, "3456 7890 1238": {"plan": "silver"}}}""";
        var body = Utf8(Map);
        int first = Map.IndexOf("6789", StringComparison.Ordinal);
        int second = Map.IndexOf("7890", StringComparison.Ordinal);
        byte[][] chunks = [Utf8(Map[..first]), Utf8(Map[first..second]), Utf8(Map[second..]), []];
        var verdict = await server.RunAsync(Options(BodySendMode.Streamed), Request(body, chunks));
        AssertClean(verdict);
        Assert.Equal(Redact(body), verdict.Request.Body);
        Assert.DoesNotContain("2345 6789", verdict.Request.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("3456 7890", verdict.Request.BodyText, StringComparison.Ordinal);
    }

    /// <summary>
    /// A property name that never closes holds a PAN across the chunk boundary: the cut name was held, so the text rescan
    /// of the malformed rest masks the PAN and the exchange passes redacted.
    /// </summary>
    [Fact]
    public async Task Streamed_MalformedNameWithPiiAcrossChunks_IsMasked()
    {
        byte[][] chunks = [Utf8("{\"a\": 1, \"pan ABCPE"), Utf8("1234F"), []];
        var body = chunks.SelectMany(c => c).ToArray();
        var verdict = await server.RunAsync(Options(BodySendMode.Streamed), Request(body, chunks));
        Assert.Null(verdict.LocalReplyStatus);
        Assert.DoesNotContain("ABCPE1234F", verdict.Request.BodyText, StringComparison.Ordinal);
        Assert.Equal(Redact(body), verdict.Request.Body);
    }

    /// <summary>
    /// Malformed JSON whose text rescan must change a released byte (a custom recognizer matching from a released
    /// property name on): the server ends the stream with INTERNAL and Envoy answers 500 (status_on_error); the matched
    /// digits (held) are never forwarded, and no log line holds them.
    /// </summary>
    [Fact]
    public async Task Streamed_MalformedJsonChangingReleasedBytes_FailsClosed()
    {
        byte[][] chunks = [Utf8("{\"a\": 1, \"ref\""), Utf8(" 123456}"), []];
        var body = chunks.SelectMany(c => c).ToArray();
        var verdict = await referenceServer.RunAsync(Options(BodySendMode.Streamed), Request(body, chunks));
        Assert.Equal(500, verdict.LocalReplyStatus);
        Assert.Equal(Grpc.Core.StatusCode.Internal, verdict.ServerStatus?.StatusCode);
        Assert.DoesNotContain("123456", verdict.Request.BodyText, StringComparison.Ordinal);
        Assert.Contains(referenceServer.Logs.Lines, line => line.Text.Contains("already released", StringComparison.Ordinal));
        Assert.DoesNotContain(referenceServer.Logs.Lines, line => line.Text.Contains("123456", StringComparison.Ordinal));
    }

    /// <summary>The listing cut in four chunks, each ending just before a property name's opening quote (the last one empty).</summary>
    private static List<byte[]> CutBeforePropertyNames()
    {
        int first = Listing.IndexOf("\"it", StringComparison.Ordinal);
        int second = Listing.IndexOf("\"ti", first, StringComparison.Ordinal);
        int third = Listing.LastIndexOf("\"sk", StringComparison.Ordinal);
        return [Utf8(Listing[..first]), Utf8(Listing[first..second]), Utf8(Listing[second..third]), Utf8(Listing[third..]), []];
    }
}

/// <summary>
/// A server running <see cref="TestPolicies.Mask"/> plus a custom recognizer whose pattern spans a property name and
/// what follows it (<c>"ref" 123456</c>), which only a text rescan of malformed JSON can match.
/// </summary>
public sealed class QuotedReferenceServerFixture : ExtProcServerFixture
{
    internal override IPolicySource CreatePolicySource()
    {
        var options = TestPolicies.MaskEverything() with
        {
            CustomRecognizers = [new CustomRecognizerDefinition("quoted_reference", PiiEntity.BankAccount, "\"ref\" [0-9]{6}", 0.9f, [], null)],
        };
        return new StaticPolicySnapshot(new DirectionPolicy { RuleName = "test-reference", Scanner = PiiScanner.Create(options) });
    }
}
