using System.Buffers;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// A span of an output <see cref="IBufferWriter{T}"/> written by several slots before one
/// <see cref="IBufferWriter{T}.Advance"/>: <see cref="Used"/> bytes of <see cref="Span"/> are written, not yet advanced.
/// </summary>
internal ref struct OutputSpan
{
    /// <summary>The span last returned by <see cref="IBufferWriter{T}.GetSpan"/>, or empty.</summary>
    public Span<byte> Span;

    /// <summary>Bytes written at the start of <see cref="Span"/>.</summary>
    public int Used;

    /// <summary>The unwritten rest of <see cref="Span"/>.</summary>
    public readonly Span<byte> Free => Span[Used..];

    /// <summary>Makes <see cref="Free"/> at least <paramref name="bytes"/> long (advancing what was written first).</summary>
    public void Ensure(IBufferWriter<byte> output, int bytes)
    {
        if (Span.Length - Used >= bytes)
        {
            return;
        }

        Flush(output);
        Span = output.GetSpan(bytes);
    }

    /// <summary>Advances the output past the written bytes and forgets the span (before any other write to the output).</summary>
    public void Flush(IBufferWriter<byte> output)
    {
        if (Used > 0)
        {
            output.Advance(Used);
        }

        Span = default;
        Used = 0;
    }
}
