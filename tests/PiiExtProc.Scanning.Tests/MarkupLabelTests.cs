using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PiiExtProc.Scanning.Recognition;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// HTML label/value layouts (order confirmations, invoices, admin pages): a text node that is a label naming a name or
/// an address, then the value in the next text node, on the same line or, pretty-printed, on the lines after. Before,
/// <c>&lt;td&gt;Name:&lt;/td&gt;&lt;td&gt;Ravi Kumar&lt;/td&gt;</c> and <c>&lt;p&gt;Name: Ravi Kumar&lt;/p&gt;</c> found no name, so the
/// email beside it stayed below the combination threshold and both went out in the clear.
/// </summary>
public sealed class MarkupLabelTests
{
    private const string Email = "<p>ravi.kumar@example.com</p>";

    [Theory]
    [InlineData("<table><tr><td>Name:</td><td>Ravi Kumar</td></tr></table>")]
    [InlineData("<table><tr><td>Customer Name</td><td>Ravi Kumar</td></tr></table>")]
    [InlineData("<table><tr><th>Name</th><td>Ravi Kumar</td></tr></table>")]
    [InlineData("<b>Name:</b> Ravi Kumar<br>")]
    [InlineData("<p>Name: Ravi Kumar</p>")]
    [InlineData("<p>Customer Name: Ravi Kumar<br/>Order: OD1234</p>")]
    [InlineData("<dl><dt>Name</dt><dd>Ravi Kumar</dd></dl>")]
    [InlineData("<label>Full name</label> <span class=\"v\">Ravi Kumar</span>")]
    [InlineData("<td>&nbsp;Name&nbsp;</td><td>&nbsp;Ravi Kumar</td>")]
    [InlineData("<p>name</p> Rajesh Kumar")]
    [InlineData("<td>Name:-</td><td>Ravi Kumar</td>")]
    [InlineData("<p><b>Customer Name :-</b> Ravi Kumar</p>")]
    public void Process_LabelThenValue_NameFoundAndCombinedWithTheEmail(string layout)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Markup, layout + Email);

        Assert.True(result.ContainsPii);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PersonName && f.Action == FindingAction.Redacted);
        Assert.DoesNotContain("Kumar", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ravi.kumar", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_PrettyPrintedTable_LabelsCarryToTheNextLines()
    {
        const string body = """
            <table>
              <tr>
                <td class="label">Customer Name</td>
                <td>Ravi Kumar</td>
              </tr>
              <tr>
                <td>
                  Shipping Address
                </td>
                <td>
                  12, MG Road, Indiranagar, Bengaluru 560038
                </td>
              </tr>
            </table>
            """;
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Markup, body);

        Assert.True(result.ContainsPii);
        Assert.Contains("<td>[PERSON_NAME]</td>", result.Text, StringComparison.Ordinal);
        Assert.Contains("      [POSTAL_ADDRESS]\n", result.Text.Replace("\r", ""), StringComparison.Ordinal);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(Scanners.Guardian, BodyFormat.Markup, Encoding.UTF8.GetBytes(body), result);
    }

    /// <summary>The same layouts inside a JSON string (an email API's <c>html</c> field) are read as an embedded document.</summary>
    [Fact]
    public void Process_HtmlInAJsonString_LabelValueFound()
    {
        string body = """{"to":"ops@example.com","html":"<table><tr><td>Name:</td><td>Ravi Kumar</td></tr><tr><td>Email</td><td>ravi.kumar@example.com</td></tr></table>"}""";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PersonName && f.Action == FindingAction.Redacted);
        Assert.DoesNotContain("Ravi Kumar", result.Text, StringComparison.Ordinal);
        ScanComparison.AssertSplitsAndKeyedFastPathChangeNothing(Encoding.UTF8.GetBytes(body), result);
    }

    /// <summary>A value after a text pair's key ends at a tag: <c>name: Ravi Kumar &lt;ravi@...&gt;</c> in a log line.</summary>
    [Fact]
    public void Process_TextPairValueEndsAtATag()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Text, "name: Ravi Kumar <ravi.kumar@example.com>");

        Assert.Equal("name: [PERSON_NAME] <[EMAIL_ADDRESS]>", result.Text);
    }

    [Theory]
    [InlineData("<table><tr><th>Customer Name</th><th>Order Status</th></tr></table>")]
    [InlineData("<table><tr><td>Name</td><td>Shipping Address</td></tr></table>")]
    [InlineData("<table><tr><td>Name:</td><td>Email:</td></tr></table>")]
    [InlineData("<dl><dt>Product Name</dt><dd>Steel Bottle</dd></dl>")]
    [InlineData("<p>Name</p><p>SKU-1234 x 2</p>")]
    [InlineData("<td>Name</td><td>Ravi</td>")]
    [InlineData("<p>Name</p><p>")]
    public void Process_NoLabelValuePair_NoName(string layout)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Markup, layout + Email);

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PersonName);
    }

    [Fact]
    public void Process_ValueBeyondTheGapLimit_NotReadUnderTheLabel()
    {
        string tags = string.Concat(Enumerable.Repeat("<span></span>", 8));
        string near = $"<td>Name</td>{tags}<td>Ravi Kumar</td>" + Email;
        string far = $"<td>Name</td>{tags}{tags}<td>Ravi Kumar</td>" + Email;
        string farAcrossLines = "<td>Name</td>\n" + string.Concat(Enumerable.Repeat("<tr>\n", 30)) + "<td>Ravi Kumar</td>\n" + Email;

        Assert.True(tags.Length <= Detector.MaxMarkupLabelGapBytes && 2 * tags.Length > Detector.MaxMarkupLabelGapBytes);
        Assert.Contains(Scanners.Run(Scanners.Guardian, BodyFormat.Markup, near).Findings, f => f.Entity == PiiEntity.PersonName);
        Assert.DoesNotContain(Scanners.Run(Scanners.Guardian, BodyFormat.Markup, far).Findings, f => f.Entity == PiiEntity.PersonName);
        Assert.DoesNotContain(Scanners.Run(Scanners.Guardian, BodyFormat.Markup, farAcrossLines).Findings, f => f.Entity == PiiEntity.PersonName);
    }

    /// <summary>A text node between the label's line and the value's line ends the carried label.</summary>
    [Fact]
    public void Process_TextBetweenLabelAndValueLines_EndsTheLabel()
    {
        string body = "<td>Name</td>\n<td>Order OD1234</td>\n<td>Ravi Kumar</td>\n" + Email;

        Assert.DoesNotContain(Scanners.Run(Scanners.Guardian, BodyFormat.Markup, body).Findings, f => f.Entity == PiiEntity.PersonName);
    }

    /// <summary>A label is a trimmed text node; any other text, leading spaces included, is no label (and no exception).</summary>
    [Theory]
    [InlineData("Name", true)]
    [InlineData("Customer Name :", true)]
    [InlineData("Name:-", true)]
    [InlineData("Name-", false)]
    [InlineData(" Name", false)]
    [InlineData("Name  x", false)]
    [InlineData("Full Customer Legal Name", false)]
    [InlineData(":", false)]
    [InlineData("", false)]
    public void MarkupLabelRole_LabelShapes(string label, bool isLabel) =>
        Assert.Equal(isLabel, Detector.MarkupLabelRole(Encoding.UTF8.GetBytes(label), Scanners.Guardian.Detector.Keywords) != ValueRole.None);

    private static readonly string[] s_pieces =
    [
        "<td>", "</td>", "<tr>", "</tr>", "<b>", "</b>", "<br>", "<p>", "</p>", "&nbsp;", " ", "  ", "\n", "\n    ",
        "Name", "Name:", "Customer Name", "Shipping Address", "Email", "Order Status", "Ravi Kumar", "Priya Sharma",
        "12, MG Road, Indiranagar, Bengaluru 560038", "ravi.kumar@example.com", "call 9876543210", "OD1234",
        "Name: Arjun Mehta", "<th>", "</th>", "<table>", "</table>", "Phone", "9876543210", "<td\n class=\"x\">",
        "<div class=\"customer-name\">", "</div>", "<span id=\"shippingAddress\">", "</span>", "<img src=\"/a.png\">",
    ];

    /// <summary>
    /// Seeded, 1,500 generated label layouts and tables over lines (MarkupTableTests): any chunking gives the whole
    /// body's output and findings.
    /// </summary>
    [Fact]
    public void Process_GeneratedLayouts_AnyChunkingSameAsWhole()
    {
        Arbitrary<(int Seed, int[] Cuts)> cases = Arb.From(
            from seed in Gen.Choose(0, int.MaxValue - 1)
            from cuts in Gen.ArrayOf(Gen.Choose(0, 48))
            select (seed, cuts));
        int named = 0;
        Property property = Prop.ForAll(cases, c =>
        {
            var random = new Random(c.Seed);
            var builder = new StringBuilder();
            for (int n = random.Next(4, 40); n > 0; n--)
            {
                builder.Append(s_pieces[random.Next(s_pieces.Length)]);
            }

            byte[] body = Encoding.UTF8.GetBytes(builder.ToString());
            ScanResult whole = Scanners.Run(Scanners.Guardian, BodyFormat.Markup, body, [body.Length]);
            named += whole.Findings.Any(f => f.Entity == PiiEntity.PersonName) ? 1 : 0;
            ScanComparison.AssertSameResult(whole, Scanners.Run(Scanners.Guardian, BodyFormat.Markup, body, c.Cuts.Append(0).ToArray()), "chunking", c.Cuts, body);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1500).WithReplay(20261123UL, 311UL), property);
        Assert.True(named > 300, $"only {named} bodies had a name");
    }
}
