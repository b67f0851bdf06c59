using System.Text.Json;
using PiiExtProc.Scanning;
using PiiExtProc.Tests.Infrastructure;
using BodySendMode = Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types.BodySendMode;

namespace PiiExtProc.Tests.Conformance;

/// <summary>
/// A batch of JSON log events (<c>application/x-ndjson</c>) shipped by a third-party integration, through the emulated
/// Envoy: a name in a message's key-value text and the address object of a stringified payload are found, so they and
/// the emails beside them are masked, in every body mode and chunking, and every forwarded line still parses.
/// </summary>
public sealed class LogEventConformanceTests(MaskServerFixture server) : ConformanceTestBase, IClassFixture<MaskServerFixture>
{
    private const string Events =
        """{"ts":"2026-11-23T10:15:03Z","level":"info","message":"Created order OD7713 for Name: Alice Kumar, Email: alice.kumar@example.com"}""" + "\n"
        + """{"ts":"2026-11-23T10:15:04Z","level":"info","event":"order.shipped","payload":"{\"customer\":{\"shipping_address\":{\"line1\":\"Flat 4B, Sea View\",\"city\":\"Mumbai\"},\"name\":\"Bina Shah\"}}"}""" + "\n"
        + """{"ts":"2026-11-23T10:15:05Z","level":"debug","message":"cache warm, 120 keys"}""" + "\n";

    [Theory]
    [InlineData(BodySendMode.Buffered, 0)]
    [InlineData(BodySendMode.Streamed, 7)]
    public async Task LogEvents_NamesInMessagesAndPayloads_MaskedAndEveryLineStillJson(BodySendMode mode, int chunkSize)
    {
        string forwarded = await ForwardedRequestBody(server, mode, chunkSize, Events, "application/x-ndjson", BodyFormat.Json);

        Assert.DoesNotContain("Alice Kumar", forwarded, StringComparison.Ordinal);
        Assert.DoesNotContain("alice.kumar@", forwarded, StringComparison.Ordinal);
        Assert.DoesNotContain("Bina Shah", forwarded, StringComparison.Ordinal);
        Assert.DoesNotContain("Sea View", forwarded, StringComparison.Ordinal);
        Assert.Contains("cache warm, 120 keys", forwarded, StringComparison.Ordinal);
        foreach (string line in forwarded.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using JsonDocument document = JsonDocument.Parse(line);
        }
    }
}
