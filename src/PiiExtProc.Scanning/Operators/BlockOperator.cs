using System.Buffers;

namespace PiiExtProc.Scanning.Operators;

/// <summary>
/// Asks for the whole exchange to be blocked; the server answers with the rule's block response instead of
/// forwarding the body. Writes the value unchanged (the body is never forwarded). Stateless and thread-safe.
/// </summary>
public sealed class BlockOperator : RedactionOperator
{
    /// <summary>The one instance.</summary>
    public static BlockOperator Instance { get; } = new();

    private BlockOperator()
    {
    }

    /// <inheritdoc/>
    public override OperatorKind Kind => OperatorKind.Block;

    /// <inheritdoc/>
    public override void Write(PiiEntity entity, ReadOnlySpan<byte> value, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        Utf8Masking.WriteBytes(value, destination);
    }

    /// <inheritdoc/>
    public override string ToString() => "block";
}
