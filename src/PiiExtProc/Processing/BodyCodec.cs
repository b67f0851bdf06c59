using System.IO.Compression;

namespace PiiExtProc.Processing;

/// <summary>
/// Decodes and re-encodes whole bodies for the content-encodings we support: gzip (x-gzip), deflate (zlib, RFC 9110
/// §8.4.1.2, with a raw-deflate fallback for servers that send it) and br. Decoding stops at a byte limit so a small
/// compressed bomb cannot inflate to gigabytes.
/// </summary>
internal static class BodyCodec
{
    /// <summary>True when <paramref name="encoding"/> is one we decode; identity and empty count as supported.</summary>
    public static bool IsSupported(string? encoding) => Normalize(encoding) is not null;

    /// <summary>The canonical encoding name (gzip, deflate, br), "" for identity, or null when unsupported.</summary>
    public static string? Normalize(string? encoding)
    {
        var value = encoding?.Trim();
        if (string.IsNullOrEmpty(value) || value.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return "";
        }

        if (value.Equals("gzip", StringComparison.OrdinalIgnoreCase) || value.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
        {
            return "gzip";
        }

        if (value.Equals("deflate", StringComparison.OrdinalIgnoreCase))
        {
            return "deflate";
        }

        if (value.Equals("br", StringComparison.OrdinalIgnoreCase))
        {
            return "br";
        }

        return null;
    }

    /// <summary>
    /// Decodes <paramref name="encoded"/> into <paramref name="destination"/>.
    /// </summary>
    /// <returns>True on success; false when the data is corrupt or decodes to more than <paramref name="maxBytes"/>.</returns>
    public static bool TryDecode(string encoding, ReadOnlyMemory<byte> encoded, long maxBytes, PooledBufferWriter destination)
    {
        if (TryDecodeWith(encoding, encoded, maxBytes, destination, rawDeflate: false))
        {
            return true;
        }

        return encoding == "deflate" && TryDecodeWith(encoding, encoded, maxBytes, destination, rawDeflate: true);
    }

    /// <summary>Encodes <paramref name="plain"/> with <paramref name="encoding"/> into <paramref name="destination"/>.</summary>
    public static void Encode(string encoding, ReadOnlySpan<byte> plain, PooledBufferWriter destination)
    {
        destination.Reset();
        using var sink = new BufferWriterStream(destination);
        using (var compressor = CreateCompressor(encoding, sink))
        {
            compressor.Write(plain);
        }
    }

    private static bool TryDecodeWith(string encoding, ReadOnlyMemory<byte> encoded, long maxBytes, PooledBufferWriter destination, bool rawDeflate)
    {
        destination.Reset();
        try
        {
            using var source = new MemoryStreamOver(encoded);
            using Stream decompressor = encoding switch
            {
                "gzip" => new GZipStream(source, CompressionMode.Decompress),
                "deflate" when rawDeflate => new DeflateStream(source, CompressionMode.Decompress),
                "deflate" => new ZLibStream(source, CompressionMode.Decompress),
                "br" => new BrotliStream(source, CompressionMode.Decompress),
                _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
            };
            long total = 0;
            while (true)
            {
                var span = destination.GetSpan(16 * 1024);
                var read = decompressor.Read(span);
                if (read == 0)
                {
                    return true;
                }

                total += read;
                if (total > maxBytes)
                {
                    return false;
                }

                destination.Advance(read);
            }
        }
        catch (InvalidDataException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // BrotliStream reports corrupt input as InvalidOperationException ("Decoder ran into invalid data").
            return false;
        }
    }

    private static Stream CreateCompressor(string encoding, Stream sink) => encoding switch
    {
        "gzip" => new GZipStream(sink, CompressionLevel.Fastest, leaveOpen: true),
        "deflate" => new ZLibStream(sink, CompressionLevel.Fastest, leaveOpen: true),
        "br" => new BrotliStream(sink, CompressionLevel.Fastest, leaveOpen: true),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    /// <summary>A read-only stream over memory without copying it.</summary>
    private sealed class MemoryStreamOver(ReadOnlyMemory<byte> memory) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => memory.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var count = Math.Min(buffer.Length, memory.Length - _position);
            memory.Span.Slice(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A write-only stream appending to a <see cref="PooledBufferWriter"/>.</summary>
    private sealed class BufferWriterStream(PooledBufferWriter writer) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => writer.WrittenCount;
        public override long Position { get => writer.WrittenCount; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            buffer.CopyTo(writer.GetSpan(buffer.Length));
            writer.Advance(buffer.Length);
        }

        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
