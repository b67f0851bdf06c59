using System.Buffers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Sessions;
using PiiExtProc.Scanning.Tests.Support;
using PiiExtProc.Scanning.Validators;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Soundness of <see cref="CleanJsonProof"/>: over generated JSON bodies mixing clean values, near misses and real PII
/// of every entity, keys with and without roles or entities, context words, escapes and malformed tails, whenever the
/// proof holds the full scan (proof disabled) finds nothing, reads the body as JSON to the end and leaves it unchanged.
/// </summary>
public sealed class CleanJsonProofPropertyTests
{
    private static readonly string[] s_cleanKeys =
    [
        "sku", "title", "price", "amount", "updated_at", "id", "items", "tags", "url", "note", "seller_id", "order_id",
        "created_at", "ts", "version", "meta", "data", "code", "ref", "description", "", "x",

        // Part keys: clean outside an address or name object, parts inside one.
        "line1", "state", "given", "family", "admin_area_2",
    ];

    private static readonly string[] s_entityKeys =
    [
        "phone", "mobile", "pincode", "pin", "dob", "account", "acct", "aadhaar", "card_number", "ip", "vid", "pan", "passport",
        "gstin", "ifsc", "iban", "voter_id", "upi", "zip", "birth_date",
    ];

    private static readonly string[] s_roleKeys =
        ["name", "address", "device_id", "first_name", "last_name", "customer_name", "imei", "customer", "passengers", "ship_to",
         "shipping", "billing_details"];

    private static readonly string[] s_clean =
    [
        "SKU-123456", "SKU-560034", "2026-11-05T10:23:00Z", "2026-11-05 10:23:00", "1999.00", "S-12345", "OD123456789012",
        "550e8400-e29b-41d4-a716-446655440000", "https://shop.example.in/p/560034?ref=home", "v1.2.3", "Cotton kurta, style 12",
        "10:30:00", "apparel/men/ethnic", "INR", "festive", "M\u00fcnchen \u20b9 500", "item 7 of 12", "sku_123456789", "#560034",
        "/p/9876543210", "ID-234567890124",
    ];

    private static readonly string[] s_nearMisses =
    [
        "12345", "1234567", "98765 4321", "560 034", "1.2.3", "12-34-5678", "A123456", "ABCDE1234", "SBIN001234",
        "1730802180000", "99.299.1.1", "fe80:1", "0987654321", "123456789", "15/08/1990", "1990.05.15", "1 2 3 4", "2026-11",
        "a1234567", "abcpe1234f", "ab12", "GB82", "5600341", "00000000000", "12 34 56", "1:2:3", "(98765) 4321", "(98765) 43210",
        "(2021) 12", "12 (3) 45", "(0)",
    ];

    private static readonly string[] s_contextWords =
    [
        "pin", "dob", "account", "phone", "card", "aadhaar", "vid", "zip", "born", "acct", "ifsc", "passport", "voter", "pan",
        "gstin", "iban", "ip", "order", "version", "sku", "birth", "postal", "call", "credit",

        // camelCase field names of Java and Kotlin logs: the hump bounds the context word.
        "customerPhone=", "alternateMobile:", "orderNumber=", "buyerPinCode ", "accountNo=", "dateOfBirth:",
    ];

    private static readonly string[] s_documents =
    [
        "<name>Ravi Kumar</name>", "<p>Steel bottle, 750 ml</p>", "{\\\"customer_name\\\":\\\"Ravi Kumar\\\"}", "[a, b]",
        "<city>Pune</city><street>MG Road</street>", "{}", "<b>name: Ravi Kumar</b>",
        "/cb?name=Ravi+Kumar", "https://x.in/r?email=ravi.k%40example.com&s=ok", "/search?q=steel+bottle", "why? because",
        "/p?mobile=%2B91+98765+43210",
    ];

    private static readonly string[] s_freeText =
    [
        "Name: Ravi Kumar", "order for Name: Ravi Kumar", "customer name=Ravi Kumar", "update(name: 'Ravi Kumar')",
        "Product Name: Steel Bottle", "city=Pune", "street: MG Road", "last Name: Kumar", "status=ok", "ratio=3",
        "see name", "file name: report", "shipping address: MG Road, Pune", "a = b", "Shipped to Name:",
        "Customer: Ravi Kumar", "passenger=Walk In Customer", "Ship To: Ravi Kumar", "sender: ravi.k@example.com",
        "Consignee: 'Ravi Kumar'", "driver=Ravi", "guest: Kumar, Ravi",
    ];

