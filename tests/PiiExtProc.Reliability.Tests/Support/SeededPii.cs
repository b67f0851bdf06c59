using System.Text;

namespace PiiExtProc.Reliability.Tests.Support;

/// <summary>Known values seeded into traffic and searched for in every output.</summary>
internal static class SeededPii
{
    public const string Aadhaar = "234123412346";
    public const string Card = "4111111111111111";
    public const string Email = "ravi.kumar.seeded@example.in";
    public const string Phone = "9876543210";

    /// <summary>32 bytes of HMAC key; its base64 and hex forms must never appear.</summary>
    public static readonly byte[] HashKey = Encoding.ASCII.GetBytes("reliability-hash-key-0123456789!");

    public static string HashKeyBase64 => Convert.ToBase64String(HashKey);

    public static IReadOnlyList<string> Values => [Aadhaar, Card, Email, Phone];

    /// <summary>Every form that must not leak: the raw values, the key as text, base64 and hex.</summary>
    public static IReadOnlyList<string> Forbidden =>
        [Aadhaar, Card, Email, Phone, Encoding.ASCII.GetString(HashKey), HashKeyBase64, Convert.ToHexString(HashKey), Convert.ToHexString(HashKey).ToLowerInvariant()];

    /// <summary>A JSON body holding every seeded value.</summary>
    public static byte[] JsonBody()
        => Encoding.UTF8.GetBytes($$"""{"customer":{"aadhaar":"{{Aadhaar}}","card":"{{Card}}","email":"{{Email}}","mobile":"{{Phone}}"},"note":"call {{Phone}}"}""");

    /// <summary>The seeded values found in <paramref name="text"/>.</summary>
    public static List<string> FoundIn(string text)
    {
        var found = new List<string>();
        foreach (var value in Forbidden)
        {
            if (text.Contains(value, StringComparison.OrdinalIgnoreCase))
            {
                found.Add(value.Length > 6 ? value[..3] + "..." : "?");
            }
        }

        return found;
    }
}
