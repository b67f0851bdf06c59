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
        destination.Advance(Write(entity, value, destination.GetSpan(MaxOutputBytes(value.Length))));
    }

    /// <summary>The label's bytes, or the longest entity name (64 ASCII characters) in brackets.</summary>
    internal override int MaxOutputBytes(int valueLength) => _label?.Length ?? PiiEntity.MaxNameLength + 2;

    /// <summary>True unless the configured label holds <c>"</c>, <c>\</c> or a control character (entity names are A-Z, 0-9 and '_').</summary>
    internal override bool OutputNeedsNoJsonEscaping => _label is null || !Sessions.JsonEscaper.NeedsEscaping(_label);

    /// <inheritdoc/>
    internal override int Write(PiiEntity entity, ReadOnlySpan<byte> value, Span<byte> destination)
    {
        if (_label is not null)
        {
            return Utf8Masking.WriteBytes(_label, destination);
        }

        // Entity names are ASCII (A-Z, 0-9, '_'), 64 characters at most.
        destination[0] = (byte)'[';
        var written = 1 + Encoding.UTF8.GetBytes(entity.Name, destination[1..]);
        destination[written++] = (byte)']';
        return written;
    }

    /// <inheritdoc/>
    public override string ToString() => Label is null ? "replace([ENTITY_NAME])" : $"replace({Label})";
}
