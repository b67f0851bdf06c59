namespace PiiExtProc.Processing;

/// <summary>
/// How Envoy sends one direction's body, as far as this stream knows it: from protocol_config on the first message
/// (Envoy 1.34+), else <see cref="Unknown"/>.
/// </summary>
internal enum BodyMode
{
    /// <summary>No protocol_config (observability mode or Envoy before 1.34): a body message with end_of_stream
    /// false is treated as a STREAMED chunk.</summary>
    Unknown,

    /// <summary>NONE: no body messages expected.</summary>
    None,

    /// <summary>STREAMED: chunks pipelined, one BodyResponse each, in order.</summary>
    Streamed,

    /// <summary>BUFFERED: one message with the whole body (end_of_stream false when trailers follow).</summary>
    Buffered,

    /// <summary>BUFFERED_PARTIAL: one message with the body up to Envoy's buffer limit; the rest is not sent.</summary>
    BufferedPartial,

    /// <summary>FULL_DUPLEX_STREAMED: chunks sent as they arrive; the server answers with StreamedBodyResponse M:N.</summary>
    FullDuplexStreamed,
}