    private static readonly string[] s_columnKeys = ["columns", "meta", "rowType", "cols", "data", "rows", "values"];

    private static readonly string[] s_columnNames =
        ["Name", "customer_name", "Device ID", "email", "phone", "pincode", "order_id", "Sku", "red", "x@y", "address", "dob"];

    private static readonly string[] s_cells =
        ["Ravi Kumar", "web-abcdefgh", "560034", "9876543210", "12 MG Road, Pune", "15/08/1990", "Pune", "blue", "SKU-560034"];

    private static readonly string[] s_labelKeys = ["name", "key", "field", "label", "type", "system", "question", "attribute_code"];

    private static readonly string[] s_valueKeys = ["value", "answer", "field_value"];

    private static readonly string[] s_labels =
    [
        "pincode", "Mobile Number", "order_id", "color", "Customer Name", "Delivery address", "pin", "dob", "account", "size",
        "alt_phone", "city", "", "aadhaar", "mob\\u0069le", "Customer", "passenger",
    ];

    private static readonly string[] s_bareValues = ["560034", "9876543210", "123456789012", "15/08/1990", "K1234567", "5600341"];

    private static readonly string[] s_separators = [" ", "-", "/", ".", "#", "_", ":", "+", ", ", "", "\u00a0", "x", "(", ") ", " (", ")"];

    private static readonly string[] s_numbers =
    [
        "1999.00", "560034", "9876543210", "1730802180000", "12345678", "-123456", "1e10", "0.5", "123456789", "42",
        "234567890124", "4111111111111111", "1.5E+9", "-0", "100000", "919876543210",
    ];

