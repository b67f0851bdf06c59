using System.Text;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// CSV and TSV bodies (<see cref="BodyFormat.Csv"/>): each field is scanned with its column's header as its key, each
/// row is a record, quoted fields keep their delimiters and line breaks, a replacement that needs quotes gets them, and
/// chunking changes nothing.
/// </summary>
public sealed class CsvBodyTests
{
    private static readonly PiiScanner s_defaultMasks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance));

    private const string Export =
        "order_id,customer_name,email,mobile,city,pincode,amount\n" +
        "OD1234567890,Ravi Kumar,ravi.k@example.com,9876543210,Bengaluru,560001,499.00\n" +
        "OD1234567891,Priya Sharma,priya.s@example.com,9123456780,Pune,411001,1299.00\n";

    [Fact]
    public void Process_OrderExport_MasksEachRowByItsColumns()
    {
        ScanResult result = Scanners.Run(s_defaultMasks, BodyFormat.Csv, Export);

        Assert.Equal(
            "order_id,customer_name,email,mobile,city,pincode,amount\n" +
            "OD1234567890,RXXX KXXXX,raXXX@example.com,98XXXXXX10,Bengaluru,560001,499.00\n" +
            "OD1234567891,PXXXX SXXXXX,prXXX@example.com,91XXXXXX80,Pune,411001,1299.00\n",
            result.Text);
        Assert.True(result.ContainsPii);
    }

    [Fact]
    public void Process_SameBodyAsText_LeavesTheBareMobilesAndNames()
    {
        // The reason for the format: as text lines, a bare 10-digit number has no context word and a name no key.
        ScanResult asText = Scanners.Run(s_defaultMasks, BodyFormat.Text, Export);

        Assert.Contains("9876543210", asText.Text, StringComparison.Ordinal);
        Assert.Contains("Ravi Kumar", asText.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_EachRowIsItsOwnRecord()
    {
        // Row 2 has a name and no second quasi-identifier: it stays, although row 1 holds PII.
        ScanResult result = Scanners.Run(s_defaultMasks, BodyFormat.Csv,
            "name,email\r\nRavi Kumar,ravi.k@example.com\r\nPriya Sharma,\r\n");

        Assert.Equal("name,email\r\nRXXX KXXXX,raXXX@example.com\r\nPriya Sharma,\r\n", result.Text);
        PiiFinding priya = Assert.Single(result.Findings, f => f.Entity == PiiEntity.PersonName && f.Action == FindingAction.BelowCombinationThreshold);
        Assert.Equal("name,email\r\nRavi Kumar,ravi.k@example.com\r\n".Length, priya.Offset);
    }

    [Fact]
    public void Process_HeaderFieldsAreNotValues()
    {
        // "Customer Name" has the shape of a name; as a header it is the key of its column, never a finding.
        ScanResult result = Scanners.Run(s_defaultMasks, BodyFormat.Csv, "Customer Name,E-mail\nRavi Kumar,ravi.k@example.com\n");

        Assert.Equal("Customer Name,E-mail\nRXXX KXXXX,raXXX@example.com\n", result.Text);
        Assert.DoesNotContain(result.Findings, f => f.Offset < "Customer Name,E-mail\n".Length);
    }

    [Theory]
    [InlineData('\t')]
    [InlineData(';')]
    [InlineData('|')]
    public void Process_DelimiterIsReadFromTheHeader(char delimiter)
    {
        string d = delimiter.ToString();
        ScanResult result = Scanners.Run(s_defaultMasks, BodyFormat.Csv,
            $"name{d}phone{d}note\nRavi Kumar{d}9876543210{d}a, b\n");

        Assert.Equal($"name{d}phone{d}note\nRavi Kumar{d}98XXXXXX10{d}a, b\n", result.Text);
    }

    [Fact]
    public void Process_QuotedFields_KeepDelimitersQuotesAndLineBreaks()
    {
        string body =
            "id,shipping_address,full_name,email,note\n" +
            "1,\"12 MG Road,\nIndiranagar, Bengaluru 560038\",\"Ravi Kumar\",\"ravi.k@example.com\",\"said \"\"call 9876543210\"\"\"\n" +
            "2,x,y,z,w\n";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Csv, body);

        Assert.Equal(
            "id,shipping_address,full_name,email,note\n" +
            "1,\"[POSTAL_ADDRESS]\",\"[PERSON_NAME]\",\"[EMAIL_ADDRESS]\",\"said \"\"call [IN_MOBILE]\"\"\"\n" +
            "2,x,y,z,w\n",
            result.Text);
    }

    [Fact]
    public void Process_ReplacementWithDelimiterOrQuote_IsQuoted()
    {
        var options = Scanners.GuardianOptions(new ReplaceOperator("<hidden, \"pii\">"));
        ScanResult result = Scanners.Run(PiiScanner.Create(options), BodyFormat.Csv,
            "mobile,aadhaar,note\n9876543210,\"2345 6789 0124\",ok\n");

        // The field without quotes is written quoted; inside the quoted one, the quotes are doubled.
        Assert.Equal("mobile,aadhaar,note\n\"<hidden, \"\"pii\"\">\",\"<hidden, \"\"pii\"\">\",ok\n", result.Text);
    }

    [Fact]
    public void Process_NoHeaderKeys_StillFindsWhatNeedsNoKey()
    {
        // A CSV without a header: its first row's fields are scanned (without keys) like every other row's, so a
        // checksum-valid Aadhaar number there is masked.
        ScanResult result = Scanners.Run(s_defaultMasks, BodyFormat.Csv, "R1,2345 6789 0124\nR2,2345 6789 0124\n");

        Assert.Equal("R1,XXXX XXXX 0124\nR2,XXXX XXXX 0124\n", result.Text);
    }

    [Fact]
    public void Process_RowLongerThanTheRecordLimit_RestOfTheBodyIsText()
    {
        PiiScanner small = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance, maxRecordBytes: 1024));
        string body = "mobile,blob\n9876543210,x\n9876543211," + new string('a', 2000) + "\nmobile: 9876543212\n";
        ScanResult result = Scanners.Run(small, BodyFormat.Csv, body);

        Assert.StartsWith("mobile,blob\n98XXXXXX10,x\n9876543211,aaa", result.Text, StringComparison.Ordinal);
        Assert.EndsWith("\nmobile: 98XXXXXX12\n", result.Text, StringComparison.Ordinal);
        Assert.True(result.FellBackToText);
    }

    [Fact]
    public void Process_FindingsCoverTheFieldValue()
    {
        string body = "name,email\n \"Ravi Kumar\" , ravi.k@example.com\n";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Csv, body);

        PiiFinding name = Assert.Single(result.Findings, f => f.Entity == PiiEntity.PersonName);
        Assert.Equal("Ravi Kumar", body.Substring((int)name.Offset, name.Length));
        PiiFinding email = Assert.Single(result.Findings, f => f.Entity == PiiEntity.Email);
        Assert.Equal("ravi.k@example.com", body.Substring((int)email.Offset, email.Length));
    }

    [Fact]
    public void Process_JsonDocumentInAQuotedCell_ReadAsJsonAndQuotesKeptDoubled()
    {
        // A database export's JSON column: RFC 4180 doubles the document's quotes inside the quoted cell.
        const string Body =
            "order_id,metadata\n" +
            "OD1,\"{\"\"customer_name\"\":\"\"Ravi Kumar\"\",\"\"email\"\":\"\"ravi.k@example.com\"\",\"\"alt_mobile\"\":\"\"9876543210\"\"}\"\n";
        ScanResult result = Scanners.Run(s_defaultMasks, BodyFormat.Csv, Body);

        Assert.Equal(
            "order_id,metadata\n" +
            "OD1,\"{\"\"customer_name\"\":\"\"RXXX KXXXX\"\",\"\"email\"\":\"\"raXXX@example.com\"\",\"\"alt_mobile\"\":\"\"98XXXXXX10\"\"}\"\n",
            result.Text);
        PiiFinding name = Assert.Single(result.Findings, f => f.Entity == PiiEntity.PersonName);
        Assert.Equal("name.key", name.Recognizer);
    }

    [Fact]
    public void Process_JsonDocumentInATsvCell_ReadAsJson()
    {
        const string Body = "order_id\tpayload\nOD1\t{\"name\":\"Ravi Kumar\",\"email\":\"ravi.k@example.com\",\"mobile\":\"9876543210\"}\n";
        ScanResult result = Scanners.Run(s_defaultMasks, BodyFormat.Csv, Body);

        Assert.Equal("order_id\tpayload\nOD1\t{\"name\":\"RXXX KXXXX\",\"email\":\"raXXX@example.com\",\"mobile\":\"98XXXXXX10\"}\n", result.Text);
        Assert.All(result.Findings, f => Assert.Equal(0.95f, f.Score, 0.001f));
    }

    [Fact]
    public void Process_DoubledQuotesInACell_FindingCoversTheCell()
    {
        // Offsets inside the decoded cell are not body offsets: the finding covers the cell's raw value.
        const string Body = "id,note\n1,\"said \"\"call 9876543210\"\"\"\n";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Csv, Body);

        PiiFinding mobile = Assert.Single(result.Findings);
        Assert.Equal("said \"\"call 9876543210\"\"", Body.Substring((int)mobile.Offset, mobile.Length));
    }

    [Fact]
    public void Process_NoteRepeatsTheRowsNameAndEmail_RepeatsMasked()
    {
        // The note column names nothing, so its copies of the customer's name and email are found as repeats of the
        // row's own fields; the row is PII (name and email), so they go with it.
        ScanResult result = Scanners.Run(s_defaultMasks, BodyFormat.Csv,
            "name,email,note\r\nRavi Kumar,ravi.k@example.com,Called Ravi Kumar about delivery\r\n");

        Assert.Equal("name,email,note\r\nRXXX KXXXX,raXXX@example.com,Called RXXX KXXXX about delivery\r\n", result.Text);
        Assert.Single(result.Findings, f => f.Recognizer == "name.repeated" && f.Action == FindingAction.Redacted);
    }

    [Fact]
    public void Process_LaterRowRepeatsAName_MaskedOnlyWhenItsRowWasPii()
    {
        // Ravi Kumar's row is PII (name and email), Priya Sharma's is not (a name alone): a later note repeating both
        // masks Ravi Kumar's name and leaves Priya Sharma's, as her own row does.
        ScanResult result = Scanners.Run(s_defaultMasks, BodyFormat.Csv,
            "name,email,note\nRavi Kumar,ravi.k@example.com,\nPriya Sharma,,\n,,\"Ravi Kumar and Priya Sharma, same address\"\n");

        Assert.EndsWith(",,\"RXXX KXXXX and Priya Sharma, same address\"\n", result.Text, StringComparison.Ordinal);
        Assert.Equal(2, result.Findings.Count(f => f.Entity == PiiEntity.PersonName && f.Action == FindingAction.Redacted));
    }

    [Fact]
    public void Process_RowsAsCsvOrAsJsonRecords_SameFieldsMasked()
    {
        // The same rows as a CSV export and as a JSON array of records with the same keys: each field is masked alike,
        // repeats included (a note repeating an earlier row's name; a later row whose name column holds that name alone).
        string[] header = ["name", "email", "mobile", "note"];
        string[][] rows =
        [
            ["Ravi Kumar", "ravi.k@example.com", "", "first order"],
            ["Priya Sharma", "", "9123456780", "Called Ravi Kumar and Priya Sharma"],
            ["Ravi Kumar", "", "", "asked for ravi.k@example.com"],
            ["Anil Rao", "anil.rao@example.com", "", "Anil Rao again"],
        ];
        string csv = string.Join("\n", rows.Prepend(header).Select(row => string.Join(",", row))) + "\n";
        string json = "[" + string.Join(",", rows.Select(row =>
            "{" + string.Join(",", header.Select((key, i) => $"\"{key}\":\"{row[i]}\"")) + "}")) + "]";

        string[][] csvFields = [.. Scanners.Run(s_defaultMasks, BodyFormat.Csv, csv).Text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Select(line => line.Split(','))];
        using var document = System.Text.Json.JsonDocument.Parse(Scanners.Run(s_defaultMasks, BodyFormat.Json, json).Text);
        string[][] jsonFields = [.. document.RootElement.EnumerateArray()
            .Select(record => header.Select(key => record.GetProperty(key).GetString()!).ToArray())];

        Assert.Equal(jsonFields, csvFields);
        Assert.Equal("Called RXXX KXXXX and Priya Sharma", csvFields[1][3]);
    }

    [Fact]
    public void Process_EveryTwoWaySplit_SameAsWhole()
    {
        byte[] body = Encoding.UTF8.GetBytes(
            "name;phone;address;email\r\n\"Kumar; Ravi\";+91 98765 43210;\"12 MG Road,\r\nBengaluru 560001\";ravi.k@example.com\r\n" +
            "Priya Sharma;9123456780;\"a \"\"quoted\"\" note\";priya.s@example.com\r\n" +
            "Anil Rao;9988776655;\"{\"\"line1\"\":\"\"4 Park St\"\",\"\"city\"\":\"\"Kolkata\"\"}\";anil.rao@example.com\r\n" +
            ";;;;\"Anil Rao asked to mail priya.s@example.com\"\r\n");
        ScanResult whole = Scanners.Run(s_defaultMasks, BodyFormat.Csv, body, [0]);
        Assert.Equal(13, whole.Findings.Count(f => f.Action == FindingAction.Redacted));
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_defaultMasks, BodyFormat.Csv, body, whole);

        ScanComparison.AssertSameResult(whole, Scanners.Run(s_defaultMasks, BodyFormat.Csv, body, [1]), "byte by byte", [1], body);
    }
}
