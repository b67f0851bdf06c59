namespace PiiExtProc.Tests.Emulator;

/// <summary>The kinds of <see cref="HttpStep"/>.</summary>
internal enum HttpStepKind
{
    /// <summary>Headers of one direction arrive at the filter (decodeHeaders/encodeHeaders).</summary>
    Headers,

    /// <summary>A body chunk arrives (decodeData/encodeData); sizes follow socket reads, 0 bytes allowed.</summary>
    Data,

    /// <summary>Trailers arrive; they end the body.</summary>
    Trailers,

    /// <summary>Let Envoy process replies until nothing is awaited (the peer pauses).</summary>
    Settle,

    /// <summary>Process the replies that have already arrived, without waiting (a random interleaving point).</summary>
    Poll,

    /// <summary>The downstream client resets the HTTP stream (onDestroy: RST on the side stream, no END_STREAM).</summary>
    DownstreamReset,
}

/// <summary>One event of the emulated HTTP exchange, as the ext_proc filter sees it.</summary>
internal sealed record HttpStep(HttpStepKind Kind, HttpDirection Direction, HttpHeaderList? Headers = null, byte[]? Data = null, bool EndOfStream = false)
{
    public override string ToString() => Kind switch
    {
        HttpStepKind.Data => $"{Direction} data {Data!.Length} B{(EndOfStream ? " eos" : string.Empty)}",
        HttpStepKind.Headers => $"{Direction} headers{(EndOfStream ? " eos" : string.Empty)}",
        _ => $"{Direction} {Kind}",
    };
}