    /// <summary>Seeded (FsCheck replay), 6000 bodies: proof holds ⇒ the full scan finds nothing and reads JSON to the end.</summary>
    [Fact]
    public void Process_ProofHolds_FullScanFindsNothing()
    {
        int proven = 0;
        Arbitrary<int> seeds = Arb.From(Gen.Choose(0, int.MaxValue - 1));
        Property property = Prop.ForAll(seeds, seed =>
        {
            proven += CheckBody(Encoding.UTF8.GetBytes(Body(new Random(seed))), Scanners.Guardian) ? 1 : 0;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(6000).WithReplay(20251123UL, 4243UL), property);
        Assert.True(proven > 300, $"only {proven} bodies took the proof path");
    }

    /// <summary>Small limits (depth, token size): the proof must not hold where the reader would fall back.</summary>
    [Fact]
    public void Process_SmallLimits_ProofHoldsOnlyWithoutFallback()
    {
        PiiScanner scanner = PiiScanner.Create(Scanners.GuardianOptions(maxRecordBytes: 1024) with
        {
            Limits = new ScanLimits { MaxRecordBytes = 1024, MaxJsonDepth = 3 },
        });
        var random = new Random(77);
        for (int n = 0; n < 1500; n++)
        {
            string body = Body(random);
            if (random.Next(4) == 0)
            {
                body = "{\"long\": \"" + new string('a', random.Next(900, 1100)) + "\", \"more\": [" + body + "]}";
            }

            CheckBody(Encoding.UTF8.GetBytes(body), scanner);
        }
    }

    [Theory]
    [InlineData("[{\"id\": \"SKU-123456\"}]")]
    [InlineData("{\"items\": [{\"sku\": \"SKU-560034\", \"updated_at\": \"2026-11-05T10:23:00Z\", \"price\": {\"amount\": 1999.00}}]}")]
    [InlineData("{\"a\": [\"2026-11-05 10:23:00\", 1730802180000, \"OD123456789012\"]}")]
    public void Process_ListingShapes_ProofHolds(string body) => Assert.True(CheckBody(Encoding.UTF8.GetBytes(body), Scanners.Guardian));

    [Theory]
    [InlineData("{\"pincode\": \"SKU-560034\"}")]
    [InlineData("{\"customer\": {\"pin\": {\"v\": [\"560034\"]}}}")]
    [InlineData("{\"note\": \"deliver to pin 560034\"}")]
    [InlineData("{\"dob\": \"1990-05-15\"}")]
    [InlineData("{\"passport\": \"K1234567\"}")]
    [InlineData("{\"n\": \"passport k1234567\"}")]
    [InlineData("{\"ip\": [\"fe80::1\"]}")]
    [InlineData("{\"n\": \"born 15/08/1990\"}")]
    [InlineData("{\"acct\": 123456789012345}")]
    [InlineData("{\"n\": \"+91 98765 43210\"}")]
    [InlineData("{\"n\": \"ID-234567890124\", \"aadhaar\": \"ID-234567890124\"}")]
    public void Process_ContextOrPii_ProofDoesNotHold(string body) => Assert.False(CheckBody(Encoding.UTF8.GetBytes(body), Scanners.Guardian));

    /// <summary>Whole-value ISO timestamps with random digits (CleanValueRules' timestamp shortcut) under every kind of key.</summary>
    [Fact]
    public void Process_TimestampsUnderAnyKey_ProofHoldsAndFullScanFindsNothing()
    {
        var random = new Random(4242);
        string[] keys = [.. s_cleanKeys, .. s_entityKeys];
        for (int n = 0; n < 400; n++)
        {
            string timestamp = Timestamp(random);
            string key = keys[random.Next(keys.Length)];
            bool proved = CheckBody(Encoding.UTF8.GetBytes($"{{\"{key}\": [\"{timestamp}\"]}}"), Scanners.Guardian);
            if (timestamp.Length <= 20)
            {
                Assert.True(proved, timestamp);
            }
        }
    }

    /// <summary>Scans with and without the proof; returns whether the proof held.</summary>
    private static bool CheckBody(byte[] body, PiiScanner scanner)
    {
        (bool proved, byte[] fastOutput, List<PiiFinding> fastFindings, bool fastFallback) = Scan(body, scanner, proof: true);
        (_, byte[] fullOutput, List<PiiFinding> fullFindings, bool fullFallback) = Scan(body, scanner, proof: false);
        if (proved)
        {
            Assert.True(fullFindings.Count == 0 && !fullFallback && fullOutput.AsSpan().SequenceEqual(body),
                $"proof held but the full scan found {fullFindings.Count} ({string.Join(",", fullFindings.Select(f => f.Entity.Name))}), fallback {fullFallback}: {Encoding.UTF8.GetString(body)}");
        }

        Assert.Equal(fullOutput, fastOutput);
        Assert.Equal(fullFindings, fastFindings);
        Assert.Equal(fullFallback, fastFallback);
        return proved;
    }

    private static (bool Proved, byte[] Output, List<PiiFinding> Findings, bool FellBack) Scan(byte[] body, PiiScanner scanner, bool proof)
    {
        using BodyScanSession session = scanner.CreateSession(BodyFormat.Json);
        session.CleanProofEnabled = proof;
        var output = new ArrayBufferWriter<byte>();
        ChunkResult result = session.Process(body, isFinal: true, output);
        if (result.IsUnchanged)
        {
            output.Write(body);
        }

        return (session.ProvedClean, output.WrittenSpan.ToArray(), session.Findings.ToList(), session.FellBackToText);
    }

    /// <summary>A generated JSON body (sometimes with whitespace around it or a malformed tail); also used by <see cref="ValuePrefilterPropertyTests"/>.</summary>
    internal static string Body(Random random)
    {
        var builder = new StringBuilder();
        if (random.Next(10) == 0)
        {
            builder.Append(random.Next(3) switch { 0 => " ", 1 => "\n", _ => "\t\r\n " });
        }

        if (random.Next(2) == 0)
        {
            Object(builder, random, 0);
        }
        else
        {
            Array(builder, random, 0);
        }

        switch (random.Next(12))
        {
            case 0:
                builder.Length = random.Next(builder.Length + 1);
                break;
            case 1:
                builder.Append(random.Next(4) switch { 0 => " x", 1 => "{}", 2 => ",", _ => " 42" });
                break;
            case 2:
                builder.Append('\n');
                break;
            default:
                break;
        }

        return builder.ToString();
    }

    /// <summary>A generated JSON object with clean values, near misses and PII (used by <see cref="CleanElementSkipPropertyTests"/>).</summary>
    internal static string RandomObject(Random random)
    {
        var builder = new StringBuilder();
        Object(builder, random, 1);
        return builder.ToString();
    }

    private static void Object(StringBuilder builder, Random random, int depth)
    {
        builder.Append('{');
        int count = random.Next(0, 5);
        for (int p = 0; p < count; p++)
        {
            if (p > 0)
            {
                builder.Append(random.Next(3) == 0 ? ", " : ",");
            }

            string key = random.Next(22) switch
            {
                0 => s_roleKeys[random.Next(s_roleKeys.Length)],
                < 6 => s_entityKeys[random.Next(s_entityKeys.Length)],

                // A name that is data (a map keyed by numbers, IDs or mobiles): scanned like a value when it has a trigger.
                20 => random.Next(3) switch
                {
                    0 => s_clean[random.Next(s_clean.Length)],
                    1 => s_nearMisses[random.Next(s_nearMisses.Length)],
                    _ => s_bareValues[random.Next(s_bareValues.Length)],
                },
                21 => StringContent(random),
                19 => s_columnKeys[random.Next(s_columnKeys.Length)],
                _ => s_cleanKeys[random.Next(s_cleanKeys.Length)],
            };
            builder.Append('"').Append(key).Append(random.Next(8) == 0 ? "\" : " : "\":");
            if (key is "columns" or "meta" or "rowType" && random.Next(2) == 0)
            {
                ColumnDeclaration(builder, random);
            }
            else
            {
                Value(builder, random, depth + 1);
            }
        }

        builder.Append('}');
    }

    private static void Array(StringBuilder builder, Random random, int depth)
    {
        builder.Append('[');
        int count = random.Next(0, 4);
        for (int e = 0; e < count; e++)
        {
            if (e > 0)
            {
                builder.Append(random.Next(3) == 0 ? ",\n  " : ",");
            }

            Value(builder, random, depth + 1);
        }

        builder.Append(']');
    }

    private static void Value(StringBuilder builder, Random random, int depth)
    {
        int kind = random.Next(12);
        if (kind == 0 && depth < 5)
        {
            Object(builder, random, depth);
        }
        else if (kind == 1 && depth < 5)
        {
            Array(builder, random, depth);
        }
        else if (kind is 2 or 3)
        {
            builder.Append(s_numbers[random.Next(s_numbers.Length)]);
        }
        else if (kind == 4)
        {
            builder.Append(random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" });
        }
        else if (kind == 5 && random.Next(3) == 0)
        {
            // An embedded document (stringified JSON, XML, HTML) or a URL with a query: the detector reads their pairs.
            builder.Append('"').Append(s_documents[random.Next(s_documents.Length)]).Append('"');
        }
        else if (kind == 7 && random.Next(3) == 0 && depth < 5)
        {
            AttributeObject(builder, random, depth);
        }
        else if (kind == 8 && random.Next(3) == 0 && depth < 4)
        {
            Table(builder, random, depth);
        }
        else if (kind == 6 && random.Next(3) == 0)
        {
            // Free text with key-value pairs (a log message, a GraphQL query): the detector reads names and addresses in it.
            builder.Append('"').Append(s_freeText[random.Next(s_freeText.Length)]).Append('"');
        }
        else
        {
            builder.Append('"').Append(StringContent(random)).Append('"');
        }
    }

    /// <summary>A column declaration of columnar JSON: column names as strings or as objects' <c>name</c>.</summary>
    private static void ColumnDeclaration(StringBuilder builder, Random random)
    {
        builder.Append('[');
        int count = random.Next(0, 4);
        bool objects = random.Next(2) == 0;
        for (int c = 0; c < count; c++)
        {
            string column = s_columnNames[random.Next(s_columnNames.Length)];
            builder.Append(c > 0 ? "," : "").Append(objects ? $"{{\"name\":\"{column}\",\"type\":\"varchar\"}}" : $"\"{column}\"");
        }

        builder.Append(']');
    }

    /// <summary>An array of rows (columnar JSON), sometimes with a header row first; cells are values a column's key can
    /// make findings (names and device IDs without a trigger byte, bare numbers), or any value.</summary>
    private static void Table(StringBuilder builder, Random random, int depth)
    {
        builder.Append('[');
        int rows = random.Next(1, 4);
        for (int r = 0; r < rows; r++)
        {
            builder.Append(r > 0 ? "," : "").Append('[');
            int cells = random.Next(0, 4);
            bool header = r == 0 && random.Next(2) == 0;
            for (int c = 0; c < cells; c++)
            {
                builder.Append(c > 0 ? "," : "");
                if (header)
                {
                    builder.Append('"').Append(s_columnNames[random.Next(s_columnNames.Length)]).Append('"');
                }
                else if (random.Next(2) == 0)
                {
                    builder.Append('"').Append(s_cells[random.Next(s_cells.Length)]).Append('"');
                }
                else
                {
                    Value(builder, random, depth + 2);
                }
            }

            builder.Append(']');
        }

        builder.Append(']');
    }

    /// <summary>An attribute-list object (<c>{"key": "pincode", "value": "560034"}</c>), sometimes with a member between
    /// label and value, or the value first; values are bare numbers a label can make findings, or any value.</summary>
    private static void AttributeObject(StringBuilder builder, Random random, int depth)
    {
        string label = $"\"{s_labelKeys[random.Next(s_labelKeys.Length)]}\":\"{s_labels[random.Next(s_labels.Length)]}\"";
        var value = new StringBuilder();
        value.Append('"').Append(s_valueKeys[random.Next(s_valueKeys.Length)]).Append("\":");
        if (random.Next(2) == 0)
        {
            string bare = s_bareValues[random.Next(s_bareValues.Length)];
            value.Append(random.Next(4) == 0 && bare.All(char.IsAsciiDigit) ? bare : $"\"{bare}\"");
        }
        else
        {
            Value(value, random, depth + 1);
        }

        string between = random.Next(3) == 0 ? "\"sku\":{\"a\":1}," : "";
        builder.Append('{').Append(random.Next(6) == 0 ? $"{value},{between}{label}" : $"{label},{between}{value}").Append('}');
    }

    private static string StringContent(Random random)
    {
        var builder = new StringBuilder();
        int pieces = random.Next(1, 4);
        for (int p = 0; p < pieces; p++)
        {
            if (p > 0)
            {
                builder.Append(s_separators[random.Next(s_separators.Length)]);
            }

            builder.Append(random.Next(20) switch
            {
                < 7 => s_clean[random.Next(s_clean.Length)],
                7 => Timestamp(random),
                < 12 => s_nearMisses[random.Next(s_nearMisses.Length)],
                < 15 => s_contextWords[random.Next(s_contextWords.Length)],
                < 18 => Pii(random),
                18 => random.Next(3) switch { 0 => "a\\\"b", 1 => "\\u0041", _ => "x\\n" },
                _ => random.Next(2) == 0 ? "\t" : "caf\u00e9",
            });
        }

        return builder.ToString();
    }

    /// <summary>An ISO 8601 timestamp with random digits (not always a real date), sometimes without <c>Z</c> or with a fraction.</summary>
    internal static string Timestamp(Random random)
    {
        var builder = new StringBuilder();
        foreach (char c in "0000-00-00T00:00:00")
        {
            builder.Append(c == '0' ? (char)('0' + random.Next(10)) : c);
        }

        return builder.Append(random.Next(4) switch { 0 => "", 1 => ".123Z", 2 => "+05:30", _ => "Z" }).ToString();
    }

    private static string Pii(Random random) => random.Next(21) switch
    {
        18 => "ravi.kumar@example.in",
        19 => "9876543210@ybl",
        20 => "ravi@",
        0 => Aadhaar(random),
        1 => Spaced(Aadhaar(random)),
        2 => "9876543210",
        3 => random.Next(2) == 0 ? "+91 98765 43210" : "+91 (98765) 43210",
        4 => Card(random),
        5 => Spaced(Card(random)),
        6 => "ABCPE1234F",
        7 => "27AAPFU0939F1ZV",
        8 => "K1234567",
        9 => "SBIN0001234",
        10 => "GB82 WEST 1234 5698 7654 32",
        11 => "192.168.1.10",
        12 => "2001:db8::1",
        13 => "560034",
        14 => "123456789012",
        15 => "1990-05-15",
        16 => "ABC1234566",
        _ => Aadhaar(random) + "7" + Verhoeff(random, 3),
    };

    private static string Aadhaar(Random random) => Verhoeff(random, 11, first: (char)('2' + random.Next(8)));

    /// <summary>A Verhoeff-valid number: <paramref name="payload"/> digits and a check digit.</summary>
    private static string Verhoeff(Random random, int payload, char first = '1')
    {
        var digits = new byte[payload];
        digits[0] = (byte)first;
        for (int i = 1; i < payload; i++)
        {
            digits[i] = (byte)('0' + random.Next(10));
        }

        return Encoding.ASCII.GetString(digits) + (char)PiiExtProc.Scanning.Validators.Verhoeff.ComputeCheckDigit(digits);
    }

    private static string Card(Random random)
    {
        var digits = new byte[15];
        digits[0] = (byte)"3456"[random.Next(4)];
        for (int i = 1; i < 15; i++)
        {
            digits[i] = (byte)('0' + random.Next(10));
        }

        return Encoding.ASCII.GetString(digits) + (char)Luhn.ComputeCheckDigit(digits);
    }

    private static string Spaced(string digits)
    {
        var builder = new StringBuilder();
        for (int i = 0; i < digits.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                builder.Append(' ');
            }

            builder.Append(digits[i]);
        }

        return builder.ToString();
    }
}
