using System.Text;

namespace PiiExtProc.Tests.Support;

/// <summary>Chunk splits with Envoy's realism (§14.2 item 8): random sizes from 0 bytes to a limit, seeded.</summary>
internal static class Chunking
{
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static IReadOnlyList<byte[]> Whole(byte[] body) => [body];

    public static IReadOnlyList<byte[]> Split(params string[] parts) => parts.Select(Utf8).ToList();

    /// <summary>Splits at random points: sizes 0..<paramref name="maxChunk"/>, optionally an extra empty final chunk.</summary>
    public static IReadOnlyList<byte[]> Random(byte[] body, Random random, int maxChunk = 64, bool emptyFinalChunk = false)
    {
        var chunks = new List<byte[]>();
        var position = 0;
        while (position < body.Length)
        {
            var size = Math.Min(random.Next(0, maxChunk + 1), body.Length - position);
            chunks.Add(body.AsSpan(position, size).ToArray());
            position += size;
        }

        if (chunks.Count == 0 || emptyFinalChunk)
        {
            chunks.Add([]);
        }

        return chunks;
    }

    public static IReadOnlyList<byte[]> Fixed(byte[] body, int size)
    {
        var chunks = new List<byte[]>();
        for (var position = 0; position < body.Length; position += size)
        {
            chunks.Add(body.AsSpan(position, Math.Min(size, body.Length - position)).ToArray());
        }

        return chunks.Count == 0 ? [[]] : chunks;
    }
}
