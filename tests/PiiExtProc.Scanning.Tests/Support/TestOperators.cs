using System.Buffers;
using System.Text;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Operators;

namespace PiiExtProc.Scanning.Tests.Support;

/// <summary>Writes <c>[ENTITY]</c>.</summary>
internal sealed class LabelOperator : RedactionOperator
{
    public override OperatorKind Kind => OperatorKind.Replace;

    public override void Write(PiiEntity entity, ReadOnlySpan<byte> value, IBufferWriter<byte> destination) =>
        destination.Write(Encoding.UTF8.GetBytes("[" + entity.Name + "]"));
}

/// <summary>Writes the value unchanged (observe).</summary>
internal sealed class ObserveOperator : RedactionOperator
{
    public override OperatorKind Kind => OperatorKind.Observe;

    public override void Write(PiiEntity entity, ReadOnlySpan<byte> value, IBufferWriter<byte> destination) => destination.Write(value);
}

/// <summary>Writes a quote and a backslash, to prove replacements are JSON-escaped.</summary>
internal sealed class NastyOperator : RedactionOperator
{
    public override OperatorKind Kind => OperatorKind.Replace;

    public override void Write(PiiEntity entity, ReadOnlySpan<byte> value, IBufferWriter<byte> destination) =>
        destination.Write("\"\\\n<x>"u8);
}

/// <summary>Asks for the exchange to be blocked.</summary>
internal sealed class BlockOperator : RedactionOperator
{
    public override OperatorKind Kind => OperatorKind.Block;

    public override void Write(PiiEntity entity, ReadOnlySpan<byte> value, IBufferWriter<byte> destination) => destination.Write(value);
}
