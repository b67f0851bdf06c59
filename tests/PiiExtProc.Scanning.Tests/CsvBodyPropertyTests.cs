using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Generated CSV bodies (four delimiters, CRLF and LF, quoted fields holding delimiters, doubled quotes and line breaks,
/// PII and plain values, short and missing fields): any chunking gives the output and findings of the whole body, and
/// the output is CSV of the same shape, every row with the same fields, every field not rewritten unchanged, even when
/// every replacement needs quotes.
/// </summary>
public sealed class CsvBodyPropertyTests
{
    private static readonly PiiScanner s_masks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance));
    private static readonly PiiScanner s_smallRecords = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance, maxRecordBytes: 1024));

    /// <summary>Every replacement holds a delimiter, a quote and a line break.</summary>
    private static readonly PiiScanner s_awkwardLabels = PiiScanner.Create(Scanners.GuardianOptions(new ReplaceOperator("<a,b;c\t|\"d\"\r\ne>")));

    private static readonly string[] s_keys =
    [
        "name", "customer_name", "Customer Name", "email", "E-mail", "phone", "mobile", "Mobile No", "address", "city",
        "street", "aadhaar", "pan", "note", "amount", "order_id", "upi_id", "ip", "x",
    ];

    private static readonly string[] s_values =
    [
        "Ravi Kumar", "ravi.k@example.com", "+91 98765 43210", "9876543210", "12 MG Road, Indiranagar, Bengaluru 560038",
        "Bengaluru", "2345 6789 0124", "ABCPK1234F", "ravi.kumar@okicici", "said \"call 9845012345\"", "499.00",
        "Steel bottle", "OD1234567890", "\u0930\u0935\u093f", "line one\nline two", "a;b|c\td", "10.0.0.1", "",
    ];

    private static readonly char[] s_delimiters = [',', '\t', ';', '|'];

    [Fact]
    public void Process_AnyChunking_SameOutputAndFindingsAsWhole()
    {
        Arbitrary<(int Seed, int[] Cuts, bool Small)> cases = Arb.From(
            from seed in Gen.Choose(0, int.MaxValue - 1)
            from cuts in Gen.ArrayOf(Gen.Choose(0, 48))
            from small in Gen.Elements(false, false, true)
            select (seed, cuts, small));
        Property property = Prop.ForAll(cases, c =>
        {
            byte[] body = Encoding.UTF8.GetBytes(Generate(new Random(c.Seed), out _).Text);
            PiiScanner scanner = c.Small ? s_smallRecords : s_masks;
            ScanResult whole = Scanners.Run(scanner, BodyFormat.Csv, body, [body.Length]);
            ScanResult chunked = Scanners.Run(scanner, BodyFormat.Csv, body, c.Cuts.Append(0).ToArray());
            ScanComparison.AssertSameResult(whole, chunked, "chunking", c.Cuts, body);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000).WithReplay(20261123UL, 5171UL), property);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Process_GeneratedCsv_KeepsItsShapeAndUnchangedFields(bool awkwardLabels)
    {
        PiiScanner scanner = awkwardLabels ? s_awkwardLabels : s_masks;
        int rewritten = 0;
        for (int seed = 0; seed < 1500; seed++)
        {
            (string text, char delimiter) = Generate(new Random(seed), out List<List<string>> rows);
            ScanResult result = Scanners.Run(scanner, BodyFormat.Csv, Encoding.UTF8.GetBytes(text), [int.MaxValue]);
            List<List<string>> after = Parse(Encoding.UTF8.GetString(result.Output), delimiter);

            Assert.Equal(rows.Count, after.Count);
            for (int r = 0; r < rows.Count; r++)
            {
                Assert.Equal(rows[r].Count, after[r].Count);
                for (int f = 0; f < rows[r].Count; f++)
                {
                    if (rows[r][f] != after[r][f])
                    {
                        rewritten++;
                        Assert.NotEqual(0, r);
                    }
                }
            }
        }

        Assert.True(rewritten > 1000, $"only {rewritten} fields were rewritten: the generator no longer exercises rewriting");
    }

    /// <summary>A CSV of a header and 0-8 rows of the header's width (the last row sometimes without a line break), and
    /// its fields as a parser should read them back.</summary>
    private static (string Text, char Delimiter) Generate(Random random, out List<List<string>> rows)
    {
        char delimiter = s_delimiters[random.Next(s_delimiters.Length)];
        string newline = random.Next(2) == 0 ? "\n" : "\r\n";
        int columns = random.Next(1, 8);
        rows = [Enumerable.Range(0, columns).Select(_ => s_keys[random.Next(s_keys.Length)]).ToList()];
        int count = random.Next(0, 9);
        for (int r = 0; r < count; r++)
        {
            rows.Add(Enumerable.Range(0, columns).Select(_ => s_values[random.Next(s_values.Length)]).ToList());
        }

        var text = new StringBuilder();
        for (int r = 0; r < rows.Count; r++)
        {
            for (int f = 0; f < rows[r].Count; f++)
            {
                string field = rows[r][f];
                bool needsQuotes = field.IndexOfAny([delimiter, '"', '\r', '\n']) >= 0 || (field.Length == 0 && columns == 1);
                text.Append(f > 0 ? delimiter.ToString() : "");
                text.Append(needsQuotes || random.Next(4) == 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field);
            }

            if (r < rows.Count - 1 || random.Next(3) > 0)
            {
                text.Append(newline);
            }
        }

        return (text.ToString(), delimiter);
    }

    /// <summary>RFC 4180 reading with <paramref name="delimiter"/>: quoted fields unquoted, CRLF or LF row ends.</summary>
    private static List<List<string>> Parse(string text, char delimiter)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool inQuotes = false;
        bool rowStarted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            rowStarted |= c is not ('\r' or '\n');
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == delimiter)
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n'))
            {
                i += c == '\r' ? 1 : 0;
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                rowStarted = false;
            }
            else
            {
                field.Append(c);
            }
        }

        if (rowStarted)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
