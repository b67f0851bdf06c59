using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace PiiExtProc.Scanning;

/// <summary>
/// The keyed fingerprint of a finding's value (<see cref="PiiFinding.Fingerprint"/>): the first 16 lower-case hex
/// characters of HMAC-SHA256(key, entity name (UTF-8) + 0x00 + value bytes). Lets an audit log correlate repeated values
/// without holding them; without the key a fingerprint cannot be checked against guessed values.
/// </summary>
internal static class FindingFingerprint
{
    /// <summary>Hex characters kept (64 bits of the MAC).</summary>
    public const int Length = 16;

    private const int StackLimit = 512;

    /// <summary>Computes the fingerprint; only the returned 16-character string is allocated.</summary>
    /// <param name="key">The HMAC key, not empty.</param>
    /// <param name="entity">The finding's entity.</param>
    /// <param name="value">The matched value, UTF-8.</param>
    public static string Compute(ReadOnlySpan<byte> key, PiiEntity entity, ReadOnlySpan<byte> value)
    {
        int nameLength = Encoding.UTF8.GetByteCount(entity.Name);
        int total = nameLength + 1 + value.Length;
        byte[]? rented = null;
        Span<byte> message = total <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(total));
        try
        {
            Encoding.UTF8.GetBytes(entity.Name, message);
            message[nameLength] = 0;
            value.CopyTo(message[(nameLength + 1)..]);
            Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(key, message[..total], mac);
            return Convert.ToHexStringLower(mac[..(Length / 2)]);
        }
        finally
        {
            if (rented is not null)
            {
                CryptographicOperations.ZeroMemory(rented.AsSpan(0, total));
                ArrayPool<byte>.Shared.Return(rented);
            }
            else
            {
                CryptographicOperations.ZeroMemory(message[..total]);
            }
        }
    }
}
