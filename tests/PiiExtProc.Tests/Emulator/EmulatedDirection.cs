using HeaderSendMode = Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types.HeaderSendMode;
using BodySendMode = Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types.BodySendMode;

namespace PiiExtProc.Tests.Emulator;

/// <summary>Envoy's processor state for one direction (DecodingProcessorState / EncodingProcessorState, §1.1).</summary>
internal sealed class EmulatedDirection
{
    public EmulatedDirection(HttpDirection direction, ForwardedMessage output, HeaderSendMode headerMode, BodySendMode bodyMode, HeaderSendMode trailerMode)
    {
        Direction = direction;
        Out = output;
        HeaderMode = headerMode == HeaderSendMode.Skip ? HeaderSendMode.Skip : HeaderSendMode.Send; // DEFAULT = SEND
        BodyMode = bodyMode;
        TrailerMode = trailerMode == HeaderSendMode.Send ? HeaderSendMode.Send : HeaderSendMode.Skip; // DEFAULT = SKIP
    }

    public HttpDirection Direction { get; }

    public ForwardedMessage Out { get; }

    public HeaderSendMode HeaderMode { get; set; }

    public BodySendMode BodyMode { get; set; }

    public HeaderSendMode TrailerMode { get; set; }

    public CallbackState State { get; set; }

    /// <summary>The headers Envoy holds (and mutates) for this direction.</summary>
    public HttpHeaderList? Headers { get; set; }

    public bool HeadersSeen { get; set; }

    /// <summary>The headers carried end_of_stream: no body and no trailers follow (§1.2).</summary>
    public bool NoBody { get; set; }

    /// <summary>content-length was removed after the headers message (§3.3): set_headers of it is skipped.</summary>
    public bool ContentLengthRemoved { get; set; }

    /// <summary>Data held by the filter manager (during the headers reply, or the BUFFERED body).</summary>
    public MemoryStream Held { get; } = new();

    /// <summary>The data with end_stream has arrived (it may be held).</summary>
    public bool HeldEnd { get; set; }

    public bool AnyData { get; set; }

    /// <summary>STREAMED: chunks sent and not yet answered, FIFO (§1.3, processor_state.cc:595-622).</summary>
    public Queue<(byte[] Bytes, bool EndOfStream)> Chunks { get; } = new();

    /// <summary>The buffered or partial body that was sent and awaits its reply.</summary>
    public byte[] SentBody { get; set; } = [];

    public bool SentBodyEndOfStream { get; set; }

    public bool BodySent { get; set; }

    public HttpHeaderList? Trailers { get; set; }

    public bool TrailersArrived { get; set; }

    public bool TrailersDone { get; set; }

    public bool PartialBodyProcessed { get; set; }

    public MemoryStream PartialQueued { get; } = new();

    public bool PartialQueuedEnd { get; set; }

    /// <summary>CONTINUE_AND_REPLACE with a body: later body data is discarded (§3.3).</summary>
    public bool DiscardBody { get; set; }

    /// <summary>CONTINUE_AND_REPLACE without a body: the original body passes through (the server's choice).</summary>
    public bool PassBody { get; set; }

    public int FdsChunksSent { get; set; }

    public bool FdsClientEnded { get; set; }

    public bool FdsServerEnded { get; set; }

    public bool FdsTrailersSent { get; set; }

    public bool FdsTrailersReplied { get; set; }

    public bool AttributesSent { get; set; }

    /// <summary>The running message timer's deadline, or null (§7: one timer per direction).</summary>
    public DateTime? Deadline { get; set; }

    /// <summary>override_message_timeout already accepted in this state (only once per state, §7).</summary>
    public bool TimeoutOverridden { get; set; }

    public bool IsFullDuplex => BodyMode == BodySendMode.FullDuplexStreamed;

    /// <summary>True when Envoy waits for something from the server for this direction.</summary>
    public bool Awaiting
    {
        get
        {
            if (State != CallbackState.Idle)
            {
                return true;
            }

            return IsFullDuplex
                && ((FdsChunksSent > 0 && (FdsClientEnded || FdsTrailersSent) && !FdsServerEnded && !FdsTrailersReplied)
                    || (FdsTrailersSent && !FdsTrailersReplied));
        }
    }
}
