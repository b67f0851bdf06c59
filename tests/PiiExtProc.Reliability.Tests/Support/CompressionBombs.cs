using System.IO.Compression;

namespace PiiExtProc.Reliability.Tests.Support;

/// <summary>
/// Small compressed bodies that inflate to gigabytes of zeros. gzip uses concatenated members (RFC 1952 §2.2, which
/// .NET decodes as one stream), so 4 GiB cost one 64 MiB compression; zlib and br compress 1 GiB once per run.
/// </summary>
internal static class CompressionBombs
{
    public const long GzipInflatedBytes = 4L * 1024 * 1024 * 1024;
    public const long DeflateInflatedBytes = 1L * 1024 * 1024 * 1024;
    public const long BrotliInflatedBytes = 1L * 1024 * 1024 * 1024;

    private static readonly Lazy<byte[]> s_gzip = new(BuildGzip);
    private static readonly Lazy<byte[]> s_deflate = new(() => Compress(stream => new ZLibStream(stream, CompressionLevel.Optimal, leaveOpen: true), DeflateInflatedBytes));
    private static readonly Lazy<byte[]> s_brotli = new(() => Compress(stream => new BrotliStream(stream, CompressionLevel.Fastest, leaveOpen: true), BrotliInflatedBytes));

    /// <summary>The bomb for a content-encoding and how many bytes it inflates to.</summary>
    public static (byte[] Bomb, long InflatedBytes) For(string encoding) => encoding switch
    {
        "gzip" => (s_gzip.Value, GzipInflatedBytes),
        "deflate" => (s_deflate.Value, DeflateInflatedBytes),
        "br" => (s_brotli.Value, BrotliInflatedBytes),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    private static byte[] BuildGzip()
    {
        const long member = 64L * 1024 * 1024;
        var one = Compress(stream => new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true), member);
        var copies = (int)(GzipInflatedBytes / member);
        var bomb = new byte[one.Length * copies];
        for (var i = 0; i < copies; i++)
        {
            one.CopyTo(bomb, i * one.Length);
        }

        return bomb;
    }

    private static byte[] Compress(Func<Stream, Stream> compressor, long inflatedBytes)
    {
        var zeros = new byte[1024 * 1024];
        using var sink = new MemoryStream();
        using (var stream = compressor(sink))
        {
            for (long written = 0; written < inflatedBytes; written += zeros.Length)
            {
                stream.Write(zeros);
            }
        }

        return sink.ToArray();
    }
}
