using System.Buffers;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>Writes UTF-8 text as JSON string content: escapes <c>"</c>, <c>\</c> and control characters only.</summary>
internal static class JsonEscaper
{
    private static readonly SearchValues<byte> s_needsEscape = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"u8);

    /// <summary>True when <paramref name="text"/> holds a byte JSON escapes (a quote, a backslash or a control byte).</summary>
    public static bool NeedsEscaping(ReadOnlySpan<byte> text) => text.IndexOfAny(s_needsEscape) >= 0;

    /// <summary>Writes <paramref name="text"/> escaped; returns the bytes written.</summary>
    public static int Write(ReadOnlySpan<byte> text, IBufferWriter<byte> output)
    {
        int written = 0;
        while (!text.IsEmpty)
        {
            int i = text.IndexOfAny(s_needsEscape);
            if (i < 0)
            {
                output.Write(text);
                return written + text.Length;
            }

            output.Write(text[..i]);
            written += i;
            byte b = text[i];
            ReadOnlySpan<byte> escape = b switch
            {
                (byte)'"' => "\\\""u8,
                (byte)'\\' => "\\\\"u8,
                (byte)'\n' => "\\n"u8,
                (byte)'\r' => "\\r"u8,
                (byte)'\t' => "\\t"u8,
                (byte)'\b' => "\\b"u8,
                (byte)'\f' => "\\f"u8,
                _ => default,
            };
            if (escape.IsEmpty)
            {
                Span<byte> u = [(byte)'\\', (byte)'u', (byte)'0', (byte)'0', Hex(b >> 4), Hex(b & 0xF)];
                output.Write(u);
                written += 6;
            }
            else
            {
                output.Write(escape);
                written += escape.Length;
            }

            text = text[(i + 1)..];
        }

        return written;
    }

    private static byte Hex(int v) => (byte)(v < 10 ? '0' + v : 'a' + v - 10);
}
