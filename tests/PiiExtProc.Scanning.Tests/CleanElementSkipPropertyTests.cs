using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Sessions;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Equivalence of the session's skip of proved-clean siblings (<see cref="CleanJsonProof.CleanElementsEnd"/> and
/// <see cref="CleanJsonProof.CleanMembersEnd"/>: after the reader closes a clean object, the array elements or the
/// object-valued properties that follow are proved clean and the reader resumes after them). Over generated arrays of records (clean listings, near misses, PII, escapes, <c>@</c>, non-ASCII, non-object
/// elements, pending quasi-identifiers in the enclosing record, malformed tails), whole and in random chunkings, the
/// session with the proofs gives the same output, findings, fallback to text and is_pii as the session without them
/// (the reference, read whole).
/// </summary>
public sealed class CleanElementSkipPropertyTests
{
    private static readonly PiiScanner s_smallLimits = PiiScanner.Create(Scanners.GuardianOptions(maxRecordBytes: 1024) with
    {
        Limits = new ScanLimits { MaxRecordBytes = 1024, MaxJsonDepth = 5 },
    });

    /// <summary>Seeded (FsCheck replay), 4000 bodies, each whole and in one random chunking.</summary>
    [Fact]
    public void Process_SkipOnOrOff_SameOutputFindingsAndFallback()
    {
        long proved = 0;
        Arbitrary<(int Seed, int[] Cuts, bool Small)> cases = Arb.From(
            from seed in Gen.Choose(0, int.MaxValue - 1)
            from cuts in Gen.ArrayOf(Gen.Choose(0, 700))
            from small in Gen.Elements(false, false, false, true)
            select (seed, cuts, small));
        Property property = Prop.ForAll(cases, c =>
        {
            byte[] body = Bytes(new Random(c.Seed));
            proved += Compare(body, c.Small ? s_smallLimits : Scanners.Guardian, c.Cuts);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(4000).WithReplay(20261123UL, 1123UL), property);
        Assert.True(proved > 1_000_000, $"only {proved} bytes of elements were proved clean");
    }

    /// <summary>Every two-way split of order-shaped bodies.</summary>
    [Fact]
    public void Process_EveryTwoWaySplit_SameAsWithoutSkip()
    {
        var random = new Random(1123);
        for (int n = 0; n < 12; n++)
        {
            byte[] body = Encoding.UTF8.GetBytes(Body(random));
            for (int cut = 0; cut <= body.Length; cut += 1 + (body.Length / 400))
            {
                Compare(body, Scanners.Guardian, [cut]);
            }
        }
    }

    [Fact]
    public void Process_CustomerThenCleanItems_SkipsAllItemsButTheFirst()
    {
        var items = new StringBuilder();
        for (int i = 0; i < 20; i++)
        {
            items.Append(i == 0 ? "" : ",").Append(Product(i));
        }

        string json = "{\"customer\": {\"name\": \"Ravi Kumar\", \"email\": \"ravi.kumar@example.in\"}, \"items\": [" + items + "]}";
        byte[] body = Encoding.UTF8.GetBytes(json);
        Result skipped = Run(body, Scanners.Guardian, [], skip: true);
        int firstItemEnd = json.IndexOf(Product(0), StringComparison.Ordinal) + Product(0).Length;
        int lastItemEnd = json.Length - 2;
        Assert.Equal(lastItemEnd - firstItemEnd, skipped.BytesProved);
        Assert.Equal(Run(body, Scanners.Guardian, [], skip: false).Scan.Output, skipped.Scan.Output);
        Assert.Equal(2, skipped.Scan.Findings.Count);
    }

    /// <summary>
    /// In chunks smaller or larger than an item, every item after the first is still proved: a proof that reaches a
    /// chunk's end inside an item waits for the next chunk instead of leaving the item to the reader.
    /// </summary>
    [Theory]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(997)]
    [InlineData(2560)]
    public void Process_CleanItemsInChunks_ProvesAllItemsButTheFirst(int chunkSize)
    {
        (string json, int firstItemEnd) = Order(itemCount: 40, bigItem: null);
        byte[] body = Encoding.UTF8.GetBytes(json);
        int[] chunks = [.. Enumerable.Repeat(chunkSize, (body.Length / chunkSize) + 1)];
        Result chunked = Run(body, Scanners.Guardian, chunks, skip: true);
        Assert.Equal(json.Length - 2 - firstItemEnd, chunked.BytesProved);
        Assert.Equal(Run(body, Scanners.Guardian, [], skip: false).Scan.Output, chunked.Scan.Output);
    }

