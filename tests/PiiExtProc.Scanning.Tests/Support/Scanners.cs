using System.Buffers;
using System.Text;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Sessions;

namespace PiiExtProc.Scanning.Tests.Support;

internal static class Scanners
{
    /// <summary>Every built-in entity with the label operator (Guardian-style: attributes observed).</summary>
    public static ScannerOptions GuardianOptions(RedactionOperator? op = null, int maxRecordBytes = 1024 * 1024)
    {
        op ??= new LabelOperator();
        var observe = new ObserveOperator();
        var entities = new Dictionary<PiiEntity, EntitySettings>();
        foreach (PiiEntity e in PiiEntity.BuiltIn)
        {
            entities[e] = new EntitySettings(e.Category == EntityCategory.Attribute ? observe : op);
        }

        return new ScannerOptions { Entities = entities, Limits = new ScanLimits { MaxRecordBytes = maxRecordBytes } };
    }

    public static readonly PiiScanner Guardian = PiiScanner.Create(GuardianOptions());

    public static ScanResult Run(PiiScanner scanner, BodyFormat format, string body) =>
        Run(scanner, format, Encoding.UTF8.GetBytes(body), [body.Length == 0 ? 0 : Encoding.UTF8.GetByteCount(body)]);

    /// <summary>Scans <paramref name="body"/> in chunks of the given sizes (the last chunk takes the rest).</summary>
    public static ScanResult Run(PiiScanner scanner, BodyFormat format, byte[] body, IReadOnlyList<int> chunkSizes)
        => Run(scanner.CreateSession(format), body, chunkSizes);

    /// <summary>
    /// Scans <paramref name="body"/> with <paramref name="session"/> (fresh or rented from a pool) in chunks of the given
    /// sizes, the last chunk taking the rest; disposes the session after copying its results. <paramref name="onChunk"/>,
    /// when given, sees each chunk's result.
    /// </summary>
    public static ScanResult Run(BodyScanSession session, byte[] body, IReadOnlyList<int> chunkSizes, Action<ChunkResult>? onChunk = null)
    {
        using (session)
        {
            var output = new ArrayBufferWriter<byte>();
            int position = 0;
            for (int i = 0; i < chunkSizes.Count; i++)
            {
                bool last = i == chunkSizes.Count - 1;
                int size = last ? body.Length - position : Math.Min(chunkSizes[i], body.Length - position);
                ReadOnlySpan<byte> chunk = body.AsSpan(position, size);
                ChunkResult result = session.Process(chunk, last, output);
                onChunk?.Invoke(result);
                if (result.IsUnchanged)
                {
                    output.Write(chunk);
                }

                position += size;
            }

            return new ScanResult(output.WrittenSpan.ToArray(), session.Findings.ToList(), session.ContainsPii, session.FellBackToText);
        }
    }
}

internal sealed record ScanResult(byte[] Output, List<PiiFinding> Findings, bool ContainsPii, bool FellBackToText)
{
    public string Text => Encoding.UTF8.GetString(Output);

    public IEnumerable<string> Entities(FindingAction action = FindingAction.Redacted) =>
        Findings.Where(f => f.Action == action).Select(f => f.Entity.Name);
}
