namespace PiiExtProc.Scanning;

/// <summary>
/// Thrown by <see cref="Sessions.BodyScanSession.Process"/> when a session that releases settled bytes
/// (<see cref="Sessions.BodyScanSession.ReleaseSettledBytes"/>) finds that a finding it must rewrite lies in bytes it
/// already released unchanged. That happens only when a JSON body turns malformed right after a chunk boundary and the
/// text scan that then takes over finds personal data reaching back across it. The body can no longer be redacted: the
/// caller must end the exchange instead of forwarding the rest. The message gives body offsets, never a scanned value.
/// </summary>
public sealed class ReleasedBytesChangedException : Exception
{
    /// <summary>Creates the exception for a rewrite at <paramref name="findingOffset"/> (bytes from the body's start)
    /// in a body released up to <paramref name="releasedTo"/> (bytes).</summary>
    public ReleasedBytesChangedException(long findingOffset, long releasedTo)
        : base($"A finding at body offset {findingOffset} must be rewritten, but the body was already released up to offset {releasedTo}; it cannot be redacted any more.")
    {
        FindingOffset = findingOffset;
        ReleasedTo = releasedTo;
    }

    /// <summary>Creates the exception with a message.</summary>
    public ReleasedBytesChangedException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public ReleasedBytesChangedException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with no message.</summary>
    public ReleasedBytesChangedException() { }

    /// <summary>Where the finding to rewrite starts, bytes from the body's start (UTF-8).</summary>
    public long FindingOffset { get; }

    /// <summary>How far the body had been released, bytes from its start.</summary>
    public long ReleasedTo { get; }
}