    /// <summary>
    /// An item longer than the proof may wait on (16 KiB, or half the record limit when smaller) is read by the reader,
    /// and the items after it are proved again; waiting holds at most that many bytes and one chunk more than reading.
    /// </summary>
    [Theory]
    [InlineData(40_000, 1024 * 1024, 500)]
    [InlineData(3_000, 4096, 100)]
    public void Process_ItemLongerThanTheWait_ReaderReadsItAndHoldsLittleMore(int bigItemBytes, int maxRecordBytes, int chunkSize)
    {
        PiiScanner scanner = PiiScanner.Create(Scanners.GuardianOptions(maxRecordBytes: maxRecordBytes) with
        {
            Limits = new ScanLimits { MaxRecordBytes = maxRecordBytes },
        });
        string big = "{\"sku\": \"SKU-2\", \"seller\": \"" + new string('s', bigItemBytes) + "\"}";
        (string json, _) = Order(itemCount: 12, bigItem: big);
        byte[] body = Encoding.UTF8.GetBytes(json);

        (byte[] output, int maxHeld, ScanResult scan, long bytesProved) = RunHolding(body, scanner, chunkSize, skip: true);
        (byte[] reference, int referenceMaxHeld, _, _) = RunHolding(body, scanner, chunkSize, skip: false);

        Assert.Equal(reference, output);
        Assert.False(scan.FellBackToText);
        int bigEnd = json.IndexOf(big, StringComparison.Ordinal) + big.Length;
        Assert.Equal(json.Length - 2 - bigEnd, bytesProved);
        int waitLimit = Math.Min(16 * 1024, maxRecordBytes / 2);
        Assert.True(maxHeld <= referenceMaxHeld + waitLimit + chunkSize, $"held {maxHeld} bytes, {referenceMaxHeld} without the proofs");
    }

    /// <summary>
    /// A record's quasi-identifiers wait while clean object-valued siblings arrive in chunks, proved by retries of a
    /// waiting proof: once they reach past the record limit the quasi-identifiers are decided as PII, as when the body
    /// is read whole, not by the record's close (where one IP address and one family name alone would be no PII).
    /// </summary>
    [Theory]
    [InlineData(97)]
    [InlineData(150)]
    [InlineData(333)]
    public void Process_WaitingProofsPassTheRecordLimit_QuasiIdentifiersDecidedAsWhole(int chunkSize)
    {
        PiiScanner scanner = PiiScanner.Create(Scanners.GuardianOptions(maxRecordBytes: 1024));
        var members = new StringBuilder("{\"order_id\": \"OD1\", \"gift\": {\"phone\": \"192.168.1.10\", \"last_name\": [\"Nair\"]}");
        for (int i = 0; i < 12; i++)
        {
            members.Append(", \"m").Append(i).Append("\": ").Append(Product(i));
        }

        byte[] body = Encoding.UTF8.GetBytes(members.Append('}').ToString());
        ScanResult whole = Scanners.Run(scanner, BodyFormat.Json, body, [body.Length]);
        Assert.Equal(["IP_ADDRESS", "PERSON_NAME"], whole.Entities());
        int[] chunks = [.. Enumerable.Repeat(chunkSize, (body.Length / chunkSize) + 1)];
        ScanComparison.AssertSameResult(whole, Run(body, scanner, chunks, skip: true).Scan, "waiting sibling proof", chunks, body);
    }

