using System.Text;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// HTML form controls of a page rendered with the customer's data (an internal app's profile or checkout page): the
/// control's <c>name</c> attribute names the value of <c>&lt;input value="..."&gt;</c> and of <c>&lt;textarea&gt;</c>.
/// A tag is read within one line (a markup body is scanned line by line).
/// </summary>
public sealed class HtmlFormControlTests
{
    private static readonly PiiScanner s_masks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance));

    private const string ProfilePage = """
        <form action="/profile" method="post">
          <label for="fullName">Full name</label>
          <input type="text" id="fullName" name="fullName" value="Ravi Kumar">
          <input type="email" name="email" value="ravi.kumar@example.com">
          <textarea name="shipping_address" rows="3">Flat 4B, Sea View, Bandra West, Mumbai 400050</textarea>
          <input type="hidden" name="csrf" value="a81f">
        </form>

        """;

    [Fact]
    public void Process_ProfilePage_NameEmailAndAddressMasked()
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Markup, ProfilePage);

        Assert.Equal("""
            <form action="/profile" method="post">
              <label for="fullName">Full name</label>
              <input type="text" id="fullName" name="fullName" value="RXXX KXXXX">
              <input type="email" name="email" value="raXXX@example.com">
              <textarea name="shipping_address" rows="3">[REDACTED_ADDRESS]</textarea>
              <input type="hidden" name="csrf" value="a81f">
            </form>

            """, result.Text);
    }

    [Theory]
    [InlineData("<INPUT VALUE='Ravi Kumar' TYPE=text NAME='customer_name'>")]
    [InlineData("<input value=\"Ravi Kumar\" name=\"customerName\"/>")]
    [InlineData("<input name = \"full_name\" value = \"Ravi Kumar\">")]
    [InlineData("<TextArea Name=\"name\">Ravi Kumar</TextArea>")]
    public void Process_AttributeOrderQuotesAndCase_NameFound(string control)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Markup, control + "\n<p>ravi.kumar@example.com</p>\n");

        Assert.DoesNotContain("Ravi Kumar", result.Text, StringComparison.Ordinal);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PersonName && f.Action == FindingAction.Redacted);
    }

    [Theory]
    [InlineData("<input name=\"product_name\" value=\"Steel Water Bottle\">")]
    [InlineData("<input name=\"search\" value=\"Ravi Kumar\">")]
    [InlineData("<input type=\"hidden\" name=\"name\" value=\"checkout\">")]
    [InlineData("<input data-name=\"fullName\" value=\"Ravi Kumar\">")]
    [InlineData("<input name=\"fullName\" placeholder=\"Your Name\">")]
    [InlineData("<textarea name=\"address\">Gift wrap please</textarea>")]
    [InlineData("<inputs name=\"fullName\" value=\"Ravi Kumar\">")]
    public void Process_ControlsWithoutAPersonalValue_NoNameOrAddress(string control)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Markup, control + "\n<p>ravi.kumar@example.com</p>\n");

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PersonName || f.Entity == PiiEntity.PostalAddress);
    }

    [Fact]
    public void Process_ProfilePageInEveryTwoWaySplit_SameAsWhole()
    {
        byte[] body = Encoding.UTF8.GetBytes(ProfilePage);
        ScanResult whole = Scanners.Run(s_masks, BodyFormat.Markup, body, [0]);

        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, BodyFormat.Markup, body, whole);
    }
}
