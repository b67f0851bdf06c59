using System.Buffers;

namespace PiiExtProc.Scanning.Operators;

/// <summary>
/// Turns a detected value into its replacement. Immutable and thread-safe: one instance serves every stream.
/// </summary>
public abstract class RedactionOperator
{
    /// <summary>The operator's kind.</summary>
    public abstract OperatorKind Kind { get; }

    /// <summary>
    /// Writes the replacement for <paramref name="value"/> to <paramref name="destination"/>.
    /// </summary>
    /// <param name="entity">The entity the value was recognized as.</param>
    /// <param name="value">The matched value, decoded text (UTF-8, JSON escapes already removed).</param>
    /// <param name="destination">Receives the replacement as UTF-8 text; the caller escapes it for JSON.</param>
    /// <remarks>
    /// Operators that do not rewrite (<see cref="OperatorKind.Observe"/>, <see cref="OperatorKind.Block"/>)
    /// write the value unchanged. The output must never contain the raw value for the rewriting kinds.
    /// </remarks>
    public abstract void Write(PiiEntity entity, ReadOnlySpan<byte> value, IBufferWriter<byte> destination);

    /// <summary>
    /// Most bytes <see cref="Write(PiiEntity, ReadOnlySpan{byte}, Span{byte})"/> writes for a value of
    /// <paramref name="valueLength"/> bytes (UTF-8), or -1 when this operator writes only to a buffer writer.
    /// </summary>
    internal virtual int MaxOutputBytes(int valueLength) => -1;

    /// <summary>
    /// True when the span <c>Write</c> writes only bytes of the value it is given and bytes a JSON string carries
    /// unescaped (none of <c>"</c>, <c>\</c> or U+0000-U+001F), so the replacement of a value that needs no JSON escaping
    /// needs none either and a session skips checking it. False (the default) makes the session check every replacement.
    /// </summary>
    internal virtual bool OutputNeedsNoJsonEscaping => false;

    /// <summary>
    /// <see cref="Write(PiiEntity, ReadOnlySpan{byte}, IBufferWriter{byte})"/> into <paramref name="destination"/>, which
    /// holds at least <see cref="MaxOutputBytes"/> of the value's length; returns the bytes written. Only for operators
    /// whose <see cref="MaxOutputBytes"/> is not negative.
    /// </summary>
    internal virtual int Write(PiiEntity entity, ReadOnlySpan<byte> value, Span<byte> destination) =>
        throw new NotSupportedException("This operator writes only to a buffer writer.");
}
