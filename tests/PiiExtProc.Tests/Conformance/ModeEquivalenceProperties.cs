using System.Text;
using PiiExtProc.Scanning;
using PiiExtProc.Tests.Emulator;
using PiiExtProc.Tests.Infrastructure;
using PiiExtProc.Tests.Support;
using BodySendMode = Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types.BodySendMode;

namespace PiiExtProc.Tests.Conformance;

/// <summary>Issue 4 "done when": for any body and any chunking, STREAMED, BUFFERED and FULL_DUPLEX_STREAMED forward
/// the same bytes (seeded random property, 150 cases × 3 modes, request and response).</summary>
public sealed class ModeEquivalenceProperties(MaskServerFixture server) : ConformanceTestBase, IClassFixture<MaskServerFixture>
{
    private static readonly string[] s_fragments =
    [
        "alice.kumar@example.com", "+91 98765 43210", "9876543210", "ABCPD1234E", "4111 1111 1111 1111", "2345 6789 0123",
        "ravi@okicici", "192.168.10.20", "560001", "caf\u00e9 ", "\u0928\u092e\u0938\u094d\u0924\u0947 ", " order A-1009 ", "qty: 2, ",
        "\"", "\\", "\n", ", ", "{", "}", "[", "]", ":", "Ravi Kumar", "note=deliver after 6pm&", "x",
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task AnyBodyAnyChunking_StreamedBufferedFullDuplex_ForwardSameBytes(int batch)
    {
        var failures = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            var seed = (batch * 1000) + i;
            var random = new Random(seed);
            var body = Generate(random, out var contentType);
            var format = contentType == "application/json" ? BodyFormat.Json : BodyFormat.Text;
            var expected = Redact(body, format);
            foreach (var mode in (BodySendMode[])[BodySendMode.Buffered, BodySendMode.Streamed, BodySendMode.FullDuplexStreamed])
            {
                var chunkSeed = random.Next();
                var chunks = Chunking.Random(body, new Random(chunkSeed), maxChunk: 1 + random.Next(40), emptyFinalChunk: random.Next(2) == 0);
                var exchange = HttpExchange.RequestAndResponse(
                    HttpExchange.RequestHeaders(contentType: contentType, contentLength: body.Length), chunks,
                    HttpExchange.ResponseHeaders(contentType: contentType, contentLength: body.Length), Chunking.Random(body, new Random(chunkSeed + 1), maxChunk: 17),
                    pacing: Pacing.Random,
                    seed: chunkSeed);
                var verdict = await server.RunAsync(Options(mode, mode), exchange);
                if (!verdict.Clean || !verdict.Request.Body.AsSpan().SequenceEqual(expected) || !verdict.Response.Body.AsSpan().SequenceEqual(expected))
                {
                    failures.Add($"seed {seed} {mode} ({contentType}, {body.Length} B, {chunks.Count} chunks): {verdict}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
    }

    private static byte[] Generate(Random random, out string contentType)
    {
        var text = new StringBuilder();
        if (random.Next(2) == 0)
        {
            contentType = "application/json";
            text.Append("{\"items\":[");
            var count = random.Next(1, 6);
            for (var i = 0; i < count; i++)
            {
                text.Append(i > 0 ? "," : string.Empty).Append("{\"id\":").Append(i).Append(",\"v\":\"");
                text.Append(s_fragments[random.Next(6)].Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\",\"note\":\"");
                text.Append(s_fragments[6 + random.Next(7)]).Append("\"}");
            }

            text.Append("]}");
            return Encoding.UTF8.GetBytes(text.ToString());
        }

        contentType = "text/plain";
        var parts = random.Next(1, 30);
        for (var i = 0; i < parts; i++)
        {
            text.Append(s_fragments[random.Next(s_fragments.Length)]);
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString()).ToList();
        if (random.Next(4) == 0)
        {
            bytes.Insert(random.Next(bytes.Count), 0xFF); // invalid UTF-8 somewhere
        }

        return [.. bytes];
    }
}
