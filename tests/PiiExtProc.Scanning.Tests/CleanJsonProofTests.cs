using System.Text;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Sessions;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>The whole-body clean proof: it fires on clean bodies and never changes a result.</summary>
public sealed class CleanJsonProofTests
{
    private const string Catalog =
        "[{\"id\": 17, \"title\": \"Stainless steel water bottle, 750 ml\", \"price\": 499, \"in_stock\": true, \"rating\": 4.5, \"tags\": [\"kitchen\", \"travel\"]}]";

    private static bool Holds(string body)
    {
        var cache = default(KeyClassCache);
        try
        {
            return CleanJsonProof.Holds(Encoding.UTF8.GetBytes(body), ref cache, Scanners.Guardian.Keywords, 256);
        }
        finally
        {
            cache.Return();
        }
    }

    [Theory]
    [InlineData(Catalog)]
    [InlineData("{\"status\": \"ok\", \"url\": \"https://example.com/a/b\", \"items\": []}")]
    [InlineData("{\"a\": [1, 2")]
    [InlineData("{\"id\": 10000, \"qty\": 12.5}")]
    public void Holds_CleanBodies_True(string body) => Assert.True(Holds(body));

    [Theory]
    [InlineData("{\"id\": 123456}")]
    [InlineData("{\"ts\": \"10:30:00\"}")]
    [InlineData("{\"ip\": \"fe80::1\"}")]
    [InlineData("{\"v\": \"1.2.3\"}")]
    [InlineData("{\"code\": \"AB12\"}")]
    [InlineData("{\"contact\": \"a@b.in\"}")]
    [InlineData("{\"name\": \"x\"}")]
    [InlineData("{\"customer_address\": \"\"}")]
    [InlineData("{\"device_id\": \"x\"}")]
    [InlineData("{\"note\": \"name: Rajesh Kumar\"}")]
    [InlineData("{\"note\": \"a\\\"b\"}")]
    [InlineData("{\"open\": \"never closed}")]
    public void Holds_BodiesThatMayHaveFindings_False(string body) => Assert.False(Holds(body));

    [Theory]
    [InlineData(Catalog)]
    [InlineData("{\"a\": [1, 2")]
    [InlineData("{\"a\": 1} trailing text 42")]
    [InlineData("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]")]
    [InlineData("{\"stadt\": \"München\"}")]
    [InlineData("")]
    [InlineData("   ")]
    public void Process_ProvenClean_SameResultAsFullScan(string body) => AssertSameAsFullScan(Encoding.UTF8.GetBytes(body));

    [Fact]
    public void Process_InvalidUtf8_SameResultAsFullScan() =>
        AssertSameAsFullScan([(byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}']);

    [Fact]
    public void Process_LongToken_SameResultAsFullScan()
    {
        PiiScanner scanner = PiiScanner.Create(Scanners.GuardianOptions(maxRecordBytes: 1024));
        byte[] body = Encoding.UTF8.GetBytes("{\"a\": \"" + new string('x', 3000) + "\"}");
        AssertSameAsFullScan(body, scanner);
    }

    /// <summary>Seeded random bodies over a JSON-ish alphabet: the proof (one final chunk) never differs from a full scan.</summary>
    [Fact]
    public void Process_RandomBodies_SameResultAsFullScan()
    {
        string[] pieces =
        [
            "{", "}", "[", "]", ",", ":", " ", "\"", "\"id\":", "\"name\":", "\"title\":", "\"ip\":", "1", "23", "4.5", "98765",
            "43210", "-", ".", "/", "=", "ab", "Kumar", "true", "null", "\n", "fe80", "::", "address", "x@y.in", "AB12", "é",
            "\"Rajesh Kumar\"", "\"MG Road, Indiranagar, Bengaluru\"", "\"address\": ", "\"device_id\": \"abcd-ef\"",
            "name: Priya Sharma, ", "{\"name\": \"Rajesh Kumar\", \"address\": \"MG Road, Indiranagar, Bengaluru\"}",
        ];
        var random = new Random(20251123);
        int proven = 0;
        for (int n = 0; n < 3000; n++)
        {
            var builder = new StringBuilder();
            int count = random.Next(1, 24);
            for (int p = 0; p < count; p++)
            {
                builder.Append(pieces[random.Next(pieces.Length)]);
            }

            byte[] body = Encoding.UTF8.GetBytes(builder.ToString());
            proven += Holds(builder.ToString()) ? 1 : 0;
            AssertSameAsFullScan(body);
        }

        Assert.True(proven > 150, $"only {proven} bodies took the proof path");
    }

    private static void AssertSameAsFullScan(byte[] body, PiiScanner? scanner = null)
    {
        scanner ??= Scanners.Guardian;
        ScanResult whole = Scanners.Run(scanner, BodyFormat.Json, body, [body.Length]);
        // A first chunk of one byte makes the session take the token-by-token path.
        ScanResult split = Scanners.Run(scanner, BodyFormat.Json, body, [Math.Min(1, body.Length), body.Length]);

        Assert.Equal(split.Output, whole.Output);
        Assert.Equal(split.Findings, whole.Findings);
        Assert.Equal(split.ContainsPii, whole.ContainsPii);
        Assert.Equal(split.FellBackToText, whole.FellBackToText);
    }
}
