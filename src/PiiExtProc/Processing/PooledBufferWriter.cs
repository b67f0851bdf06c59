using System.Buffers;
using System.Diagnostics;

namespace PiiExtProc.Processing;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over an <see cref="ArrayPool{T}"/> array, reused across messages of one stream
/// direction. The written bytes are wrapped (not copied) into a reply with UnsafeByteOperations, so
/// <see cref="Reset"/> must only be called after that reply has been written to the transport.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private const int MinimumSizeBytes = 4096;

    /// <summary>
    /// Longest array, bytes, that <see cref="Recycle"/> keeps for a pooled stream's next use: a rewritten body of up to
    /// ~30 KB. Longer arrays go back to <see cref="ArrayPool{T}.Shared"/>. With <see cref="ExtProcStreamPool.Shared"/>'s
    /// idle streams (8 per processor, 32-512) and two directions with two writers each, the most this keeps is
    /// 4 x 32 KiB per idle stream: 4 MiB with 32 idle streams (up to 4 processors), 64 MiB with 512 (64 or more); a
    /// stream that rewrites small bodies keeps 4-16 KiB.
    /// </summary>
    public const int MaxRetainedBytes = 32 * 1024;

    private byte[] _buffer = [];
    private int _written;

    /// <summary>The bytes written since the last <see cref="Reset"/>.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    /// <summary>Length of the rented array, bytes (0 before the first write).</summary>
    public int Capacity => _buffer.Length;

    /// <summary>Number of bytes written since the last <see cref="Reset"/>.</summary>
    public int WrittenCount => _written;

    /// <summary>
    /// Bytes the current message is expected to write (a whole body's length), or 0: the first array rented holds them
    /// (plus 1/16 for longer replacements), so a rewritten 1 MB body is not copied through ten doublings. Nothing is
    /// rented until something is written.
    /// </summary>
    public int ExpectedBytes { get; set; }

    /// <inheritdoc/>
    public void Advance(int count)
    {
        Debug.Assert(count >= 0 && _written + count <= _buffer.Length);
        _written += count;
    }

    /// <inheritdoc/>
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    /// <inheritdoc/>
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>Forgets the written bytes, keeping the array for the next message.</summary>
    public void Reset()
    {
        _written = 0;
        ExpectedBytes = 0;
    }

    /// <summary>
    /// Forgets the written bytes for the next stream of a pooled <see cref="ExtProcStream"/>, keeping an array of up to
    /// <see cref="MaxRetainedBytes"/>: under load the shared pool keeps few arrays per size for each processor, so
    /// returning and renting one per stream allocated new arrays (~3.5 KB per PII stream with 64 streams in flight on
    /// one processor). As with <see cref="Reset"/>, the replies wrapping the bytes must have been written.
    /// </summary>
    public void Recycle()
    {
        if (_buffer.Length > MaxRetainedBytes)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }

        _written = 0;
        ExpectedBytes = 0;
    }

    /// <summary>Returns the array to the pool.</summary>
    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }

        _written = 0;
        ExpectedBytes = 0;
    }

    private void Ensure(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed <= _buffer.Length)
        {
            return;
        }

        var expected = _written == 0 && ExpectedBytes > 0 ? ExpectedBytes + (ExpectedBytes / 16) : 0;
        var next = ArrayPool<byte>.Shared.Rent(Math.Max(Math.Max(needed, MinimumSizeBytes), Math.Max(_buffer.Length * 2, expected)));
        _buffer.AsSpan(0, _written).CopyTo(next);
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = next;
    }
}
