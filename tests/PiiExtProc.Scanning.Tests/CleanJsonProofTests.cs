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
            return CleanJsonProof.Holds(Encoding.UTF8.GetBytes(body), ref cache, Scanners.Guardian.Keywords, 256, new ScanLimits());
        }
        finally
        {
            cache.Return();
        }
    }

    [Theory]
    [InlineData(Catalog)]
    [InlineData("{\"status\": \"ok\", \"url\": \"https://example.com/a/b\", \"items\": []}")]
    [InlineData("{\"id\": 10000, \"qty\": 12.5}")]
    public void Holds_CleanBodies_True(string body) => Assert.True(Holds(body));

    /// <summary>A product listing like the benchmark corpus: SKUs, prices, ratings, seller IDs, ISO timestamps, tags.</summary>
    private const string Listing =
        "{\"page\":1,\"page_size\":50,\"items\":[{\"sku\":\"SKU-560034\",\"title\":\"Cotton kurta, style 12\",\"brand\":\"Handloom House\","
        + "\"category\":\"apparel/men/ethnic\",\"price\":{\"amount\":1999.00,\"mrp\":12345.00,\"currency\":\"INR\"},\"rating\":4.2,"
        + "\"reviews\":1234,\"in_stock\":true,\"quantity\":2,\"tags\":[\"festive\",\"cotton\",\"bestseller\"],\"seller_id\":\"S-12345\","
        + "\"updated_at\":\"2026-11-05T10:23:00Z\"}]}";

    [Theory]
    [InlineData(Listing)]
    [InlineData("{\"id\": \"550e8400-e29b-41d4-a716-446655440000\", \"url\": \"https://shop.example.in/p/560034?ref=home\"}")]
    [InlineData("{\"order_id\": \"OD123456789012\", \"created_at\": 1730802180000, \"ts\": \"2026-11-05 10:23:00\"}")]
    [InlineData("[\n  {\"sku\": \"SKU-123456\", \"ean\": \"8901234567890\"},\n  {\"sku\": \"SKU-654321\", \"price\": 249.5}\n]")]
    public void Holds_RealisticCleanBodies_True(string body) => Assert.True(Holds(body));

    [Theory]
    [InlineData("{\"ip\": \"fe80::1\"}")]
    [InlineData("{\"code\": \"AB12\"}")]
    [InlineData("{\"contact\": \"a@b.in\"}")]
    [InlineData("{\"pincode\": 560034}")]
    [InlineData("{\"note\": \"pin 560034\"}")]
    [InlineData("{\"n\": \"98765 43210\"}")]
    [InlineData("{\"n\": 9876543210}")]
    [InlineData("{\"dob\": \"1990-05-15\"}")]
    [InlineData("{\"customer\": {\"dob\": {\"v\": \"1990-05-15\"}}}")]
    [InlineData("{\"acct\": [\"123456789\"]}")]
    [InlineData("{\"ip\": \"10.1.2.3\"}")]
    [InlineData("{\"a\": \"1 2\", \"b\": \"ABCPE1234F\"}")]
    [InlineData("{\"a\": \"SBIN0001234\"}")]
    [InlineData("{\"a\": \"K1234567\"}")]
    [InlineData("{\"a\": \"GB82 WEST 1234 5698 7654 32\"}")]
    [InlineData("{\"a\": [1, 2")]
    [InlineData("{\"name\": \"x\"}")]
    [InlineData("{\"customer_address\": \"\"}")]
    [InlineData("{\"device_id\": \"x\"}")]
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

        // Mostly malformed: the proof holds only for well-formed bodies (CleanJsonProofPropertyTests covers those).
        Assert.True(proven >= 0);
    }

    /// <summary>
    /// Every padding from 0 to 96 bytes puts the feature at each position of a 32-byte vector block (and across two): the
    /// vectorised name and string ends must see quotes, control bytes and triggers wherever they fall.
    /// </summary>
    [Theory]
    [InlineData("", true)]
    [InlineData("\u00e9 caf\u00e9 \u20b9", true)]
    [InlineData(" 9876543210", false)]
    [InlineData(" fe80::1", false)]
    [InlineData("7", true)]
    [InlineData(" pin 560034", false)]
    [InlineData("\t", false)]
    [InlineData("x\u0001", false)]
    [InlineData("\\n", false)]
    [InlineData("a\\", false)]
    public void Holds_FeatureAtEveryBlockOffset_ExpectedAndSameAsFullScan(string feature, bool clean)
    {
        for (int pad = 0; pad <= 96; pad++)
        {
            string filler = new('a', pad);
            foreach (string body in new[]
            {
                $"{{\"note\":\"{filler}{feature}\"}}",
                $"[\"{filler}{feature}\",1]",
                $"{{\"{filler}\":\"{feature}\", \"x{filler}\" : [ \"{filler}{feature}\" ] }}",
            })
            {
                Assert.True(clean == Holds(body), $"pad {pad}: {feature}");
                AssertSameAsFullScan(Encoding.UTF8.GetBytes(body));
            }
        }
    }

    /// <summary>Truncated bodies of every length (an unclosed string, name or number at the last byte) never hold.</summary>
    [Theory]
    [InlineData("{\"items\":[{\"sku\":\"SKU-560034\",\"amount\":1999.00,\"qty\":12,\"ok\":true,\"tags\":[\"festive\",\"cotton\"]}]}")]
    [InlineData("[123456, -0.5e+3, \"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ\", null, {\"k\": []}]")]
    public void Holds_EveryPrefix_OnlyTheWholeBody(string body)
    {
        for (int length = 0; length < body.Length; length++)
        {
            Assert.False(Holds(body[..length]), body[..length]);
            AssertSameAsFullScan(Encoding.UTF8.GetBytes(body[..length]));
        }

        Assert.True(Holds(body));
        Assert.True(Holds(body + " \n"));
        Assert.False(Holds(body + "1"));
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
