using Google.Protobuf;
using Envoy.Service.ExtProc.V3;
using PiiExtProc.Diagnostics;
using PiiExtProc.Processing;
using PiiExtProc.Routing;

namespace PiiExtProc.Reliability.Tests.Support;

/// <summary>Drives <see cref="ExtProcStream.Handle"/> directly, as the service does, and checks the reply invariants.</summary>
internal static class StreamDriver
{
    /// <summary>The outcome of one stream: replies per message, whether it ended with an immediate response or a violation.</summary>
    internal sealed record Outcome(List<ProcessingResponse> Replies, int? ImmediateStatus, string? Violation, int MessagesHandled);

    /// <summary>
    /// Feeds every message, copying replies out (their pooled bytes are reset after each message, as after a write).
    /// Checks: outside FDS and observability, exactly one reply per message until an immediate response.
    /// </summary>
    public static Outcome Run(IPolicySnapshot policy, IEnumerable<ProcessingRequest> messages, IProcessingTelemetry? telemetry = null, bool checkOneReplyPerMessage = true)
    {
        using var stream = new ExtProcStream(policy, telemetry ?? NullProcessingTelemetry.Instance, null);
        var all = new List<ProcessingResponse>();
        var replies = new List<ProcessingResponse>(2);
        var handled = 0;
        try
        {
            foreach (var message in messages)
            {
                if (stream.Completed)
                {
                    break;
                }

                replies.Clear();
                stream.Handle(message, replies);
                handled++;
                if (checkOneReplyPerMessage && !stream.Completed && replies.Count != 1)
                {
                    throw new InvalidOperationException($"message {handled} ({message.RequestCase}) got {replies.Count} replies; expected exactly one.");
                }

                foreach (var reply in replies)
                {
                    // Serialize as the gRPC writer does: replies wrap pooled bytes (UnsafeWrap), which a Clone would still alias.
                    all.Add(ProcessingResponse.Parser.ParseFrom(reply.ToByteArray()));
                }

                stream.OnRepliesWritten();
            }

            if (!stream.Completed)
            {
                stream.OnRequestStreamEnded();
            }
        }
        catch (ProtocolViolationException violation)
        {
            return new Outcome(all, null, violation.Cause, handled);
        }

        var immediate = all.Count > 0 && all[^1].ImmediateResponse is { } response ? (int)response.Status.Code : (int?)null;
        return new Outcome(all, immediate, null, handled);
    }

    /// <summary>The body bytes Envoy would forward for a BUFFERED/STREAMED direction given the original chunks and the replies.</summary>
    public static byte[] ForwardedBody(IReadOnlyList<byte[]> chunks, IReadOnlyList<ProcessingResponse> bodyReplies)
    {
        using var forwarded = new MemoryStream();
        for (var i = 0; i < chunks.Count && i < bodyReplies.Count; i++)
        {
            var common = (bodyReplies[i].RequestBody ?? bodyReplies[i].ResponseBody)?.Response;
            var mutation = common?.BodyMutation;
            if (mutation is null)
            {
                forwarded.Write(chunks[i]);
            }
            else if (mutation.MutationCase == Envoy.Service.ExtProc.V3.BodyMutation.MutationOneofCase.Body)
            {
                forwarded.Write(mutation.Body.Span);
            }
            else if (mutation.MutationCase == Envoy.Service.ExtProc.V3.BodyMutation.MutationOneofCase.StreamedResponse)
            {
                forwarded.Write(mutation.StreamedResponse.Body.Span);
            }

            // ClearBody: nothing forwarded for this chunk.
        }

        return forwarded.ToArray();
    }
}
