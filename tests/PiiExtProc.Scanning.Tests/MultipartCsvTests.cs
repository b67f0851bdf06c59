using System.Text;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// CSV files uploaded in <c>multipart/form-data</c> bodies (a seller portal's bulk order or customer upload): a part
/// typed <c>text/csv</c>, or named <c>*.csv</c> / <c>*.tsv</c> whatever its type, is read as a CSV body: its header
/// row keys the fields of the rows after it, and each row is a record. Before, its lines were plain text: names and
/// bare mobiles went out, and an email alone stayed below the combination rule; a <c>.csv</c> sent as
/// <c>application/vnd.ms-excel</c> (Chrome on Windows with Excel installed) was not scanned at all.
/// </summary>
public sealed class MultipartCsvTests
{
    private static readonly PiiScanner s_masks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance));

    private static string Upload(string csv, string type = "text/csv", string fileName = "customers.csv") =>
        "--XyZ123\r\nContent-Disposition: form-data; name=\"seller_id\"\r\n\r\nS-1042\r\n"
        + $"--XyZ123\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{fileName}\"\r\nContent-Type: {type}\r\n\r\n{csv}\r\n"
        + "--XyZ123--\r\n";

    [Theory]
    [InlineData("text/csv", "customers.csv")]
    [InlineData("application/vnd.ms-excel", "customers.csv")]
    [InlineData("application/octet-stream", "CUSTOMERS.CSV")]
    [InlineData("text/plain", "orders.tsv")]
    [InlineData("text/csv", "upload")]
    public void Process_CsvPart_RowsReadUnderItsHeader(string type, string fileName)
    {
        string delimiter = fileName.EndsWith(".tsv", StringComparison.Ordinal) ? "\t" : ",";
        string csv = string.Join(delimiter, "name", "email", "mobile") + "\r\n" + string.Join(delimiter, "Ravi Kumar", "ravi.kumar@example.com", "9876543210");
        string body = Upload(csv, type, fileName);
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Multipart, body);

        string expected = string.Join(delimiter, "RXXX KXXXX", "raXXX@example.com", "98XXXXXX10");
        Assert.Contains("\r\n" + expected + "\r\n--XyZ123--", result.Text, StringComparison.Ordinal);
        Assert.Contains("S-1042", result.Text, StringComparison.Ordinal);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, BodyFormat.Multipart, Encoding.UTF8.GetBytes(body), result);
    }

    [Fact]
    public void Process_CsvPart_EachRowIsItsOwnRecord()
    {
        // A name in one row and an email in the next are one quasi-identifier each.
        string body = Upload("customer_name,email\r\nRavi Kumar,\r\n,ravi.kumar@example.com");
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Multipart, body);

        Assert.Equal(body, result.Text);
    }

    [Fact]
    public void Process_QuotedFieldsAndATitleLine_ReadAsInACsvBody()
    {
        string body = Upload("Customer Report\r\nName,Address,E-mail ID\r\nRavi Kumar,\"12 MG Road, Pune 411001\",ravi.kumar@example.com");
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Multipart, body);

        Assert.Contains("\r\nRXXX KXXXX,\"[REDACTED_ADDRESS]\",raXXX@example.com\r\n", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_FieldsBeforeTheFile_AreNotARecordWithItsRows()
    {
        // The seller's email field and a customer's name in the file's first row belong to different people.
        string body = "--XyZ123\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nseller@example.com\r\n"
            + "--XyZ123\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\nContent-Type: text/csv\r\n\r\ncustomer_name,city\r\nRavi Kumar,Pune\r\n"
            + "--XyZ123--\r\n";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Multipart, body);

        Assert.Equal(body, result.Text);
    }

    [Fact]
    public void Process_TwoCsvParts_EachReadUnderItsOwnHeader()
    {
        string body = "--XyZ123\r\nContent-Disposition: form-data; name=\"a\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\nsku,qty\r\nA-1,2\r\n"
            + "--XyZ123\r\nContent-Disposition: form-data; name=\"b\"; filename=\"b.csv\"\r\nContent-Type: text/csv\r\n\r\nname;email\r\nRavi Kumar;ravi.kumar@example.com\r\n"
            + "--XyZ123--\r\n";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Multipart, body);

        Assert.Contains("\r\nname;email\r\nRXXX KXXXX;raXXX@example.com\r\n", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_FieldsAfterTheFile_ReadAsFields()
    {
        string body = "--XyZ123\r\nContent-Disposition: form-data; name=\"a\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\nsku,qty\r\nA-1,2\r\n"
            + "--XyZ123\r\nContent-Disposition: form-data; name=\"customer_name\"\r\n\r\nRavi Kumar\r\n"
            + "--XyZ123\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nravi.kumar@example.com\r\n"
            + "--XyZ123--\r\n";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Multipart, body);

        Assert.Contains("\r\n\r\nRXXX KXXXX\r\n", result.Text, StringComparison.Ordinal);
        Assert.Contains("\r\n\r\nraXXX@example.com\r\n", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_QuotedFieldOverTwoLines_OneRowOneRecord()
    {
        // Multipart bodies are read line by line: a quoted field with a line break (an address typed with Alt+Enter in
        // Excel) is two pieces of one row, each scanned under its column, and the row is one record, so the name and the
        // email after the break are masked together; a doubled quote in a piece does not close the field. The first piece
        // alone ("12 MG Road,") is a street part, which the full address after the break completes.
        string body = Upload("name,address,email\r\nRavi Kumar,\"12 MG Road,\r\nKoramangala \"\"East\"\", Pune 411001\",ravi.kumar@example.com\r\nPriya Sharma,\"x\"\"y\",priya@example.in");
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Multipart, body);

        Assert.Contains(
            "\r\nname,address,email\r\nRXXX KXXXX,\"[REDACTED_ADDRESS]\r\n[REDACTED_ADDRESS]\",raXXX@example.com\r\nPXXXX SXXXXX,\"x\"\"y\",prXXX@example.in\r\n",
            result.Text,
            StringComparison.Ordinal);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, BodyFormat.Multipart, Encoding.UTF8.GetBytes(body), result);
    }

    [Fact]
    public void Process_PartEndsInsideAQuotedField_RowEndsThere()
    {
        // The unclosed row ends with its part: the email field after it is not one record with the row's name.
        string body = "--XyZ123\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\nContent-Type: text/csv\r\n\r\nname,note\r\nRavi Kumar,\"open\r\n"
            + "--XyZ123\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nravi.kumar@example.com\r\n--XyZ123--\r\n";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Multipart, body);

        Assert.Equal(body, result.Text);
    }

    [Fact]
    public void Process_BinaryFilePart_StillPassedThrough()
    {
        // The control: a file that is neither text nor named .csv is not scanned.
        string body = Upload("name,email\r\nRavi Kumar,ravi.kumar@example.com", "application/vnd.ms-excel", "customers.xls");
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Multipart, body);

        Assert.Equal(body, result.Text);
        Assert.Empty(result.Findings);
    }
}
