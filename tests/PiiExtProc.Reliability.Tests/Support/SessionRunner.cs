using System.Buffers;
using PiiExtProc.Scanning;

namespace PiiExtProc.Reliability.Tests.Support;

/// <summary>Feeds chunks through a scan session and reassembles what it released.</summary>
internal static class SessionRunner
{
    public static byte[] Run(PiiScanner scanner, BodyFormat format, IReadOnlyList<byte[]> chunks, out int findings)
    {
        using var session = scanner.CreateSession(format);
        var released = new ArrayBufferWriter<byte>();
        var output = new ArrayBufferWriter<byte>();
        if (chunks.Count == 0)
        {
            chunks = [[]];
        }

        for (var i = 0; i < chunks.Count; i++)
        {
            output.ResetWrittenCount();
            var result = session.Process(chunks[i], i == chunks.Count - 1, output);
            released.Write(result.IsUnchanged ? chunks[i] : output.WrittenSpan);
        }

        findings = session.FindingCount;
        return released.WrittenSpan.ToArray();
    }
}