    /// <summary>
    /// Scans in chunks of <paramref name="chunkSize"/>; the result, the most bytes the session held after a chunk, and
    /// the bytes it proved clean.
    /// </summary>
    private static (byte[] Output, int MaxHeld, ScanResult Scan, long BytesProved) RunHolding(byte[] body, PiiScanner scanner, int chunkSize, bool skip)
    {
        BodyScanSession session = scanner.CreateSession(BodyFormat.Json);
        session.CleanProofEnabled = skip;
        int maxHeld = 0;
        int[] chunks = [.. Enumerable.Repeat(chunkSize, (body.Length / chunkSize) + 1)];
        ScanResult result = Scanners.Run(session, body, chunks, chunk => maxHeld = Math.Max(maxHeld, chunk.BytesHeld));
        return (result.Output, maxHeld, result, session.BytesProvedClean);
    }

    /// <summary>An order whose customer has PII, then clean items (the second one <paramref name="bigItem"/> if given); the end of the first item.</summary>
    private static (string Json, int FirstItemEnd) Order(int itemCount, string? bigItem)
    {
        var items = new StringBuilder();
        for (int i = 0; i < itemCount; i++)
        {
            items.Append(i == 0 ? "" : ", ").Append(i == 1 && bigItem is not null ? bigItem : Product(i));
        }

        string json = "{\"customer\": {\"name\": \"Ravi Kumar\", \"email\": \"ravi.kumar@example.in\"}, \"items\": [" + items + "]}";
        return (json, json.IndexOf(Product(0), StringComparison.Ordinal) + Product(0).Length);
    }

