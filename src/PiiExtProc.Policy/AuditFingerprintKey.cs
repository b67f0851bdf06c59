using System.Security.Cryptography;

namespace PiiExtProc.Policy;

/// <summary>
/// The key of the audit fingerprints (<c>PiiFinding.Fingerprint</c>: SipHash-2-4 of entity and value under a 16-byte
/// key each scanner derives from this one with HMAC-SHA256), the
/// same for every policy the process loads. From the environment variable <see cref="EnvironmentVariable"/> (base64,
/// at least 32 bytes), so that every replica fingerprints a value alike and auditors can correlate across pods;
/// otherwise 32 random bytes per process, which still correlates within one pod's lifetime but links nothing across
/// pods. The key is never logged and never part of the policy text.
/// </summary>
public static class AuditFingerprintKey
{
    /// <summary>The environment variable holding the base64 key: <c>PIIEXTPROC_AUDIT_KEY</c>.</summary>
    public const string EnvironmentVariable = "PIIEXTPROC_AUDIT_KEY";

    /// <summary>The smallest accepted key, bytes.</summary>
    public const int MinimumKeyBytes = 32;

    private static readonly Lazy<byte[]> s_key = new(Load);

    /// <summary>The process's key.</summary>
    public static ReadOnlyMemory<byte> Current => s_key.Value;

    /// <summary>True when the key came from <see cref="EnvironmentVariable"/> (stable across processes).</summary>
    public static bool IsConfigured => FromEnvironment() is not null;

    private static byte[] Load() => FromEnvironment() ?? RandomNumberGenerator.GetBytes(MinimumKeyBytes);

    private static byte[]? FromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), buffer, out var written) && written >= MinimumKeyBytes ? buffer[..written] : null;
    }
}
