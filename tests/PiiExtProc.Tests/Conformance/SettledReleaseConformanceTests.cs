using Envoy.Service.ExtProc.V3;
using PiiExtProc.Tests.Emulator;
using PiiExtProc.Tests.Infrastructure;
using BodySendMode = Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types.BodySendMode;

namespace PiiExtProc.Tests.Conformance;

/// <summary>
/// STREAMED bodies whose chunks end outside JSON values through the emulated Envoy: the server releases the settled
/// bytes with each chunk (BodyScanSession.ReleaseSettledBytes), so clean chunks are answered without a body mutation,
/// a body ended by trailers passes, and malformed JSON that would change released bytes fails the exchange closed.
/// </summary>
public sealed class SettledReleaseConformanceTests(MaskServerFixture server) : ConformanceTestBase, IClassFixture<MaskServerFixture>
{
    private const string Listing = """{"page": 1, "items": [{"sku": "SKU-1", "title": "Cotton kurta", "qty": 2}, {"sku": "SKU-2", "title": "Silk saree", "qty": 1}], "next": null}""";

    /// <summary>Every chunk ends inside a property name: no reply carries a body mutation and the body passes whole.</summary>
    [Fact]
    public async Task Streamed_CleanJsonCutInPropertyNames_RepliesWithoutBodyMutation()
    {
        var body = Utf8(Listing);
        var verdict = await server.RunAsync(Options(BodySendMode.Streamed), Request(body, CutInPropertyNames()));
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
    public async Task Streamed_CleanJsonCutInPropertyNamesEndedByTrailers_Passes()
    {
        var body = Utf8(Listing);
        var chunks = CutInPropertyNames().SkipLast(1).ToList();
        var verdict = await server.RunAsync(
            Options(BodySendMode.Streamed, requestTrailers: true),
            Request(body, chunks, trailers: HttpHeaderList.Of(("x-checksum", "1"))));
        AssertClean(verdict);
        Assert.Equal(body, verdict.Request.Body);
    }

    /// <summary>
    /// A property name that never closes holds a PAN across the chunk boundary: the first chunk was released unchanged,
    /// the text rescan of the malformed rest must rewrite it, so the server ends the stream with INTERNAL and Envoy
    /// answers 500 (status_on_error); the rest of the PAN (digits: that part is held) is never forwarded, and no log line
    /// holds it.
    /// </summary>
    [Fact]
    public async Task Streamed_MalformedNameWithPiiAcrossReleasedChunk_FailsClosed()
    {
        byte[][] chunks = [Utf8("{\"a\": 1, \"pan ABCPE"), Utf8("1234F"), []];
        var body = chunks.SelectMany(c => c).ToArray();
        var verdict = await server.RunAsync(Options(BodySendMode.Streamed), Request(body, chunks));
        Assert.Equal(500, verdict.LocalReplyStatus);
        Assert.Equal(Grpc.Core.StatusCode.Internal, verdict.ServerStatus?.StatusCode);
        Assert.DoesNotContain("1234F", verdict.Request.BodyText, StringComparison.Ordinal);
        Assert.Contains(server.Logs.Lines, line => line.Text.Contains("already released", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Logs.Lines, line => line.Text.Contains("ABCPE", StringComparison.Ordinal));
    }

    /// <summary>The listing cut in four chunks, each ending inside a property name (the last one empty).</summary>
    private static List<byte[]> CutInPropertyNames()
    {
        int first = Listing.IndexOf("\"it", StringComparison.Ordinal) + 3;
        int second = Listing.IndexOf("\"ti", first, StringComparison.Ordinal) + 3;
        int third = Listing.LastIndexOf("\"sk", StringComparison.Ordinal) + 3;
        return [Utf8(Listing[..first]), Utf8(Listing[first..second]), Utf8(Listing[second..third]), Utf8(Listing[third..]), []];
    }
}
