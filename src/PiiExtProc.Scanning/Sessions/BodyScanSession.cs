using System.Buffers;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// Scans one body that arrives in chunks and releases redacted output as soon as it is final. Not thread-safe:
/// one session belongs to one direction of one stream.
/// </summary>
/// <remarks>
/// Chunking never changes the result: the concatenated output and the findings are byte-identical whether the
/// body arrives whole or split at any positions. To achieve this the session holds back bytes that may be part
/// of a token or record still being read, at most <see cref="ScanLimits.MaxRecordBytes"/> plus the longest token.
/// </remarks>
public sealed class BodyScanSession : IDisposable
{
    /// <summary>
    /// Feeds the next chunk. Bytes that can no longer be changed by later input are redacted and written to
    /// <paramref name="output"/>, unless the result is <see cref="ChunkResult.IsUnchanged"/>.
    /// </summary>
    /// <param name="chunk">The next bytes of the body; may be empty.</param>
    /// <param name="isFinal">True for the last chunk: everything held is released.</param>
    /// <param name="output">Receives the released, redacted bytes.</param>
    /// <exception cref="InvalidOperationException">Called again after a final chunk.</exception>
    public ChunkResult Process(ReadOnlySpan<byte> chunk, bool isFinal, IBufferWriter<byte> output) => throw new NotImplementedException();

    /// <summary>Findings so far, in body order, at most <see cref="ScanLimits.MaxFindingsKept"/>.</summary>
    public IReadOnlyList<PiiFinding> Findings => throw new NotImplementedException();

    /// <summary>All findings so far including those not kept.</summary>
    public int FindingCount => throw new NotImplementedException();

    /// <summary>True when the body holds PII by the policy: a redacted or blocked finding (the Guardian is_pii).</summary>
    public bool ContainsPii => throw new NotImplementedException();

    /// <summary>Bytes fed so far.</summary>
    public long BytesScanned => throw new NotImplementedException();

    /// <summary>True when part of a JSON body was malformed and was scanned as text from that point.</summary>
    public bool FellBackToText => throw new NotImplementedException();

    /// <summary>Returns pooled buffers.</summary>
    public void Dispose() => throw new NotImplementedException();
}
