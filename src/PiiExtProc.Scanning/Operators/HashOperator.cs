using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace PiiExtProc.Scanning.Operators;

/// <summary>
/// Replaces the value with a keyed token: <c>tok_</c> followed by 24 lower-case base32 characters (RFC 4648
/// alphabet), the first 120 bits of HMAC-SHA256(key, UTF-8 entity name, 0x1F, value bytes).
/// </summary>
/// <remarks>
/// The same key, entity and value always give the same token, so teams can correlate a customer across
/// services without seeing the value; a different key or a different entity gives an unrelated token, so
/// equal values do not link across deployments or across fields of different kinds. Without the key a token
/// cannot be reversed or checked against a guessed value. The key is never exposed by this type.
/// Immutable and thread-safe.
/// </remarks>
public sealed class HashOperator : RedactionOperator
{
    /// <summary>Smallest key accepted, bytes (the HMAC-SHA256 block recommendation).</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>Length of a token, characters: "tok_" plus 24 base32 characters.</summary>
    public const int TokenLength = 4 + TokenHashChars;

    private const int TokenHashChars = 24;
    private const int TokenHashBytes = 15;
    private const byte EntitySeparator = 0x1F;
    private const int StackInputBytes = 512;

    private readonly byte[] _key;
    private readonly string _keySource;

    /// <summary>Creates a hash operator.</summary>
    /// <param name="key">The HMAC key, at least <see cref="MinimumKeyBytes"/> bytes; copied.</param>
    /// <param name="keySource">Where the key came from, for summaries (a file path or an environment variable
    /// name, never the key).</param>
    /// <exception cref="ArgumentException">The key is shorter than <see cref="MinimumKeyBytes"/>; the message
    /// gives the length only.</exception>
    public HashOperator(ReadOnlySpan<byte> key, string keySource)
    {
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"The hash key is {key.Length} bytes; at least {MinimumKeyBytes} are required.", nameof(key));
        }

        _key = key.ToArray();
        _keySource = keySource ?? string.Empty;
    }

    /// <inheritdoc/>
    public override OperatorKind Kind => OperatorKind.Hash;

    /// <inheritdoc/>
    public override void Write(PiiEntity entity, ReadOnlySpan<byte> value, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(destination);
        destination.Advance(Write(entity, value, destination.GetSpan(TokenLength)));
    }

    /// <summary>Every token is <see cref="TokenLength"/> bytes.</summary>
    internal override int MaxOutputBytes(int valueLength) => TokenLength;

    /// <summary>True: <c>tok_</c> and base32 characters.</summary>
    internal override bool OutputNeedsNoJsonEscaping => true;

    /// <inheritdoc/>
    internal override int Write(PiiEntity entity, ReadOnlySpan<byte> value, Span<byte> destination)
    {
        var name = entity.Name;
        var inputLength = name.Length + 1 + value.Length;
        byte[]? rented = null;
        var input = inputLength <= StackInputBytes
            ? stackalloc byte[StackInputBytes]
            : (rented = ArrayPool<byte>.Shared.Rent(inputLength));
        try
        {
            var offset = Encoding.UTF8.GetBytes(name, input);
            input[offset++] = EntitySeparator;
            value.CopyTo(input[offset..]);
            Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(_key, input[..inputLength], hash);
            "tok_"u8.CopyTo(destination);
            WriteBase32(hash[..TokenHashBytes], destination[4..]);
            return TokenLength;
        }
        finally
        {
            if (rented is not null)
            {
                CryptographicOperations.ZeroMemory(rented.AsSpan(0, inputLength));
                ArrayPool<byte>.Shared.Return(rented);
            }
            else
            {
                CryptographicOperations.ZeroMemory(input[..inputLength]);
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"hash(key from {_keySource})";

    /// <summary>RFC 4648 base32, lower case, for a length that is a multiple of 5 bytes.</summary>
    private static void WriteBase32(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        ReadOnlySpan<byte> alphabet = "abcdefghijklmnopqrstuvwxyz234567"u8;
        var output = 0;
        for (var i = 0; i + 5 <= bytes.Length; i += 5)
        {
            ulong group = ((ulong)bytes[i] << 32) | ((ulong)bytes[i + 1] << 24) | ((ulong)bytes[i + 2] << 16) | ((ulong)bytes[i + 3] << 8) | bytes[i + 4];
            for (var shift = 35; shift >= 0; shift -= 5)
            {
                destination[output++] = alphabet[(int)((group >> shift) & 0x1F)];
            }
        }
    }
}
