using System.Text;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// CSV exports whose header row is not the first: a report's title and date lines, or Excel's <c>sep=;</c> line, come
/// first. Before, the title was taken for the header, so the real header was data and every field after it went out
/// without a key: names, emails (alone below the combination rule) and bare mobiles in the clear.
/// </summary>
public sealed class CsvPreambleTests
{
    private static readonly PiiScanner s_masks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance));

    [Theory]
    [InlineData("Order Report,,\nGenerated 2026-11-25,,\nCustomer Name,E-mail ID,Mobile No.\nRavi Kumar,ravi.kumar@example.com,9876543210\n",
        "Order Report,,\nGenerated 2026-11-25,,\nCustomer Name,E-mail ID,Mobile No.\nRXXX KXXXX,raXXX@example.com,98XXXXXX10\n")]
    [InlineData("Order Report\r\n\r\nCustomer Name;E-mail ID;Mobile No.\r\nRavi Kumar;ravi.kumar@example.com;9876543210\r\n",
        "Order Report\r\n\r\nCustomer Name;E-mail ID;Mobile No.\r\nRXXX KXXXX;raXXX@example.com;98XXXXXX10\r\n")]
    [InlineData("sep=;\nName;Email;Phone\nRavi Kumar;ravi.kumar@example.com;9876543210\n",
        "sep=;\nName;Email;Phone\nRXXX KXXXX;raXXX@example.com;98XXXXXX10\n")]
    [InlineData("sep=|\nName|Email\nRavi Kumar|ravi.kumar@example.com\n", "sep=|\nName|Email\nRXXX KXXXX|raXXX@example.com\n")]
    public void Process_HeaderAfterTitleLines_RowsReadUnderIt(string body, string expected)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Csv, body);

        Assert.Equal(expected, result.Text);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, BodyFormat.Csv, Encoding.UTF8.GetBytes(body), result);
    }

    [Theory]
    // A first row of two or more fields is the header even when its names say nothing: a data row is no header.
    [InlineData("id,sku,qty\n1,A,2\nMobile,Samsung,3\n9876543210,x,y\n")]
    // Rows that are data (an @, three digits in a row, one field, a field over 64 bytes) are not taken for the header.
    [InlineData("Order Report\nravi@example.com,Mobile\nx,9876543210\n")]
    [InlineData("Order Report\nRef 123,Mobile\nx,9876543210\n")]
    [InlineData("Order Report\nMobile\n9876543210\n")]
    [InlineData("Order Report\nName,Mobile xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nRavi Kumar,9876543210\n")]
    // Past the rows looked at (8 after the title line).
    [InlineData("Order Report\n-\n-\n-\n-\n-\n-\n-\n-\nName,Mobile\nRavi Kumar,9876543210\n")]
    public void Process_NoHeaderFound_RowsUnkeyed(string body)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Csv, body);

        Assert.Equal(body, result.Text);
    }

    [Fact]
    public void Process_HeaderWithinTheRowsLookedAt_Found()
    {
        // The control for the limit above: one title line fewer.
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Csv, "Order Report\n-\n-\n-\n-\n-\n-\n-\nName,Mobile\nRavi Kumar,9876543210\n");

        Assert.EndsWith("Name,Mobile\nRavi Kumar,98XXXXXX10\n", result.Text, StringComparison.Ordinal);
    }
}
