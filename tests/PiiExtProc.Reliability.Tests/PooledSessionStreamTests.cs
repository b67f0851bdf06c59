using Envoy.Extensions.Filters.Http.ExtProc.V3;
using Envoy.Service.ExtProc.V3;
using PiiExtProc.Diagnostics;
using PiiExtProc.Processing;
using PiiExtProc.Reliability.Tests.Support;
using PiiExtProc.Routing;
using PiiExtProc.Scanning;

namespace PiiExtProc.Reliability.Tests;

/// <summary>
/// ExtProcStream rents its scan sessions from the scanner's pool: a stream's replies never depend on what earlier streams
/// left in a pooled session (completed, reset mid-body, failed with a violation), and every session goes back once.
/// </summary>
public sealed class PooledSessionStreamTests
{
    [Fact]
    public void Handle_AfterAbandonedAndFailedStreams_SameRepliesAsOnAnUntouchedScanner()
    {
        var random = new Random(20261123);
        var exchanges = new List<List<ProcessingRequest>>();
        for (var i = 0; i < 150; i++)
        {
            exchanges.Add(ExtProcStreamFuzzTests.RandomExchange(random).Messages);
        }

        // Scanner A: every exchange preceded by a stream reset mid-body (disposed after a random prefix) or by a stream
        // that breaks the protocol mid-body; scanner B: the same exchanges alone, in reverse order.
        var dirty = TestPolicies.Source(TestPolicies.Policy(TestPolicies.CreateScanner(TestPolicies.DefaultOptions())));
        var clean = TestPolicies.Source(TestPolicies.Policy(TestPolicies.CreateScanner(TestPolicies.DefaultOptions())));
        var dirtyOutcomes = new List<string>();
        foreach (var messages in exchanges)
        {
            var other = exchanges[random.Next(exchanges.Count)];
            if (random.Next(2) == 0)
            {
                Abandon(dirty, other, random.Next(1, other.Count + 1));
            }
            else
            {
                StreamDriver.Run(dirty, [.. other.Take(Math.Max(2, other.Count - 1)), other[0]], checkOneReplyPerMessage: false);
            }

            dirtyOutcomes.Add(RunAndDescribe(dirty, messages));
        }

        for (var i = exchanges.Count - 1; i >= 0; i--)
        {
            Assert.Equal(RunAndDescribe(clean, exchanges[i]), dirtyOutcomes[i]);
        }
    }

    [Fact]
    public void Dispose_AfterCompletedAndAbandonedBodies_EachSessionReturnedOnce()
    {
        var scanner = TestPolicies.CreateScanner(TestPolicies.DefaultOptions());
        var policy = TestPolicies.Source(TestPolicies.Policy(scanner));
        var body = SeededPii.JsonBody();
        var streamed = ProcessingMode.Types.BodySendMode.Streamed;

        // Completed (session returned by FinishSession, then Dispose), abandoned mid-body (returned by Dispose only).
        StreamDriver.Run(policy, [Messages.RequestHeaders(), Messages.RequestBody(body, endOfStream: true)]);
        Abandon(policy, [Messages.RequestHeaders(mode: streamed), Messages.RequestBody(body.AsSpan(0, body.Length / 2), endOfStream: false)], 2);

        // Had any session been returned twice, the pool would hand the same object to two owners.
        var sessions = new List<Scanning.Sessions.BodyScanSession>();
        for (var i = 0; i < 4; i++)
        {
            sessions.Add(scanner.RentSession(BodyFormat.Json));
        }

        Assert.Equal(sessions.Count, sessions.Distinct().Count());
        foreach (var session in sessions)
        {
            session.Dispose();
        }
    }

    private static void Abandon(StaticPolicySnapshot policy, List<ProcessingRequest> messages, int count)
    {
        using var stream = new ExtProcStream(policy, NullProcessingTelemetry.Instance, null);
        var replies = new List<ProcessingResponse>();
        try
        {
            foreach (var message in messages.Take(count))
            {
                replies.Clear();
                stream.Handle(message, replies);
                stream.OnRepliesWritten();
            }
        }
        catch (ProtocolViolationException)
        {
            // A violation ends the stream like a reset: Dispose returns its sessions.
        }
    }

    /// <summary>The replies and the findings reported (offsets, entities, actions, paths): both must match.</summary>
    private static string RunAndDescribe(StaticPolicySnapshot policy, List<ProcessingRequest> messages)
    {
        var telemetry = new RecordingTelemetry();
        var outcome = StreamDriver.Run(policy, messages, telemetry, checkOneReplyPerMessage: false);
        var reports = telemetry.Reports.Select(r => $"{r.Direction} {r.BytesScanned} {r.FindingCount} {r.Blocked} [{string.Join(",", r.Findings)}]");
        return $"{outcome.ImmediateStatus}|{outcome.Violation}|{outcome.MessagesHandled}|{string.Join(";", outcome.Replies.Select(r => r.ToString()))}|{string.Join(";", reports)}";
    }
}
