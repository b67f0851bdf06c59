using PiiExtProc.Routing;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Sessions;

namespace PiiExtProc.Processing;

/// <summary>
/// The state of one direction (request or response) of one stream, mirroring Envoy's per-direction processor state
/// (extproc-protocol.md §1.1): whether headers, body and trailers were seen, the body mode, the policy and the scan
/// session. Owned by one <see cref="ExtProcStream"/>; not thread-safe.
/// </summary>
internal sealed class DirectionState : IDisposable
{
    private PooledBufferWriter? _collected;
    private ReusableBodyReplies? _replies;

    public DirectionState(Direction direction) => Direction = direction;

    /// <summary>Request or response.</summary>
    public Direction Direction { get; }

    /// <summary>True once the headers message of this direction was handled.</summary>
    public bool HeadersSeen { get; set; }

    /// <summary>True once a body message was handled.</summary>
    public bool BodyStarted { get; set; }

    /// <summary>True once nothing more may arrive for this direction (end_of_stream, or trailers).</summary>
    public bool Ended { get; set; }

    /// <summary>The body mode from protocol_config, or <see cref="BodyMode.Unknown"/>.</summary>
    public BodyMode Mode { get; set; } = BodyMode.Unknown;

    /// <summary>The policy for this direction, resolved at its first message.</summary>
    public DirectionPolicy? Policy { get; set; }

    /// <summary>What to do with the body bytes.</summary>
    public BodyHandling Handling { get; set; } = BodyHandling.Scan;

    /// <summary>The parse format, or null to sniff from the first body bytes.</summary>
    public BodyFormat? Format { get; set; }

    /// <summary>The content-encoding to decode (gzip, deflate, br), or null for identity.</summary>
    public string? ContentEncoding { get; set; }

    /// <summary>
    /// The numeric content-length the headers carried (bytes), which a BUFFERED reply must keep right, or -1 when they
    /// carried none (or not a number).
    /// </summary>
    public long ContentLength { get; set; } = -1;

    /// <summary>True when <see cref="ContentLength"/> is known.</summary>
    public bool HasContentLength => ContentLength >= 0;

    /// <summary>The incremental scan session while the body is in progress.</summary>
    public BodyScanSession? Session { get; set; }

    /// <summary>Bytes the scan session holds back after the last chunk (a token or record that may continue).</summary>
    public int HeldBytes { get; set; }

    /// <summary>Body bytes received so far (before decompression).</summary>
    public long BytesReceived { get; set; }

    /// <summary>Body bytes scanned so far (after decompression).</summary>
    public long BytesScanned { get; set; }

    /// <summary>
    /// The body-mutation replies of this direction, reused once written; created at the first body reply (an open
    /// stream that has sent no body does not hold them).
    /// </summary>
    public ReusableBodyReplies Replies => _replies ??= new ReusableBodyReplies(Direction);

    /// <summary>The redacted output of the current message; wrapped into the reply, reset after it is written.</summary>
    public PooledBufferWriter Output { get; } = new();

    /// <summary>True once a collected compressed body was decoded and answered; its buffer is then only the reply's.</summary>
    public bool CollectedReleased { get; set; }

    /// <summary>The compressed body collected for <see cref="BodyHandling.DecodeWhole"/>; created at first use.</summary>
    public PooledBufferWriter Collected => _collected ??= new PooledBufferWriter();

    /// <summary>Bytes in <see cref="Collected"/>, without creating it.</summary>
    public int CollectedCount => _collected?.WrittenCount ?? 0;

    /// <summary>The rule name for labels, or "unresolved" before a policy applies.</summary>
    public string RuleName => Policy?.RuleName ?? "unresolved";

    /// <summary>The replies of the current message were written: the reusable ones are free again.</summary>
    public void RepliesWritten() => _replies?.OnWritten();

    /// <summary>Disposes the session and returns pooled buffers.</summary>
    public void Dispose()
    {
        Session?.Dispose();
        Session = null;
        Output.Dispose();
        _collected?.Dispose();
    }

    /// <summary>
    /// Returns the session and every field to its initial value, for a pooled <see cref="ExtProcStream"/>'s next stream.
    /// The buffer writers stay, empty and usable, with their arrays when short enough
    /// (<see cref="PooledBufferWriter.Recycle"/>).
    /// </summary>
    public void Reset()
    {
        Session?.Dispose();
        Session = null;
        Output.Recycle();
        _collected?.Recycle();
        _replies?.OnWritten();
        HeadersSeen = false;
        BodyStarted = false;
        Ended = false;
        Mode = BodyMode.Unknown;
        Policy = null;
        Handling = BodyHandling.Scan;
        Format = null;
        ContentEncoding = null;
        ContentLength = -1;
        HeldBytes = 0;
        BytesReceived = 0;
        BytesScanned = 0;
        CollectedReleased = false;
    }
}
