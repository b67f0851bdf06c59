using System.Buffers;
using System.Text;
using PiiExtProc.Scanning.Operators;

namespace PiiExtProc.Scanning.Tests.Operators;

internal static class OperatorTestHelper
{
    public static string Apply(RedactionOperator op, PiiEntity entity, string value)
    {
        var writer = new ArrayBufferWriter<byte>();
        op.Write(entity, Encoding.UTF8.GetBytes(value), writer);
        return Encoding.UTF8.GetString(writer.WrittenSpan);
    }

    public static byte[] ApplyBytes(RedactionOperator op, PiiEntity entity, byte[] value)
    {
        var writer = new ArrayBufferWriter<byte>();
        op.Write(entity, value, writer);
        return writer.WrittenSpan.ToArray();
    }
}
