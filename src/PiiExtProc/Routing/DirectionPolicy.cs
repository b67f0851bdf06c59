using PiiExtProc.Scanning;

namespace PiiExtProc.Routing;

/// <summary>
/// The part of a policy one direction of one stream needs: the compiled scanner and how to handle what it cannot
/// scan. Immutable; shared by every stream the same rule selects.
/// </summary>
internal sealed record DirectionPolicy
{
    /// <summary>The selected rule's name: a bounded label for metrics and audit events, never a raw path.</summary>
    public required string RuleName { get; init; }

    /// <summary>The compiled scanner for this rule and direction.</summary>
    public required PiiScanner Scanner { get; init; }

    /// <summary>
    /// True (the default) to block an exchange whose body cannot be scanned (over <see cref="MaxBodyBytes"/>, the part
    /// of a BUFFERED_PARTIAL body Envoy never sends, or an unsupported encoding); false to pass it and count it.
    /// </summary>
    public bool FailClosedWhenUnscannable { get; init; } = true;

    /// <summary>Largest body scanned, bytes (after decompression). Default 8 MiB.</summary>
    public long MaxBodyBytes { get; init; } = 8L * 1024 * 1024;

    /// <summary>True to answer an unknown content-encoding with 415; false to pass the body unscanned and count it.</summary>
    public bool BlockUnknownEncoding { get; init; } = true;

    /// <summary>HTTP status of the immediate response sent when a block operator fires. Default 403.</summary>
    public int BlockStatus { get; init; } = 403;

    /// <summary>JSON body of that immediate response, UTF-8.</summary>
    public ReadOnlyMemory<byte> BlockBody { get; init; } =
        """{"error":"personal_data_blocked","message":"The exchange carried personal data that this route does not allow."}"""u8.ToArray();

    /// <summary>
    /// Decides from a non-empty content-type whether the body is scanned; null scans every type that
    /// <see cref="Processing.ContentClassifier"/> does not know as binary.
    /// </summary>
    public Func<string, bool>? ScansContentType { get; init; }

    /// <summary>Lower-case header names whose values are scanned; <c>:path</c> means its query string.</summary>
    public IReadOnlyList<string> HeadersToScan { get; init; } = [":path"];
}
