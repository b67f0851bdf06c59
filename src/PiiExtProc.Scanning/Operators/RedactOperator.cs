using System.Buffers;

namespace PiiExtProc.Scanning.Operators;

/// <summary>Removes the value: writes nothing (an empty string in JSON). Stateless and thread-safe.</summary>
public sealed class RedactOperator : RedactionOperator
{
    /// <summary>The one instance.</summary>
    public static RedactOperator Instance { get; } = new();

    private RedactOperator()
    {
    }

    /// <inheritdoc/>
    public override OperatorKind Kind => OperatorKind.Redact;

    /// <inheritdoc/>
    public override void Write(PiiEntity entity, ReadOnlySpan<byte> value, IBufferWriter<byte> destination)
    {
    }

    /// <summary>Nothing is written.</summary>
    internal override int MaxOutputBytes(int valueLength) => 0;

    /// <summary>True: nothing is written.</summary>
    internal override bool OutputNeedsNoJsonEscaping => true;

    /// <inheritdoc/>
    internal override int Write(PiiEntity entity, ReadOnlySpan<byte> value, Span<byte> destination) => 0;

    /// <inheritdoc/>
    public override string ToString() => "redact";
}
