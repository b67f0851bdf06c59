using System.Text;
using PiiExtProc.Scanning.Recognition;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Elements whose attributes say what their text is (<c>&lt;span class="customer-name"&gt;Ravi Kumar&lt;/span&gt;</c>,
/// <c>id="shippingAddress"</c>, <c>data-field="billing_name"</c>, <c>itemprop="givenName"</c>): server-rendered account
/// pages, order mails and admin panels show no label. Before, no name was found there, so the email beside it stayed
/// below the combination threshold and the whole record went out in the clear.
/// </summary>
public sealed class MarkupAttributeLabelTests
{
    private const string Email = "<p>ravi.kumar@example.com</p>";

    [Theory]
    [InlineData("<span class=\"customer-name\">Ravi Kumar</span>")]
    [InlineData("<div class=\"col-6 text-bold customer-name\">Ravi Kumar</div>")]
    [InlineData("<span class='customerName'>Ravi Kumar</span>")]
    [InlineData("<span class=customer_name>Ravi Kumar</span>")]
    [InlineData("<div id=\"customerName\"><strong>Ravi Kumar</strong></div>")]
    [InlineData("<td data-field=\"billing_name\">Ravi Kumar</td>")]
    [InlineData("<td data-testid=\"recipient-name\"> Ravi Kumar </td>")]
    [InlineData("<td class=\"col billing_name\"><i class=\"icon\"></i> Ravi Kumar</td>")]
    [InlineData("<span class=\"full-name\">Ravi Kumar</span>")]
    [InlineData("<div class=\"customer-name\"><span class=\"label\">Name:</span> Ravi Kumar</div>")]
    [InlineData("<div class=\"ship-to\">Ravi Kumar, 12 MG Road, Pune 411001</div>")]
    public void Process_AttributeLabelledElement_NameFoundAndCombinedWithTheEmail(string layout)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Markup, layout + Email);

        Assert.True(result.ContainsPii);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PersonName && f.Action == FindingAction.Redacted);
        Assert.DoesNotContain("Kumar", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ravi.kumar", result.Text, StringComparison.Ordinal);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(Scanners.Guardian, BodyFormat.Markup, Encoding.UTF8.GetBytes(layout + Email), result);
    }

    /// <summary>schema.org microdata: given and family name are a person's; the first and last name parts are masked.</summary>
    [Fact]
    public void Process_MicrodataNameParts_Masked()
    {
        const string body = "<div itemscope itemtype=\"https://schema.org/Person\"><span itemprop=\"givenName\">Ravi</span> "
            + "<span itemprop=\"familyName\">Kumar</span><span itemprop=\"email\">ravi.kumar@example.com</span></div>";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Markup, body);

        Assert.Contains("<span itemprop=\"givenName\">[PERSON_NAME]</span>", result.Text, StringComparison.Ordinal);
        Assert.Contains("<span itemprop=\"familyName\">[PERSON_NAME]</span>", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ravi.kumar", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<div class=\"shipping-address\">12 MG Road, Koramangala, Bengaluru 560034</div>", "<div class=\"shipping-address\">[POSTAL_ADDRESS]</div>")]
    [InlineData("<textarea name=\"delivery_address\">Flat 4B, Lake View, Pune 411001</textarea>", "<textarea name=\"delivery_address\">[POSTAL_ADDRESS]</textarea>")]
    [InlineData("<div class=\"ship-to\">Ravi Kumar<br>12 MG Road<br>Pune 411001</div>", "<div class=\"ship-to\">[PERSON_NAME]<br>[POSTAL_ADDRESS]<br>[POSTAL_ADDRESS]</div>")]
    public void Process_AttributeLabelledAddress_Masked(string layout, string expected)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Markup, "<p>Ravi Kumar</p>" + layout + Email);

        Assert.Contains(expected, result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ravi.kumar", result.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// A class, id or itemprop that does not say whose value it is labels nothing: product cards, store locators and
    /// listings (Magento's <c>class="product name product-item-name"</c>) use one-word and other owners' classes.
    /// </summary>
    [Theory]
    [InlineData("<span class=\"name\">Cotton Kurta</span>")]
    [InlineData("<h3 class=\"product name product-item-name\">Cotton Kurta Set</h3>")]
    [InlineData("<span itemprop=\"name\">Silk Saree</span>")]
    [InlineData("<div class=\"customer\">Customer Details</div>")]
    [InlineData("<div class=\"store-address\">12 MG Road, Bengaluru 560034</div>")]
    [InlineData("<span itemprop=\"streetAddress\">12 MG Road, Bengaluru 560034</span>")]
    [InlineData("<div class=\"address\">12 MG Road, Bengaluru 560034</div>")]
    [InlineData("<label for=\"customer-name\">Kiran Desai</label>")]
    [InlineData("<span title=\"customer-name\">Kiran Desai</span>")]
    public void Process_AttributeThatSaysNotWhose_NoName(string layout)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Markup, layout + Email);

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PersonName || f.Entity == PiiEntity.PostalAddress);
        Assert.Contains(layout, result.Text, StringComparison.Ordinal);
        Assert.Contains("ravi.kumar@example.com", result.Text, StringComparison.Ordinal);
    }

    /// <summary>The text must be inside the labelled element: an element closed before it labels nothing.</summary>
    [Theory]
    [InlineData("<div class=\"customer-name\"></div><p>Kiran Desai</p>")]
    [InlineData("<div class=\"customer-name\"><span></span></div><p>Kiran Desai</p>")]
    [InlineData("<div class=\"customer-name\"></div>\n<p>Kiran Desai</p>")]
    [InlineData("<div class=\"customer-name\">\n</div>\n<p>Kiran Desai</p>")]
    [InlineData("<div class=\"customer-name\"><img src=\"/a.png\"></div><p>Kiran Desai</p>")]
    public void Process_LabelledElementClosedBeforeTheText_NoName(string layout)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Markup, layout + Email);

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PersonName);
        Assert.Contains("Kiran Desai", result.Text, StringComparison.Ordinal);
    }

    /// <summary>Pretty-printed: the labelled start tag on its line, the text on the next; void elements between open nothing.</summary>
    [Fact]
    public void Process_PrettyPrinted_TextOnTheNextLine()
    {
        const string body = """
            <div class="order-summary">
              <div class="customer-name">
                <img src="/avatar.png"><br>
                Ravi Kumar
              </div>
              <p class="email">ravi.kumar@example.com</p>
            </div>
            """;
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Markup, body);

        Assert.Contains("    [PERSON_NAME]\n", result.Text.Replace("\r", ""), StringComparison.Ordinal);
        Assert.DoesNotContain("ravi.kumar", result.Text, StringComparison.Ordinal);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(Scanners.Guardian, BodyFormat.Markup, Encoding.UTF8.GetBytes(body), result);
    }

    /// <summary>A labelled start tag after text on its line: the text is on the next line.</summary>
    [Fact]
    public void Process_LabelledTagAfterTextOnItsLine_TextOnTheNextLine()
    {
        const string body = "<h2>Your order</h2><div class=\"customer-name\">\n  Ravi Kumar\n</div>\n" + Email;
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Markup, body);

        Assert.Contains("\n  [PERSON_NAME]\n", result.Text, StringComparison.Ordinal);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(Scanners.Guardian, BodyFormat.Markup, Encoding.UTF8.GetBytes(body), result);
    }

    /// <summary>An email API's <c>html</c> value is read as markup too.</summary>
    [Fact]
    public void Process_HtmlInAJsonString_AttributeLabelledNameFound()
    {
        string body = """{"to":"ravi.kumar@example.com","html":"<p>Order placed</p><span class=\"customer-name\">Ravi Kumar</span>"}""";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PersonName && f.Action == FindingAction.Redacted);
        Assert.DoesNotContain("Ravi Kumar", result.Text, StringComparison.Ordinal);
        ScanComparison.AssertSplitsAndKeyedFastPathChangeNothing(Encoding.UTF8.GetBytes(body), result);
    }

    [Theory]
    [InlineData("customer-name", "PersonName")]
    [InlineData("customerName", "PersonName")]
    [InlineData("cust_name", "PersonName")]
    [InlineData("first-name", "FirstName")]
    [InlineData("givenName", "FirstName")]
    [InlineData("surname", "LastName")]
    [InlineData("fullname", "PersonName")]
    [InlineData("shipping-address", "PostalAddress")]
    [InlineData("billing_city", "CityPart")]
    [InlineData("ship-to", "PartyName")]
    [InlineData("name", "None")]
    [InlineData("names", "None")]
    [InlineData("product-name", "None")]
    [InlineData("product-item-name", "None")]
    [InlineData("address", "None")]
    [InlineData("store-address", "None")]
    [InlineData("address-line-1", "None")]
    [InlineData("streetAddress", "None")]
    [InlineData("city", "None")]
    [InlineData("customer", "None")]
    [InlineData("username", "None")]
    [InlineData("customer-name-label", "None")]
    [InlineData("1customer-name", "None")]
    [InlineData("customer.name", "None")]
    [InlineData("", "None")]
    public void LabellingTokenRole_SaysWhose(string token, string expected) =>
        Assert.Equal(Enum.Parse<ValueRole>(expected), Detector.LabellingTokenRole(Encoding.UTF8.GetBytes(token), Scanners.Guardian.Detector.Keywords));
}