    [Theory]
    [InlineData("{\"a\": {\"sku\": \"SKU-1\"}, \"b\": {\"sku\": \"SKU-2\"}, \"c\": {\"sku\": \"SKU-3\"}}", 46)]
    [InlineData("{\"a\": {\"sku\": \"SKU-1\"}, \"b\": {\"sku\": \"SKU-2\"}, \"n\": 1, \"c\": {\"sku\": \"SKU-3\"}}", 23)]
    [InlineData("{\"a\": {\"sku\": \"SKU-1\"}, \"b\": {\"sku\": \"SKU-2\"}, \"name\": {\"first\": \"Ravi\"}}", 23)]
    [InlineData("{\"a\": {\"sku\": \"SKU-1\"}, \"phone\": {\"v\": \"9876543210\"}, \"c\": {\"sku\": \"SKU-3\"}}", 0)]
    [InlineData("{\"pincode\": {\"a\": {\"sku\": \"SKU-1\"}, \"b\": {\"code\": \"560034\"}}}", 0)]
    [InlineData("[{\"sku\": \"SKU-1\"}, {\"sku\": \"SKU-2\"}, {\"note\": \"a\\\"b\"}, {\"sku\": \"SKU-3\"}]", 36)]
    [InlineData("[{\"sku\": \"SKU-1\"}, {\"sku\": \"SKU-2\"}, {\"mail\": \"a@b.in\"}, {\"sku\": \"SKU-3\"}]", 18)]
    [InlineData("[{\"sku\": \"SKU-1\"}, {\"sku\": \"SKU-2\"}, 42, {\"sku\": \"SKU-3\"}]", 18)]
    [InlineData("[{\"sku\": \"SKU-1\"}, {\"phone\": \"9876543210\"}, {\"sku\": \"SKU-3\"}]", 0)]
    [InlineData("[{\"sku\": \"SKU-1\"}, {\"sku\": \"SKU-2\"} {\"sku\": \"SKU-3\"}]", 18)]
    [InlineData("[{\"sku\": \"SKU-1\"}, {\"sku\": \"SKU-2\"}, ]", 18)]
    [InlineData("[{\"sku\": \"SKU-1\"}, {\"sku\": \"SKU-2\"}, {\"name\": \"Ravi Kumar\"}]", 18)]
    public void Process_StopsBeforeWhatItCannotProve(string json, int expectedBytesProved)
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        Result skipped = Compare(body, Scanners.Guardian, [], out _);
        Assert.Equal(expectedBytesProved, skipped.BytesProved);
    }

    /// <summary>Compares skip on (whole and chunked) with skip off (whole); returns the bytes proved whole.</summary>
    private static long Compare(byte[] body, PiiScanner scanner, int[] cuts) => Compare(body, scanner, cuts, out _).BytesProved;

    private static Result Compare(byte[] body, PiiScanner scanner, int[] cuts, out Result reference)
    {
        reference = Run(body, scanner, [], skip: false);
        Result whole = Run(body, scanner, [], skip: true);
        Result chunked = Run(body, scanner, cuts, skip: true);
        ScanComparison.AssertSameResult(reference.Scan, whole.Scan, "clean-sibling skip", [], body);
        ScanComparison.AssertSameResult(reference.Scan, chunked.Scan, "clean-sibling skip", cuts, body);
        return whole;
    }

    /// <summary>
    /// Scans whole (no cuts) or in chunks; with <paramref name="skip"/> false every proof is off (the reference), with it
    /// on a body without cuts goes in as its first byte and the rest, so that the element skip is what is compared.
    /// </summary>
    private static Result Run(byte[] body, PiiScanner scanner, int[] cuts, bool skip)
    {
        if (skip && cuts.Length == 0 && body.Length > 0)
        {
            // A whole body in one chunk takes the whole-body proof first; its first byte alone keeps it on the full path.
            cuts = [1];
        }

        BodyScanSession session = scanner.CreateSession(BodyFormat.Json);
        session.CleanProofEnabled = skip;
        ScanResult result = Scanners.Run(session, body, [.. cuts, 0]);
        return new Result(result, session.BytesProvedClean);
    }

    /// <summary>A generated body as UTF-8; one in eight has an invalid UTF-8 sequence put into it.</summary>
    private static byte[] Bytes(Random random)
    {
        byte[] body = Encoding.UTF8.GetBytes(Body(random));
        if (random.Next(8) != 0 || body.Length == 0)
        {
            return body;
        }

        int at = random.Next(body.Length);
        byte[] invalid = random.Next(3) switch { 0 => [0xFF], 1 => [0xE0, 0x80], _ => [0xC3] };
        return [.. body.AsSpan(0, at), .. invalid, .. body.AsSpan(at)];
    }

    /// <summary>
    /// A top-level array of records, or an order-like object whose customer record is followed by items; records are
    /// mostly clean products, some generated objects (near misses, PII, escapes), some non-objects; sometimes a quasi-
    /// identifier waits in the enclosing record, sometimes the tail is malformed.
    /// </summary>
    internal static string Body(Random random)
    {
        var builder = new StringBuilder();
        if (random.Next(3) == 0)
        {
            return Members(random);
        }

        bool order = random.Next(2) == 0;
        if (order)
        {
            builder.Append("{\"order_id\": \"OD123456789012\", \"customer\": ").Append(CleanJsonProofPropertyTests.RandomObject(random));
            if (random.Next(3) == 0)
            {
                builder.Append(", \"ship_to\": \"Ravi Kumar\"");
            }

            builder.Append(", \"items\":").Append(random.Next(2) == 0 ? "[" : "[\n  ");
        }
        else
        {
            builder.Append('[');
        }

        int count = random.Next(0, 30);
        for (int e = 0; e < count; e++)
        {
            if (e > 0)
            {
                builder.Append(random.Next(4) switch { 0 => ", ", 1 => ",\n  ", _ => "," });
            }

            builder.Append(random.Next(20) switch
            {
                < 13 => Product(random.Next(1000)),
                < 16 => CleanJsonProofPropertyTests.RandomObject(random),
                16 => random.Next(3) switch { 0 => "42", 1 => "\"SKU-9\"", _ => "[{\"sku\": \"SKU-7\"}]" },
                17 => "{\"title\": \"\u0915\u0941\u0930\u094d\u0924\u093e caf\u00e9\", \"sku\": \"SKU-" + random.Next(1000) + "\"}",
                18 => random.Next(2) == 0
                    ? "{\"sku\": \"SKU-1\", \"nested\": {\"deeper\": {\"deepest\": [1, 2, {\"x\": 3}]}}}"
                    : "{\"sku\": \"SKU-3\", \"a\": {\"b\": {\"c\": 1}}}",
                19 when random.Next(2) == 0 => random.Next(3) switch
                {
                    0 => "{\"line1\": \"12 MG Road\", \"state\": \"Karnataka\"}",
                    1 => "{\"given\": [\"Arjun\"], \"family\": \"Nair\"}",

                    // An address holder's object: line1 and city are parts there, state is not.
                    _ => "{\"sku\": \"SKU-4\", \"shipping\": {\"line1\": \"12 MG Road\", \"city\": \"Pune\", \"state\": \"active\"}}",
                },
                _ => "{\"sku\": \"SKU-2\", \"seller\": \"" + new string('s', random.Next(100, 1200)) + "\"}",
            });
        }

        builder.Append(']');
        if (!order && random.Next(4) == 0)
        {
            // An array of addresses or names: its objects' part keys (line1, state; given, family) are parts there only.
            builder.Insert(0, random.Next(2) == 0 ? "{\"email\": \"ravi.k@example.com\", \"addresses\": " : "{\"email\": \"ravi.k@example.com\", \"name\": ").Append('}');
        }

        if (order)
        {
            builder.Append(random.Next(3) == 0 ? ", \"contact\": \"ravi.kumar@example.in\"}" : "}");
        }

        if (random.Next(4) == 0)
        {
            // Deeper arrays (the depth limit counts the enclosing containers).
            builder.Insert(0, "{\"page\": {\"result\": ").Append("}}");
        }

        switch (random.Next(10))
        {
            case 0:
                builder.Length = random.Next(builder.Length + 1);
                break;
            case 1:
                builder.Insert(random.Next(builder.Length + 1), random.Next(4) switch { 0 => ",", 1 => "}", 2 => "\"", _ => " x " });
                break;
            default:
                break;
        }

        return builder.ToString();
    }

    /// <summary>
    /// An object whose properties mostly hold objects (clean products, generated objects with PII or near misses), some
    /// strings, numbers and arrays, role keys (name, address) and entity keys, sometimes nested one level, sometimes with
    /// a malformed tail.
    /// </summary>
    private static string Members(Random random)
    {
        string[] keys = ["billing", "shipping", "meta", "gift", "seller", "name", "address", "pincode", "phone", "n", "tags", "x"];
        var builder = new StringBuilder("{\"order_id\": \"OD123456789012\"");
        int count = random.Next(0, 14);
        for (int m = 0; m < count; m++)
        {
            builder.Append(random.Next(3) == 0 ? ",\n  " : ", ").Append('"').Append(keys[random.Next(keys.Length)]).Append(random.Next(2) == 0 ? m.ToString(System.Globalization.CultureInfo.InvariantCulture) : "").Append("\": ");
            builder.Append(random.Next(12) switch
            {
                < 6 => Product(random.Next(1000)),
                < 8 => CleanJsonProofPropertyTests.RandomObject(random),
                8 => random.Next(2) == 0 ? "\"Ravi Kumar\"" : "560034",
                9 => "[" + Product(1) + "]",
                10 => "{\"inner\": " + Product(2) + ", \"more\": " + Product(3) + "}",
                _ => "{\"sku\": \"SKU-2\", \"seller\": \"" + new string('s', random.Next(100, 1200)) + "\"}",
            });
        }

        builder.Append('}');
        if (random.Next(4) == 0)
        {
            // Under an entity key: properties whose own keys say nothing inherit it (a 6-digit code is then a PIN code).
            builder.Insert(0, "{\"pincode\": ").Append('}');
        }

        if (random.Next(6) == 0)
        {
            builder.Length = random.Next(builder.Length + 1);
        }

        return builder.ToString();
    }

    private static string Product(int index) =>
        $"{{\"sku\": \"SKU-{100000 + index}\", \"title\": \"Cotton kurta, style {index}\", \"price\": {{\"amount\": {199 + index}.00, \"currency\": \"INR\"}}, "
        + $"\"tags\": [\"festive\", \"cotton\"], \"in_stock\": true, \"updated_at\": \"2026-11-05T10:23:00Z\"}}";

    private sealed record Result(ScanResult Scan, long BytesProved);
}
