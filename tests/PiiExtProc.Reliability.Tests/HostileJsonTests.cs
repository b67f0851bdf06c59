using System.Text;
using Envoy.Extensions.Filters.Http.ExtProc.V3;
using PiiExtProc.Reliability.Tests.Support;
using PiiExtProc.Scanning;
using Xunit.Abstractions;

namespace PiiExtProc.Reliability.Tests;

/// <summary>Deeply nested and malformed JSON, invalid, truncated and overlong UTF-8, lone surrogates: no crash, no hang, PII still found.</summary>
public sealed class HostileJsonTests(ITestOutputHelper output)
{
    public static TheoryData<string, bool, bool> Nestings => new()
    {
        { "arrays-closed", false, true },
        { "arrays-unclosed", false, false },
        { "objects-closed", true, true },
        { "objects-unclosed", true, false },
    };

    [Theory]
    [MemberData(nameof(Nestings))]
    public void Process_Depth100000_CompletesAndMasksTheCardInside(string name, bool objects, bool closed)
    {
        var body = HostileBodies.Nested(100_000, objects, closed);
        var statistics = new CaseStatistics($"depth-100000-{name}");
        byte[] whole = [];
        byte[] chunked = [];
        CaseStatistics.Guard(name, CaseStatistics.HangGuard * 2, () =>
        {
            statistics.Run(() => whole = SessionRunner.Run(TestPolicies.DefaultScanner, BodyFormat.Json, [body], out _));
            statistics.Run(() => chunked = SessionRunner.Run(TestPolicies.DefaultScanner, BodyFormat.Json, Split(body, 4096), out _));
        });
        statistics.Report(output);

        Assert.Equal(whole, chunked);
        Assert.DoesNotContain(SeededPii.Card, Encoding.UTF8.GetString(whole), StringComparison.Ordinal);
        Assert.Equal(body.Length, whole.Length);
    }

    [Theory]
    [MemberData(nameof(Nestings))]
    public void Handle_Depth100000ThroughStream_RedactsWithoutViolation(string name, bool objects, bool closed)
    {
        var body = HostileBodies.Nested(100_000, objects, closed);
        StreamDriver.Outcome? outcome = null;
        CaseStatistics.Guard(name, CaseStatistics.HangGuard, () => outcome = StreamDriver.Run(
            TestPolicies.Source(),
            [Messages.RequestHeaders(mode: ProcessingMode.Types.BodySendMode.Buffered), Messages.RequestBody(body, endOfStream: true)]));

        Assert.Null(outcome!.Violation);
        Assert.Null(outcome.ImmediateStatus);
        Assert.DoesNotContain(SeededPii.Card, Encoding.UTF8.GetString(StreamDriver.ForwardedBody([body], [outcome.Replies[1]])), StringComparison.Ordinal);
    }

    [Fact]
    public void Process_InvalidUtf8AroundPii_CompletesAndMasksPii()
    {
        var statistics = new CaseStatistics("invalid-utf8");
        var leaks = new List<string>();
        foreach (var format in (BodyFormat[])[BodyFormat.Json, BodyFormat.Text])
        {
            for (var i = 0; i < HostileBodies.InvalidUtf8.Length; i++)
            {
                var bad = HostileBodies.InvalidUtf8[i];
                // Invalid bytes inside a string value, between values, and at the very end (truncated body).
                byte[] body = [.. "{\"note\":\"x"u8.ToArray(), .. bad, .. "\",\"card\":\"4111111111111111\",\"raw\":\""u8.ToArray(), .. bad, .. "\"} "u8.ToArray(), .. bad];
                byte[] result = [];
                byte[] oneByteChunks = [];
                statistics.RunGuarded(() =>
                {
                    result = SessionRunner.Run(TestPolicies.DefaultScanner, format, [body], out _);
                    oneByteChunks = SessionRunner.Run(TestPolicies.DefaultScanner, format, Split(body, 1), out _);
                });
                Assert.Equal(result, oneByteChunks);
                if (Encoding.Latin1.GetString(result).Contains(SeededPii.Card, StringComparison.Ordinal))
                {
                    leaks.Add($"{format} sequence {Convert.ToHexString(bad)}");
                }
            }
        }

        statistics.Report(output);
        Assert.Empty(leaks);
    }

    [Fact]
    public void Process_MalformedJson_CompletesAndMasksPii()
    {
        string[] malformed =
        [
            "{\"card\":\"4111111111111111\"", "{\"card\":4111111111111111", "{card:\"4111111111111111\"}", "{\"card\" \"4111111111111111\"}",
            "{\"a\":\"unterminated, \"card\":\"4111111111111111\"}", "]]]]{\"card\":\"4111111111111111\"}", "{\"\\", "\"\\u12", "{\"a\":\"\\ud800\"}",
            "{\"card\":\"4111111111111111\"}}}}}}", "[1,2,,,,\"4111111111111111\"]", "{\"a\":1e99999999999999999999,\"card\":\"4111111111111111\"}",
            "\u0000\u0000{\"card\":\"4111111111111111\"}", "{\"card\":\"4111\\u0031111111111111\"}",
        ];
        var statistics = new CaseStatistics("malformed-json");
        var leaks = new List<int>();
        for (var i = 0; i < malformed.Length; i++)
        {
            var body = Encoding.UTF8.GetBytes(malformed[i]);
            byte[] result = [];
            statistics.RunGuarded(() => result = SessionRunner.Run(TestPolicies.DefaultScanner, BodyFormat.Json, Split(body, 3), out _));
            if (Encoding.UTF8.GetString(result).Contains(SeededPii.Card, StringComparison.Ordinal))
            {
                leaks.Add(i);
            }
        }

        statistics.Report(output);
        Assert.Empty(leaks);
    }

    internal static List<byte[]> Split(byte[] body, int size)
    {
        var chunks = new List<byte[]>();
        for (var offset = 0; offset < body.Length; offset += size)
        {
            chunks.Add(body[offset..Math.Min(body.Length, offset + size)]);
        }

        return chunks;
    }
}
