using System.Buffers;

namespace PiiExtProc.Scanning.Operators;

/// <summary>
/// Leaves the value as it is; the engine only counts and audits the finding (also what every operator becomes
/// in a rule's observe-only rollout mode). Stateless and thread-safe.
/// </summary>
public sealed class ObserveOperator : RedactionOperator
{
    /// <summary>The one instance.</summary>
    public static ObserveOperator Instance { get; } = new();

    private ObserveOperator()
    {
    }

    /// <inheritdoc/>
    public override OperatorKind Kind => OperatorKind.Observe;

    /// <inheritdoc/>
    public override void Write(PiiEntity entity, ReadOnlySpan<byte> value, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        Utf8Masking.WriteBytes(value, destination);
    }

    /// <inheritdoc/>
    public override string ToString() => "observe";
}
