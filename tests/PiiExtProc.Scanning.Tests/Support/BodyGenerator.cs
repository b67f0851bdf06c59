using System.Text;

namespace PiiExtProc.Scanning.Tests.Support;

/// <summary>Deterministic random bodies (from a seed): JSON records with PII, text with PII, malformed JSON, random bytes.</summary>
internal static class BodyGenerator
{
    private static readonly string[] s_keys =
    [
        "name", "email", "phone", "aadhar", "address", "ip_address", "device_id", "upi_id", "first_name", "last_name",
        "order_id", "note", "amount", "passport", "pin_code", "card_number", "city", "timestamp", "pan", "gstin", "dob",
    ];

    private static readonly string[] s_values =
    [
        "Rajesh Kumar", "rajesh.kumar@email.com", "9876543210", "+91 98765 43210", "234567890124", "2345 6789 0124",
        "123 MG Road, Bangalore, 560001", "192.168.1.100", "2001:db8::1", "DEV456789", "user123@paytm", "9123456780@ybl",
        "Priya", "Sharma", "ORD1234567890", "call me on 098765-43210 please", "P1234567", "560001", "4111 1111 1111 1111",
        "ABCPE1234F", "27AAPFU0939F1ZV", "1990-05-15", "1700000000", "1700000000123", "v1.2.3.4", "plain words here",
        "quote \" and backslash \\ and \n newline", "caf\u00e9 \u20b9 500", "A\u0000B", "",
        // Free text that repeats a name and an email above (repeated values: decided with the original's record).
        "gift for Rajesh Kumar, with love", "Dear Rajesh Kumar,\nreceipt sent to rajesh.kumar@email.com.",
    ];

    public static byte[] Generate(int seed)
    {
        var random = new Random(seed);
        return random.Next(6) switch
        {
            0 or 1 => Encoding.UTF8.GetBytes(JsonRecords(random)),
            2 => Encoding.UTF8.GetBytes(TextLines(random)),
            3 => Malformed(random),
            4 => RandomBytes(random),
            _ => Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Range(0, random.Next(1, 6)).Select(_ => JsonObject(random, 0))) + "]"),
        };
    }

    public static string JsonRecords(Random random)
    {
        var builder = new StringBuilder();
        int records = random.Next(1, 6);
        for (int r = 0; r < records; r++)
        {
            builder.Append(JsonObject(random, 0));
            builder.Append(random.Next(3) == 0 ? "\r\n" : "\n");
        }

        return builder.ToString();
    }

    private static string JsonObject(Random random, int depth)
    {
        var builder = new StringBuilder("{");
        int properties = random.Next(0, 6);
        for (int p = 0; p < properties; p++)
        {
            if (p > 0)
            {
                builder.Append(random.Next(2) == 0 ? ", " : ",");
            }

            if (random.Next(8) == 0)
            {
                // A name that is data (a map keyed by mobiles, emails or IDs): scanned like a value.
                builder.Append(System.Text.Json.JsonSerializer.Serialize(s_values[random.Next(s_values.Length)])).Append(": ");
            }
            else
            {
                builder.Append('"').Append(s_keys[random.Next(s_keys.Length)]).Append("\": ");
            }

            int kind = random.Next(10);
            if (kind == 0 && depth < 3)
            {
                builder.Append(JsonObject(random, depth + 1));
            }
            else if (kind == 1 && depth < 3)
            {
                builder.Append('[').Append(JsonObject(random, depth + 1)).Append(", ").Append(JsonObject(random, depth + 1)).Append(']');
            }
            else if (kind == 2)
            {
                builder.Append(random.Next(3) switch { 0 => "9876543210", 1 => "1299.50", _ => "true" });
            }
            else
            {
                builder.Append(System.Text.Json.JsonSerializer.Serialize(s_values[random.Next(s_values.Length)]));
            }
        }

        return builder.Append('}').ToString();
    }

    private static string TextLines(Random random)
    {
        var builder = new StringBuilder();
        int lines = random.Next(1, 8);
        for (int l = 0; l < lines; l++)
        {
            int words = random.Next(1, 8);
            for (int w = 0; w < words; w++)
            {
                builder.Append(s_values[random.Next(s_values.Length)]).Append(random.Next(4) == 0 ? ", " : " ");
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }

    private static byte[] Malformed(Random random)
    {
        byte[] json = Encoding.UTF8.GetBytes(JsonRecords(random));
        int at = random.Next(json.Length);
        json[at] = random.Next(3) switch { 0 => (byte)'x', 1 => 0xFF, _ => (byte)'}' };
        return json;
    }

    private static byte[] RandomBytes(Random random)
    {
        const string alphabet = "{}[]\":, 0123456789@.-+\nabcXYZ\\";
        var bytes = new byte[random.Next(0, 200)];
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = random.Next(8) == 0 ? (byte)random.Next(256) : (byte)alphabet[random.Next(alphabet.Length)];
        }

        return bytes;
    }
}
