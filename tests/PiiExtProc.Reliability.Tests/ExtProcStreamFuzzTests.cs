using System.Text;
using Envoy.Extensions.Filters.Http.ExtProc.V3;
using Envoy.Service.ExtProc.V3;
using Grpc.Core;
using PiiExtProc.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace PiiExtProc.Reliability.Tests;

/// <summary>
/// Random bodies, content types, body modes, chunkings and directions (a request body, or a response body after a
/// request without one) through ExtProcStream.Handle and through the real server: every well-formed stream gets one
/// reply per message (outside FDS), ends without a violation, and a seeded space-delimited Aadhaar never reaches the
/// forwarded bytes.
/// </summary>
public sealed class ExtProcStreamFuzzTests(ITestOutputHelper output)
{
    private static readonly ProcessingMode.Types.BodySendMode[] s_modes =
    [
        ProcessingMode.Types.BodySendMode.Buffered,
        ProcessingMode.Types.BodySendMode.Streamed,
        ProcessingMode.Types.BodySendMode.FullDuplexStreamed,
    ];

    private static readonly string[] s_contentTypes =
    [
        "application/json", "text/plain", "application/json; charset=utf-8", "application/x-ndjson", "text/csv",
        "application/x-www-form-urlencoded", "text/xml", "multipart/form-data; boundary=x",
    ];

    [Fact]
    public void Handle_RandomStreams_OneReplyPerMessageAndNoSeededLeak()
    {
        var random = new Random(20260903);
        var policy = TestPolicies.Source();
        var statistics = new CaseStatistics("extproc-stream-fuzz");
        var leaks = 0;
        CaseStatistics.Guard("stream fuzz", TimeSpan.FromSeconds(120), () =>
        {
            for (var i = 0; i < 2000; i++)
            {
                var (messages, mode, chunks, headerMessages) = RandomExchange(random);
                statistics.Run(() =>
                {
                    var outcome = StreamDriver.Run(policy, messages, checkOneReplyPerMessage: mode != ProcessingMode.Types.BodySendMode.FullDuplexStreamed);
                    Assert.True(outcome.Violation is null, $"case {i} ({mode}): violation {outcome.Violation}");
                    Assert.True(outcome.ImmediateStatus is null, $"case {i} ({mode}): immediate response {outcome.ImmediateStatus}");
                    var forwarded = Forwarded(mode, chunks, outcome.Replies.Skip(headerMessages).ToList());
                    if (Encoding.UTF8.GetString(forwarded).Contains(" 234123412346 ", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref leaks);
                    }
                });
            }
        });

        statistics.Report(output);
        output.WriteLine($"seeded ' 234123412346 ' forwarded in {leaks} streams");
        Assert.Equal(0, leaks);
    }

    [Fact]
    public async Task Process_RandomStreamsOverLoopbackH2c_OneReplyPerMessageAndStatusOk()
    {
        var random = new Random(20260904);
        await using var server = await InProcessServer.StartAsync(TestPolicies.Source());
        using var channel = server.CreateChannel();
        var client = new ExternalProcessor.ExternalProcessorClient(channel);
        var statistics = new CaseStatistics("extproc-server-fuzz");
        var leaks = 0;
        for (var i = 0; i < 300; i++)
        {
            var (messages, mode, chunks, headerMessages) = RandomExchange(random);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            using var call = client.Process(deadline: DateTime.UtcNow.Add(CaseStatistics.HangGuard));
            var replies = new List<ProcessingResponse>();
            var reader = Task.Run(async () =>
            {
                while (await call.ResponseStream.MoveNext())
                {
                    replies.Add(call.ResponseStream.Current);
                }
            });
            foreach (var message in messages)
            {
                await call.RequestStream.WriteAsync(message);
            }

            await call.RequestStream.CompleteAsync();
            await reader;
            statistics.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started));
            Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
            if (mode != ProcessingMode.Types.BodySendMode.FullDuplexStreamed)
            {
                Assert.Equal(messages.Count, replies.Count);
            }

            if (Encoding.UTF8.GetString(Forwarded(mode, chunks, replies.Skip(headerMessages).ToList())).Contains(" 234123412346 ", StringComparison.Ordinal))
            {
                leaks++;
            }
        }

        statistics.Report(output);
        output.WriteLine($"seeded ' 234123412346 ' forwarded in {leaks} streams");
        Assert.Equal(0, leaks);
        Assert.Empty(server.Telemetry.ErrorsByCause);
    }

    /// <summary>
    /// A random exchange: the body (hostile bytes, sometimes with a seeded Aadhaar) as a request body, or as a response
    /// body after request headers that end the request; <c>HeaderMessages</c> is the number of header messages before
    /// the body (1 or 2).
    /// </summary>
    internal static (List<ProcessingRequest> Messages, ProcessingMode.Types.BodySendMode Mode, List<byte[]> Chunks, int HeaderMessages) RandomExchange(Random random)
    {
        var mode = s_modes[random.Next(s_modes.Length)];
        var body = HostileBodies.Next(random, 4096);
        if (random.Next(2) == 0)
        {
            // A seeded Aadhaar that must never be forwarded, at a random position, starting a line: random bytes before
            // it could otherwise form a negative context word ("ts", "ms", "mid"), which rightly suppresses it.
            var at = random.Next(0, body.Length + 1);
            body = [.. body[..at], .. "\n 234123412346 "u8.ToArray(), .. body[at..]];
        }

        var chunks = mode == ProcessingMode.Types.BodySendMode.Buffered ? [body] : HostileBodies.Chunk(random, body);
        var contentType = s_contentTypes[random.Next(s_contentTypes.Length)];
        var response = random.Next(2) == 0;
        var messages = response
            ? new List<ProcessingRequest> { Messages.RequestHeaders(mode: mode, endOfStream: true), Messages.ResponseHeaders(contentType) }
            : new List<ProcessingRequest> { Messages.RequestHeaders(contentType: contentType, mode: mode) };
        for (var c = 0; c < chunks.Count; c++)
        {
            var endOfStream = c == chunks.Count - 1;
            messages.Add(response ? Messages.ResponseBody(chunks[c], endOfStream) : Messages.RequestBody(chunks[c], endOfStream));
        }

        return (messages, mode, chunks, response ? 2 : 1);
    }

    internal static byte[] Forwarded(ProcessingMode.Types.BodySendMode mode, List<byte[]> chunks, List<ProcessingResponse> bodyReplies)
    {
        if (mode != ProcessingMode.Types.BodySendMode.FullDuplexStreamed)
        {
            return StreamDriver.ForwardedBody(chunks, bodyReplies);
        }

        using var forwarded = new MemoryStream();
        foreach (var reply in bodyReplies)
        {
            var streamed = (reply.RequestBody ?? reply.ResponseBody)?.Response?.BodyMutation?.StreamedResponse;
            if (streamed is not null)
            {
                forwarded.Write(streamed.Body.Span);
            }
        }

        return forwarded.ToArray();
    }
}
