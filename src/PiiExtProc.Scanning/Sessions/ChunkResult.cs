namespace PiiExtProc.Scanning.Sessions;

/// <summary>What <see cref="BodyScanSession.Process"/> released for one chunk.</summary>
/// <param name="IsUnchanged">True when the released bytes are exactly the input chunk (everything before it was
/// released already, all of it is released now, nothing in it was rewritten): the caller can forward the chunk as it is,
/// and nothing was written to the output. The session may still hold some of its bytes to parse what follows them
/// (<see cref="BodyScanSession.ReleaseSettledBytes"/>).</param>
/// <param name="BytesWritten">Bytes written to the output (the released, redacted bytes) when not unchanged.</param>
/// <param name="BytesHeld">Bytes of the body fed so far and not released yet, waiting for more input (a token or a
/// record that may continue in the next chunk).</param>
/// <param name="BlockRequested">True once any finding in the body has the block operator.</param>
public readonly record struct ChunkResult(bool IsUnchanged, int BytesWritten, int BytesHeld, bool BlockRequested);
