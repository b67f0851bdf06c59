using System.Text;
using System.Text.Json;
using PiiExtProc.Processing;
using PiiExtProc.Scanning;
using PiiExtProc.Tests.Emulator;
using PiiExtProc.Tests.Infrastructure;
using PiiExtProc.Tests.Support;
using BodySendMode = Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types.BodySendMode;

namespace PiiExtProc.Tests.Conformance;

/// <summary>
/// Issue 2 §6: every record of the Guardian dataset as a request body and as a response body, BUFFERED and STREAMED
/// (random seeded chunk splits), through the real server on the embedded default policy.
/// </summary>
public sealed class GuardianDatasetTests(DefaultPolicyServerFixture server) : ConformanceTestBase, IClassFixture<DefaultPolicyServerFixture>
{
    [Theory]
    [InlineData(BodySendMode.Buffered)]
    [InlineData(BodySendMode.Streamed)]
    public async Task EveryRecord_RequestAndResponse_NoDetectedPiiSurvives_RestUnchanged(BodySendMode mode)
    {
        var records = SharedData.ReadGuardianRecords();
        Assert.True(records.Count >= 400, $"only {records.Count} records read from {SharedData.GuardianDataset}");
        var requestScanner = TestPolicies.ScannerOf(server.Policy, Direction.Request);
        var responseScanner = TestPolicies.ScannerOf(server.Policy, Direction.Response);
        var random = new Random(2024 + (int)mode);
        var failures = new List<string>();
        var redactedRecords = 0;
        foreach (var (id, json) in records)
        {
            var body = Encoding.UTF8.GetBytes(json);
            var requestExpected = TestPolicies.RedactWhole(requestScanner, BodyFormat.Json, body, out var requestFindings);
            var responseExpected = TestPolicies.RedactWhole(responseScanner, BodyFormat.Json, body, out var responseFindings);
            var requestChunks = mode == BodySendMode.Streamed ? Chunking.Random(body, random, maxChunk: 48, emptyFinalChunk: random.Next(3) == 0) : [body];
            var responseChunks = mode == BodySendMode.Streamed ? Chunking.Random(body, random, maxChunk: 48) : [body];
            var exchange = HttpExchange.RequestAndResponse(
                HttpExchange.RequestHeaders(contentLength: body.Length), requestChunks,
                HttpExchange.ResponseHeaders(contentLength: body.Length), responseChunks,
                pacing: mode == BodySendMode.Streamed ? Pacing.Random : Pacing.Paced,
                seed: random.Next());
            var verdict = await server.RunAsync(Options(mode, mode), exchange);
            if (!verdict.Clean || verdict.SpuriousMessages > 0)
            {
                failures.Add($"record {id}: {verdict}");
                continue;
            }

            Check(id, "request", body, verdict.Request, requestExpected, requestFindings, mode, failures);
            Check(id, "response", body, verdict.Response, responseExpected, responseFindings, mode, failures);
            if (!requestExpected.AsSpan().SequenceEqual(body))
            {
                redactedRecords++;
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(20)));
        Assert.True(redactedRecords > 50, $"only {redactedRecords} records were redacted: is the default policy scanning?");
    }

    private static void Check(string id, string direction, byte[] body, ForwardedMessage forwarded, byte[] expected, IReadOnlyList<PiiFinding> findings, BodySendMode mode, List<string> failures)
    {
        var output = forwarded.Body;
        if (!output.AsSpan().SequenceEqual(expected))
        {
            failures.Add($"record {id} {direction}: forwarded bytes differ from the whole-body redaction");
            return;
        }

        var outputText = Encoding.UTF8.GetString(output);
        foreach (var finding in findings.Where(f => f.Action == FindingAction.Redacted && f.Length >= 6))
        {
            var value = Encoding.UTF8.GetString(body, (int)finding.Offset, finding.Length);
            if (outputText.Contains(value, StringComparison.Ordinal))
            {
                failures.Add($"record {id} {direction}: a detected {finding.Entity.Name} value survived");
            }
        }

        if (findings.Count > 0)
        {
            // Bytes before the first finding and after the last one are untouched.
            var first = (int)findings.Min(f => f.Offset);
            var last = findings.Max(f => (int)f.Offset + f.Length);
            if (!output.AsSpan(0, Math.Min(first, output.Length)).SequenceEqual(body.AsSpan(0, first))
                || !output.AsSpan(output.Length - (body.Length - last)).SequenceEqual(body.AsSpan(last)))
            {
                failures.Add($"record {id} {direction}: non-PII bytes outside the findings changed");
            }
        }

        if (IsValidJson(body) && !IsValidJson(output))
        {
            failures.Add($"record {id} {direction}: the JSON is no longer valid");
        }

        if (mode == BodySendMode.Buffered)
        {
            var length = forwarded.Headers?.Get("content-length");
            if (length != output.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                failures.Add($"record {id} {direction}: content-length {length} for a body of {output.Length} bytes");
            }
        }
    }

    private static bool IsValidJson(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
