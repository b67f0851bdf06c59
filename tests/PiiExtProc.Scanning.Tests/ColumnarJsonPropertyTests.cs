using System.Text;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Columnar JSON against the fast paths: over generated query results (declared columns as strings or objects, header
/// rows, clean objects before declarations and rows and inside rows so the sibling proofs start, a second table, names and device IDs with no
/// trigger byte), the session with the clean proofs, the value prefilter and the keyed fast path on, whole and in random
/// chunkings, gives the same output, findings, fallback and is_pii as the session with all of them off.
/// </summary>
public sealed class ColumnarJsonPropertyTests
{
    private static readonly string[] s_declarationKeys = ["columns", "meta", "rowType", "cols", "header", "headers", "fields"];

    private static readonly string[] s_columnNames =
        ["Name", "customer_name", "Device ID", "device_id", "email", "phone", "order_id", "Sku", "red", "tier", "address"];

    private static readonly string[] s_cells =
    [
        "\"Ravi Kumar\"", "\"web-abcdefgh\"", "\"Priya Sharma\"", "\"ios-hgfedcba\"", "\"blue\"", "\"Pune\"", "\"9876543210\"",
        "9876543210", "\"560034\"", "{\"tier\":\"gold\"}", "{\"line1\":\"12 MG Road\",\"state\":\"Karnataka\"}", "null", "true",
        "[\"web-abcdefgh\"]", "[]", "\"Name\"", "\"ravi.kumar@example.com\"",
    ];

    [Fact]
    public void Process_FastPathsOnOrOff_SameResult()
    {
        var random = new Random(20261125);
        int withFindings = 0;
        for (int n = 0; n < 3000; n++)
        {
            byte[] body = Encoding.UTF8.GetBytes(Body(random));
            ScanResult reference = Run(body, [], fastPaths: false);
            withFindings += reference.Findings.Count > 0 ? 1 : 0;
            ScanComparison.AssertSameResult(reference, Run(body, [], fastPaths: true), "fast paths", [], body);
            int[] cuts = [random.Next(body.Length + 1), random.Next(1, 40)];
            ScanComparison.AssertSameResult(reference, Run(body, cuts, fastPaths: true), "fast paths, chunked", cuts, body);
        }

        Assert.True(withFindings > 600, $"only {withFindings} bodies had findings");
    }

    private static ScanResult Run(byte[] body, int[] cuts, bool fastPaths)
    {
        var session = Scanners.Guardian.CreateSession(BodyFormat.Json);
        session.CleanProofEnabled = fastPaths;
        session.ValuePrefilterEnabled = fastPaths;
        session.KeyedFastPathEnabled = fastPaths;
        return Scanners.Run(session, body, [.. cuts, 0]);
    }

    private static string Body(Random random)
    {
        var builder = new StringBuilder("{");
        if (random.Next(3) == 0)
        {
            builder.Append("\"items\":[{\"sku\":\"A\"},{\"sku\":\"B\"}],");
        }

        if (random.Next(3) > 0)
        {
            // The declaration on its own, or where a sibling proof may reach it: in an object after a clean object
            // member (Databricks' manifest), or in an array element after a clean object element.
            int place = random.Next(3);
            builder.Append(place switch { 0 => "", 1 => "\"info\":{\"v\":1},\"manifest\":{", _ => "\"schemas\":[{\"v\":1},{" });
            builder.Append('"').Append(s_declarationKeys[random.Next(s_declarationKeys.Length)]).Append("\":");
            Declaration(builder, random);
            builder.Append(place switch { 0 => "", 1 => "}", _ => "}]" }).Append(',');
        }

        builder.Append("\"rows\":");
        Table(builder, random, header: random.Next(3) == 0);
        if (random.Next(3) == 0)
        {
            builder.Append(",\"more\":");
            Table(builder, random, header: random.Next(2) == 0);
        }

        return builder.Append('}').ToString();
    }

    private static void Declaration(StringBuilder builder, Random random)
    {
        builder.Append('[');
        int count = random.Next(0, 5);
        int form = random.Next(3);
        for (int c = 0; c < count; c++)
        {
            string column = s_columnNames[random.Next(s_columnNames.Length)];
            builder.Append(c > 0 ? "," : "").Append(form switch
            {
                0 => $"\"{column}\"",
                1 => $"{{\"name\":\"{column}\",\"type\":\"varchar\"}}",
                _ => $"{{\"type\":\"string\",\"column_name\":\"{column}\"}}",
            });
        }

        builder.Append(']');
    }

    private static void Table(StringBuilder builder, Random random, bool header)
    {
        builder.Append('[');
        if (random.Next(4) == 0)
        {
            builder.Append("{\"kind\":\"x\"},");
        }

        int rows = random.Next(1, 4);
        for (int r = 0; r < rows; r++)
        {
            builder.Append(r > 0 ? "," : "").Append('[');
            int cells = random.Next(0, 5);
            for (int c = 0; c < cells; c++)
            {
                builder.Append(c > 0 ? "," : "").Append(header && r == 0
                    ? $"\"{s_columnNames[random.Next(s_columnNames.Length)]}\""
                    : s_cells[random.Next(s_cells.Length)]);
            }

            builder.Append(']');
        }

        builder.Append(']');
    }
}
