using System.Buffers;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// The <c>application/x-www-form-urlencoded</c> byte encoding (WHATWG URL Standard §5, "urlencoded parser" and
/// "serializer"): <c>+</c> is a space, <c>%XX</c> a byte; a <c>%</c> not followed by two hex digits is itself.
/// </summary>
internal static class FormEncoding
{
    /// <summary>Bytes written as they are: ASCII letters, digits and <c>* - . _</c> (the serializer's set).</summary>
    private static readonly SearchValues<byte> s_encoded = SearchValues.Create(
        Enumerable.Range(0, 256).Select(b => (byte)b).Where(b => !(char.IsAsciiLetterOrDigit((char)b) || b is (byte)'*' or (byte)'-' or (byte)'.' or (byte)'_')).ToArray());

    /// <summary>True when <paramref name="encoded"/> decodes to other bytes (holds a <c>+</c> or <c>%</c>).</summary>
    public static bool NeedsDecoding(ReadOnlySpan<byte> encoded) => encoded.IndexOfAny((byte)'+', (byte)'%') >= 0;

    /// <summary>
    /// Decodes <paramref name="encoded"/> into <paramref name="destination"/> (at least as long: decoding never grows);
    /// returns the bytes written. Decoded bytes need not be UTF-8.
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> encoded, Span<byte> destination) => Decode(encoded, destination, []);

    /// <summary>
    /// Decodes like <see cref="Decode(ReadOnlySpan{byte}, Span{byte})"/> and, when <paramref name="offsets"/> is not
    /// empty (at least one longer than <paramref name="encoded"/>), writes for each decoded byte the offset in
    /// <paramref name="encoded"/> it came from, and after the last one <paramref name="encoded"/>'s length: a decoded
    /// range [s, e) came from the encoded range [offsets[s], offsets[e]).
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> encoded, Span<byte> destination, Span<int> offsets)
    {
        int written = 0;
        bool map = !offsets.IsEmpty;
        for (int i = 0; i < encoded.Length; i++)
        {
            if (map)
            {
                offsets[written] = i;
            }

            byte b = encoded[i];
            if (b == '+')
            {
                b = (byte)' ';
            }
            else if (b == '%' && i + 2 < encoded.Length && HexValue(encoded[i + 1]) is int high and >= 0 && HexValue(encoded[i + 2]) is int low and >= 0)
            {
                b = (byte)((high << 4) | low);
                i += 2;
            }

            destination[written++] = b;
        }

        if (map)
        {
            offsets[written] = encoded.Length;
        }

        return written;
    }

    /// <summary>Writes <paramref name="decoded"/> encoded (a space as <c>+</c>, other bytes outside the serializer's set as
    /// <c>%XX</c>, upper-case hex); returns the bytes written.</summary>
    public static int Write(ReadOnlySpan<byte> decoded, IBufferWriter<byte> output)
    {
        int written = 0;
        while (!decoded.IsEmpty)
        {
            int i = decoded.IndexOfAny(s_encoded);
            if (i < 0)
            {
                output.Write(decoded);
                return written + decoded.Length;
            }

            output.Write(decoded[..i]);
            written += i;
            byte b = decoded[i];
            if (b == ' ')
            {
                output.Write("+"u8);
                written++;
            }
            else
            {
                Span<byte> escape = [(byte)'%', Hex(b >> 4), Hex(b & 0xF)];
                output.Write(escape);
                written += 3;
            }

            decoded = decoded[(i + 1)..];
        }

        return written;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    private static byte Hex(int v) => (byte)(v < 10 ? '0' + v : 'A' + v - 10);
}
