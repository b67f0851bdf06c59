using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace PiiExtProc.Scanning;

/// <summary>
/// SipHash-2-4 (Aumasson and Bernstein, "SipHash: a fast short-input PRF", 2012): a keyed pseudorandom function for
/// short messages, 128-bit key, 64-bit output, 2 compression rounds per 8-byte word and 4 finalization rounds.
/// Allocation-free; the key is two little-endian 64-bit words (bytes 0-7 and 8-15 of the 16-byte key).
/// </summary>
internal static class SipHash24
{
    /// <summary>Key length, bytes.</summary>
    public const int KeyBytes = 16;

    /// <summary>Reads the two key words from a 16-byte key (little-endian, as the paper specifies).</summary>
    /// <exception cref="ArgumentException">The key is not 16 bytes.</exception>
    public static (ulong K0, ulong K1) ReadKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeyBytes)
        {
            throw new ArgumentException("A SipHash key is 16 bytes.", nameof(key));
        }

        return (BinaryPrimitives.ReadUInt64LittleEndian(key), BinaryPrimitives.ReadUInt64LittleEndian(key[8..]));
    }

    /// <summary>SipHash-2-4 of <paramref name="message"/> under the key (<paramref name="k0"/>, <paramref name="k1"/>).</summary>
    /// <returns>The 64-bit output as the paper writes it (the little-endian reading of the 8 output bytes).</returns>
    public static ulong Compute(ulong k0, ulong k1, ReadOnlySpan<byte> message) => Compute(k0, k1, message, default);

    /// <summary>
    /// SipHash-2-4 of the concatenation <paramref name="first"/> + <paramref name="second"/> (without copying them into
    /// one buffer) under the key (<paramref name="k0"/>, <paramref name="k1"/>).
    /// </summary>
    public static ulong Compute(ulong k0, ulong k1, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second) =>
        Compute(Absorb(k0, k1, first), second);

    /// <summary>
    /// The state after <paramref name="prefix"/> under the key (<paramref name="k0"/>, <paramref name="k1"/>): its whole
    /// 8-byte words compressed, its last 0-7 bytes pending. Computed once for a prefix that many messages share.
    /// </summary>
    public static SipHashPrefix Absorb(ulong k0, ulong k1, ReadOnlySpan<byte> prefix)
    {
        ulong v0 = k0 ^ 0x736f6d6570736575UL;
        ulong v1 = k1 ^ 0x646f72616e646f6dUL;
        ulong v2 = k0 ^ 0x6c7967656e657261UL;
        ulong v3 = k1 ^ 0x7465646279746573UL;
        int whole = prefix.Length & ~7;
        for (int i = 0; i < whole; i += 8)
        {
            Compress(ref v0, ref v1, ref v2, ref v3, BinaryPrimitives.ReadUInt64LittleEndian(prefix[i..]));
        }

        return new SipHashPrefix(v0, v1, v2, v3, ReadTail(prefix[whole..]), prefix.Length);
    }

    /// <summary>SipHash-2-4 of the prefix <paramref name="state"/> was made from + <paramref name="second"/>.</summary>
    public static ulong Compute(in SipHashPrefix state, ReadOnlySpan<byte> second)
    {
        ulong v0 = state.V0;
        ulong v1 = state.V1;
        ulong v2 = state.V2;
        ulong v3 = state.V3;
        ulong word = state.Pending;
        int filled = state.Length & 7;

        // Whole 8-byte reads of the second part, shifted in after the bytes the prefix left pending.
        int p = 0;
        if (filled == 0)
        {
            for (; p + 8 <= second.Length; p += 8)
            {
                Compress(ref v0, ref v1, ref v2, ref v3, BinaryPrimitives.ReadUInt64LittleEndian(second[p..]));
            }
        }
        else
        {
            int shift = 8 * filled;
            for (; p + 8 <= second.Length; p += 8)
            {
                ulong read = BinaryPrimitives.ReadUInt64LittleEndian(second[p..]);
                Compress(ref v0, ref v1, ref v2, ref v3, word | (read << shift));
                word = read >> (64 - shift);
            }
        }

        // The last 0-7 bytes of the second part in one word; with the pending bytes they may fill one more word.
        int rest = second.Length - p;
        if (rest > 0)
        {
            ulong tail = ReadTail(second[p..]);
            word |= tail << (8 * filled);
            if (filled + rest >= 8)
            {
                Compress(ref v0, ref v1, ref v2, ref v3, word);
                word = tail >> (64 - (8 * filled));
            }
        }

        // The last word: the remaining 0-7 bytes, zero padded, and the message length (mod 256) in the top byte.
        Compress(ref v0, ref v1, ref v2, ref v3, word | ((ulong)(uint)(state.Length + second.Length) << 56));

        v2 ^= 0xff;
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        return v0 ^ v1 ^ v2 ^ v3;
    }

    /// <summary>0-7 bytes as a little-endian word, zero padded (two overlapping reads instead of a loop).</summary>
    private static ulong ReadTail(ReadOnlySpan<byte> bytes)
    {
        int n = bytes.Length;
        if (n >= 4)
        {
            return BinaryPrimitives.ReadUInt32LittleEndian(bytes)
                | ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(bytes[(n - 4)..]) << (8 * (n - 4)));
        }

        return n == 0 ? 0 : bytes[0] | ((ulong)bytes[n / 2] << (8 * (n / 2))) | ((ulong)bytes[n - 1] << (8 * (n - 1)));
    }

    /// <summary>One message word: two compression rounds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Compress(ref ulong v0, ref ulong v1, ref ulong v2, ref ulong v3, ulong m)
    {
        v3 ^= m;
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        v0 ^= m;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(ref ulong v0, ref ulong v1, ref ulong v2, ref ulong v3)
    {
        v0 += v1;
        v1 = BitOperations.RotateLeft(v1, 13);
        v1 ^= v0;
        v0 = BitOperations.RotateLeft(v0, 32);
        v2 += v3;
        v3 = BitOperations.RotateLeft(v3, 16);
        v3 ^= v2;
        v0 += v3;
        v3 = BitOperations.RotateLeft(v3, 21);
        v3 ^= v0;
        v2 += v1;
        v1 = BitOperations.RotateLeft(v1, 17);
        v1 ^= v2;
        v2 = BitOperations.RotateLeft(v2, 32);
    }
}
