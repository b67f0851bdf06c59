namespace PiiExtProc.Processing;

/// <summary>
/// A message that breaks Envoy's ext_proc protocol, or a body this stream cannot finish safely. The service ends the
/// call with a non-OK gRPC status carrying <see cref="Exception.Message"/>, so Envoy fails closed. Messages name
/// protocol elements only, never header or body content.
/// </summary>
internal sealed class ProtocolViolationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="cause">A bounded label for the stream_errors metric, e.g. <c>body_after_end</c>.</param>
    /// <param name="message">What was wrong, for the gRPC status detail and the log.</param>
    public ProtocolViolationException(string cause, string message) : base(message) => Cause = cause;

    /// <summary>The bounded cause label.</summary>
    public string Cause { get; }
}
