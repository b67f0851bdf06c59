using System.Text;
using PiiExtProc.Scanning.Sessions;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// HTML tables under a header row (an admin page's customer list, an emailed report): each data cell is scanned under
/// its column's header, as a CSV field is. Before, a bare <c>9876543210</c> under a <c>Phone</c> header had no context
/// word near it and went out in the clear, and so did the names and emails beside it (one record, but names unfound).
/// </summary>
public sealed class MarkupTableTests
{
    private const string Customers =
        "<table><tr><th>Customer Name</th><th>Phone</th><th>Email</th><th>Order</th></tr>"
        + "<tr><td>Ravi Kumar</td><td>9876543210</td><td>ravi.kumar@example.com</td><td>OD1234</td></tr>"
        + "<tr><td>Priya Sharma</td><td>9123456780</td><td>priya.s@example.com</td><td>OD1235</td></tr></table>";

    [Fact]
    public void Process_HeaderRow_DataCellsReadUnderTheirColumns()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Markup, Customers);

        Assert.Equal(2, result.Findings.Count(f => f.Entity == PiiEntity.IndianMobile));
        Assert.Equal(2, result.Findings.Count(f => f.Entity == PiiEntity.PersonName && f.Action == FindingAction.Redacted));
        Assert.DoesNotContain("43210", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kumar", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("priya.s@", result.Text, StringComparison.Ordinal);
        Assert.Contains("<td>OD1234</td>", result.Text, StringComparison.Ordinal);
        Assert.Contains("<th>Phone</th>", result.Text, StringComparison.Ordinal);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(Scanners.Guardian, BodyFormat.Markup, Encoding.UTF8.GetBytes(Customers), result);
    }

    [Fact]
    public void Process_PrettyPrintedTable_CellsOnTheirOwnLinesReadUnderTheirColumns()
    {
        const string body = """
            <table>
              <thead>
                <tr>
                  <th>Name</th>
                  <th>
                    Mobile
                  </th>
                  <th>Email</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td>Ravi Kumar</td>
                  <td
                    class="num">
                    9876543210
                  </td>
                  <td>ravi.kumar@example.com</td>
                </tr>
              </tbody>
            </table>
            """;
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Markup, body);

        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.IndianMobile);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PersonName && f.Action == FindingAction.Redacted);
        Assert.DoesNotContain("43210", result.Text, StringComparison.Ordinal);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(Scanners.Guardian, BodyFormat.Markup, Encoding.UTF8.GetBytes(body), result);
    }

    /// <summary>
    /// Cells are only read under a header: without one (a first row with a <c>td</c>, a row header, another table, a cell
    /// past the last header column, a header that names nothing), a bare number stays a bare number. A filler paragraph
    /// keeps the header word out of the context window before the number (<c>F</c> in the bodies).
    /// </summary>
    [Theory]
    [InlineData("<table><tr><td>Phone</td><td>Ravi</td></tr>F<tr><td>9876543210</td><td>x</td></tr></table>",
        "<table><tr><th>Phone</th><th>Name</th></tr>F<tr><td>9876543210</td><td>x</td></tr></table>")]
    [InlineData("<table><tr><th>Phone</th><td>Ravi</td></tr>F<tr><td>9876543210</td><td>x</td></tr></table>",
        "<table><tr><th>Phone</th><th>Name</th></tr>F<tr><td>9876543210</td><td>x</td></tr></table>")]
    [InlineData("<table><tr><th>Phone</th></tr></table>F<table><tr><td>9876543210</td></tr></table>",
        "<table><tr><th>Phone</th></tr>F<tr><td>9876543210</td></tr></table>")]
    [InlineData("<table><tr><th>Phone</th></tr>F<tr><td>x</td><td>9876543210</td></tr></table>",
        "<table><tr><th>Phone</th></tr>F<tr><td>9876543210</td><td>x</td></tr></table>")]
    [InlineData("<table><tr><th>Product Name</th><th>SKU</th></tr>F<tr><td>Steel Bottle</td><td>9876543210</td></tr></table>", null)]
    public void Process_NoHeaderForTheCell_NotKeyed(string template, string? controlTemplate)
    {
        const string Filler = "<p>lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do</p>";
        string body = template.Replace("F", Filler, StringComparison.Ordinal);
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Markup, body);

        Assert.Empty(result.Findings);
        Assert.Equal(body, result.Text);
        if (controlTemplate is not null)
        {
            // The control: the same number under a header row of its own, with the same filler, is read as a phone.
            string control = controlTemplate.Replace("F", Filler, StringComparison.Ordinal);
            Assert.Contains(Scanners.Run(Scanners.Guardian, BodyFormat.Markup, control).Findings, f => f.Entity == PiiEntity.IndianMobile);
        }
    }

    [Fact]
    public void Process_MoreColumnsThanKept_CellsPastTheLimitNotKeyed()
    {
        var header = new StringBuilder("<table><tr>");
        var row = new StringBuilder("<tr>");
        for (int c = 0; c <= BodyScanSession.MaxMarkupTableColumns; c++)
        {
            header.Append("<th>Phone</th>");
            row.Append("<td>9876543210</td>");
        }

        string body = header.Append("</tr>").Append(row).Append("</tr></table>").ToString();
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Markup, body);

        Assert.Equal(BodyScanSession.MaxMarkupTableColumns, result.Findings.Count(f => f.Entity == PiiEntity.IndianMobile));
        Assert.EndsWith("<td>9876543210</td></tr></table>", result.Text, StringComparison.Ordinal);
    }

    /// <summary>A pooled session starts each body without the previous body's table header.</summary>
    [Fact]
    public void RentSession_AfterAHeaderRow_NextBodyHasNoHeader()
    {
        PiiScanner scanner = PiiScanner.Create(Scanners.GuardianOptions());
        BodyScanSession first = scanner.RentSession(BodyFormat.Markup);
        first.Process("<table><tr><th>Phone</th></tr>\n<tr><td>"u8, isFinal: false, new System.Buffers.ArrayBufferWriter<byte>());
        first.Dispose();

        BodyScanSession second = scanner.RentSession(BodyFormat.Markup);
        Assert.Same(first, second);
        ScanResult result = Scanners.Run(second, "9876543210</td></tr>\n<tr><td>9876543210</td></tr>"u8.ToArray(), [0]);

        Assert.Empty(result.Findings);
    }
}
