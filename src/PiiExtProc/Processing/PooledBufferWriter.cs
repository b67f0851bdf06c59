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
    private byte[] _buffer = [];
    private int _written;

    /// <summary>The bytes written since the last <see cref="Reset"/>.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    /// <summary>Number of bytes written since the last <see cref="Reset"/>.</summary>
    public int WrittenCount => _written;

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
    public void Reset() => _written = 0;

    /// <summary>Returns the array to the pool.</summary>
    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }

        _written = 0;
    }

    private void Ensure(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed <= _buffer.Length)
        {
            return;
        }

        var next = ArrayPool<byte>.Shared.Rent(Math.Max(Math.Max(needed, MinimumSizeBytes), _buffer.Length * 2));
        _buffer.AsSpan(0, _written).CopyTo(next);
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = next;
    }
}
