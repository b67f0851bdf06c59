using System.Text;

namespace PiiExtProc.Reliability.Tests.Support;

/// <summary>Seeded generators of hostile bodies and chunkings.</summary>
internal static class HostileBodies
{
    private static readonly string[] s_fragments =
    [
        "{", "}", "[", "]", ":", ",", "\"", "\\", "\\u", "\\ud800", "\\u00", " ", "\n", "null", "true", "1e999", "-0.0",
        "\"aadhaar\":", "\"email\":\"", "@", ".", "+91", "-", "/", "=", "&", "%", "<", ">", "\u00e9", "\u0928",
        " 234123412346 ", "\"4111111111111111\"", " 9876543210 ", "a@b.co", "ABCPD1234E", "127.0.0.1", "::1", "user@upi",
    ];

    /// <summary>Invalid UTF-8 byte sequences: stray continuation, overlong, truncated, surrogates, beyond U+10FFFF.</summary>
    public static readonly byte[][] InvalidUtf8 =
    [
        [0x80], [0xBF], [0xFF], [0xFE], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0xAF], [0xF0, 0x80, 0x80, 0xAF],
        [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80],
        [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xA2], [0xE0, 0x80, 0xA2],
    ];

    /// <summary>A random body: raw random bytes, a mix of JSON-ish and PII fragments, or invalid UTF-8 among them.</summary>
    public static byte[] Next(Random random, int maxLength)
    {
        var kind = random.Next(4);
        var length = random.Next(0, maxLength + 1);
        if (kind == 0)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            return bytes;
        }

        using var body = new MemoryStream();
        while (body.Length < length)
        {
            if (kind == 3 && random.Next(4) == 0)
            {
                body.Write(InvalidUtf8[random.Next(InvalidUtf8.Length)]);
            }
            else
            {
                body.Write(Encoding.UTF8.GetBytes(s_fragments[random.Next(s_fragments.Length)]));
            }
        }

        return body.ToArray();
    }

    /// <summary>Split points: 1 to 12 pieces at random offsets, empty pieces allowed.</summary>
    public static List<byte[]> Chunk(Random random, byte[] body)
    {
        var pieces = random.Next(1, 13);
        var cuts = new List<int> { 0, body.Length };
        for (var i = 1; i < pieces; i++)
        {
            cuts.Add(random.Next(0, body.Length + 1));
        }

        cuts.Sort();
        var chunks = new List<byte[]>();
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            chunks.Add(body[cuts[i]..cuts[i + 1]]);
        }

        return chunks;
    }

    /// <summary>JSON nested <paramref name="depth"/> deep: arrays (<c>[[[...]]]</c>) or objects (<c>{"a":{"a":...}}</c>), closed or not.</summary>
    public static byte[] Nested(int depth, bool objects, bool closed, string innermost = "\"4111111111111111\"")
    {
        var builder = new StringBuilder(depth * 6 + 64);
        for (var i = 0; i < depth; i++)
        {
            builder.Append(objects ? "{\"a\":" : "[");
        }

        builder.Append(innermost);
        if (closed)
        {
            builder.Append(objects ? '}' : ']', depth);
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }
}
