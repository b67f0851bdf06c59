using System.Buffers;
using System.Text;

namespace PiiExtProc.Scanning.Operators;

/// <summary>
/// Replaces the value with a fixed label such as <c>[AADHAAR]</c>; without a label, with the entity name in
/// brackets (<c>[IN_AADHAAR]</c>). Immutable and thread-safe.
/// </summary>
public sealed class ReplaceOperator : RedactionOperator
{
    private readonly byte[]? _label;

    /// <summary>Creates a replace operator.</summary>
    /// <param name="label">The replacement text; null for <c>[ENTITY_NAME]</c>.</param>
    public ReplaceOperator(string? label = null)
    {
        Label = label;
        _label = label is null ? null : Encoding.UTF8.GetBytes(label);
    }

    /// <summary>The replacement text; null when the entity name in brackets is written.</summary>
    public string? Label { get; }

    /// <inheritdoc/>
    public override OperatorKind Kind => OperatorKind.Replace;

    /// <inheritdoc/>
    public override void Write(PiiEntity entity, ReadOnlySpan<byte> value, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(destination);
        if (_label is not null)
        {
            Utf8Masking.WriteBytes(_label, destination);
            return;
        }

        // Entity names are ASCII (A-Z, 0-9, '_'), 64 characters at most.
        var name = entity.Name;
        var span = destination.GetSpan(name.Length + 2);
        span[0] = (byte)'[';
        var written = 1 + Encoding.UTF8.GetBytes(name, span[1..]);
        span[written++] = (byte)']';
        destination.Advance(written);
    }

    /// <inheritdoc/>
    public override string ToString() => Label is null ? "replace([ENTITY_NAME])" : $"replace({Label})";
}
