using System.Buffers;
using PiiExtProc.Scanning;

namespace PiiExtProc.Policy.Commands;

/// <summary>
/// Scans a whole body in one call with a rule's scanner: the same engine the server runs chunk by chunk, for the
/// command line (<c>policy test</c>, <c>explain</c>, <c>redact</c>, <c>eval</c>).
/// </summary>
public static class BodyScanner
{
    /// <summary>Scans <paramref name="body"/> with the scanner of <paramref name="policy"/>.</summary>
    /// <param name="policy">The route policy from <see cref="PolicySnapshot.Resolve"/>.</param>
    /// <param name="body">The whole body, UTF-8.</param>
    /// <param name="format">How to parse it.</param>
    public static BodyScanResult Scan(RoutePolicy policy, ReadOnlySpan<byte> body, BodyFormat format)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var output = new ArrayBufferWriter<byte>(Math.Max(256, body.Length));
        using var session = policy.Scanner.RentSession(format);
        var chunk = session.Process(body, isFinal: true, output);
        var bytes = chunk.IsUnchanged ? body.ToArray() : output.WrittenSpan.ToArray();
        return new BodyScanResult(bytes, [.. session.Findings], session.FindingCount, session.ContainsPii, chunk.BlockRequested || session.BlockRequested);
    }
}
