using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace PiiExtProc.Scanning;

/// <summary>
/// The keyed fingerprint of a finding's value (<see cref="PiiFinding.Fingerprint"/>): SipHash-2-4 (64 bits) of
/// entity name (UTF-8) + 0x00 + value bytes, under a 16-byte key derived once per scanner from the audit key
/// (<see cref="ScannerOptions.FingerprintKey"/>) as the first 16 bytes of HMAC-SHA256(audit key, <see cref="KeyLabel"/>).
/// Lets an audit log correlate repeated values without holding them; without the key a fingerprint cannot be checked
/// against guessed values. Written as 16 lower-case hex characters (<see cref="Format"/>).
/// </summary>
internal sealed class FindingFingerprint
{
    /// <summary>Hex characters of a written fingerprint (64 bits).</summary>
    public const int Length = 16;

    /// <summary>The label the SipHash key is derived with (ASCII).</summary>
    public const string KeyLabel = "PiiExtProc finding fingerprint, SipHash-2-4 key";

    private const int PrefixLimit = 80;

    /// <summary>Entity name (UTF-8) + 0x00 of each built-in entity, by <see cref="PiiEntity.BuiltInIndex"/>.</summary>
    private static readonly byte[][] s_builtInPrefixes = BuiltInPrefixes();

    private readonly ulong _k0;
    private readonly ulong _k1;

    /// <summary>By <see cref="PiiEntity.BuiltInIndex"/>: the SipHash state after the entity's prefix (not rehashed per finding).</summary>
    private readonly SipHashPrefix[] _builtInStates;

    /// <summary>Derives the SipHash key from <paramref name="auditKey"/> (HMAC-SHA256, once).</summary>
    /// <param name="auditKey">The audit key, not empty.</param>
    public FindingFingerprint(ReadOnlySpan<byte> auditKey)
    {
        Span<byte> derived = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(auditKey, Encoding.ASCII.GetBytes(KeyLabel), derived);
        (_k0, _k1) = SipHash24.ReadKey(derived[..SipHash24.KeyBytes]);
        CryptographicOperations.ZeroMemory(derived);
        _builtInStates = new SipHashPrefix[s_builtInPrefixes.Length];
        for (int id = 0; id < s_builtInPrefixes.Length; id++)
        {
            _builtInStates[id] = SipHash24.Absorb(_k0, _k1, s_builtInPrefixes[id]);
        }
    }

    /// <summary>Computes the fingerprint of <paramref name="value"/> (UTF-8) found as <paramref name="entity"/>; allocation-free,
    /// the value is hashed in place (never copied).</summary>
    public ulong Compute(PiiEntity entity, ReadOnlySpan<byte> value)
    {
        int id = entity.BuiltInIndex;
        return id >= 0 ? SipHash24.Compute(_builtInStates[id], value) : ComputeCustom(entity, value);
    }

    /// <summary>The fingerprint of a value found as a custom entity: its name is hashed per call (not on the hot path).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private ulong ComputeCustom(PiiEntity entity, ReadOnlySpan<byte> value)
    {
        // Custom entity names are 1-64 characters of A-Z, 0-9 and '_' (ASCII).
        Span<byte> prefix = stackalloc byte[PrefixLimit];
        int length = Encoding.UTF8.GetByteCount(entity.Name);
        byte[]? rented = length + 1 > PrefixLimit ? ArrayPool<byte>.Shared.Rent(length + 1) : null;
        Span<byte> buffer = rented ?? prefix;
        Encoding.UTF8.GetBytes(entity.Name, buffer);
        buffer[length] = 0;
        ulong result = SipHash24.Compute(_k0, _k1, buffer[..(length + 1)], value);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return result;
    }

    private static byte[][] BuiltInPrefixes()
    {
        var prefixes = new byte[PiiEntity.BuiltIn.Count][];
        foreach (PiiEntity entity in PiiEntity.BuiltIn)
        {
            prefixes[entity.BuiltInIndex] = [.. Encoding.UTF8.GetBytes(entity.Name), 0];
        }

        return prefixes;
    }

    /// <summary>The written form of a fingerprint: 16 lower-case hex characters of the 64-bit value, most significant first.</summary>
    public static string Format(ulong fingerprint) => fingerprint.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
}
