using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using PiiExtProc.Benchmarks.Corpus;
using PiiExtProc.Policy;
using PiiExtProc.Scanning;

namespace PiiExtProc.Benchmarks.Load;

/// <summary>
/// `scan-golden [--out FILE]`: what this build's scanner makes of every corpus body (each kind at 1 KB, 16 KB and 1 MB),
/// whole and in chunks of 7, 997 and 16,384 bytes (7 only below 1 MB), with the default policy: per scan, the SHA-256 of
/// the output (first 16 hex digits), the finding count, is_pii and block; then each finding kept (entity, offset,
/// length, score, recognizer, JSON path, action, fingerprint). Two builds that must scan alike (a speed change) give
/// identical files: compare them with <c>cmp</c>. Fingerprints are written only when <c>PIIEXTPROC_AUDIT_KEY</c> is set
/// (otherwise each process draws a random key), as <c>-</c> for a finding past its group's 16th distinct value (which
/// the scanner does not hash, since PiiFinding.MaxFingerprintsPerGroup); the corpus is synthetic, so no real personal
/// data is written.
/// </summary>
internal static class ScanGoldenCommand
{
    private static readonly int[] s_sizes = [1024, 16 * 1024, 1024 * 1024];
    private static readonly int[] s_chunks = [0, 7, 997, 16 * 1024];

    public static int Run(Arguments arguments)
    {
        var path = arguments.Get("out", "");
        using var writer = path.Length > 0 ? new StreamWriter(path) : null;
        var output = writer ?? Console.Out;
        var withFingerprints = AuditFingerprintKey.IsConfigured;
        if (!withFingerprints)
        {
            Console.Error.WriteLine($"scan-golden: {AuditFingerprintKey.EnvironmentVariable} is not set, so fingerprints are left out");
        }

        var scanner = BenchmarkPolicy.CreateScanner();
        foreach (var kind in Enum.GetValues<BodyKind>())
        {
            foreach (var size in s_sizes)
            {
                foreach (var chunk in s_chunks)
                {
                    if (chunk == 7 && size >= 1024 * 1024)
                    {
                        continue;
                    }

                    Write(output, scanner, kind, size, chunk, withFingerprints);
                }
            }
        }

        return 0;
    }

    private static void Write(TextWriter output, PiiScanner scanner, BodyKind kind, int size, int chunk, bool withFingerprints)
    {
        var body = BodyCorpus.Get(kind, size);
        var format = BodyCorpus.FormatOf(kind);
        var rewritten = new ArrayBufferWriter<byte>();
        using var session = scanner.RentSession(format);
        var step = chunk <= 0 ? body.Length : chunk;
        for (var offset = 0; offset < body.Length; offset += step)
        {
            var length = Math.Min(step, body.Length - offset);
            var piece = body.AsSpan(offset, length);
            var result = session.Process(piece, offset + length == body.Length, rewritten);
            if (result.IsUnchanged)
            {
                // Released unchanged: the output is the piece itself.
                rewritten.Write(piece);
            }
        }

        var hash = Convert.ToHexString(SHA256.HashData(rewritten.WrittenSpan))[..16];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{kind} {size} {chunk}: output {hash} findings {session.FindingCount} pii {session.ContainsPii} block {session.BlockRequested}"));
        foreach (var finding in session.Findings)
        {
            var fingerprint = withFingerprints && finding.Fingerprint is { } value ? value.ToString("x16", CultureInfo.InvariantCulture) : "-";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {finding.Entity.Name} {finding.Offset} {finding.Length} {finding.Score} {finding.Recognizer} {finding.JsonPath} {finding.Action} {fingerprint}"));
        }
    }
}
