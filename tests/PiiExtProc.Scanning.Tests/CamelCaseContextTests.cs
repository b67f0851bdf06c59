using System.Text;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Context words at camelCase humps (<c>Ascii.IsWordStart</c>, <c>Ascii.IsWordEnd</c>): the field names of Java and
/// Kotlin logs (<c>Order(customerMobile=...)</c>), of XML tags (<c>&lt;ConsigneeMobile&gt;</c>) and of query-style
/// log lines name what follows them, as <c>customer_mobile</c> does. A negative word before a camelCase compound head
/// (<c>orderNumber</c>) still decides; a word run together in one case (<c>CUSTOMERMOBILE</c>) has no hump.
/// </summary>
public sealed class CamelCaseContextTests
{
    [Theory]
    [InlineData("customerMobile=9845012345\n")]
    [InlineData("ConsigneeMobile: 9845012345\n")]
    [InlineData("buyerPhone 9845012345\n")]
    [InlineData("customer.mobileNo=9845012345\n")]
    [InlineData("2026-11-24 INFO Order(id=7, customerMobile=9845012345, status=NEW)\n")]
    [InlineData("contactNumber: 9845012345\n")]
    public void Process_TextCamelCaseFieldNamesAMobile_Masked(string body)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Text, body);

        Assert.DoesNotContain("9845012345", result.Text, StringComparison.Ordinal);
        Assert.Single(result.Findings, f => f.Entity == PiiEntity.IndianMobile);
    }

    [Theory]
    [InlineData("orderNumber=9845012345\n")]
    [InlineData("customerOrderNumber: 9845012345\n")]
    [InlineData("trackingNumber 9845012345\n")]
    [InlineData("CUSTOMERMOBILE=9845012345\n")]
    [InlineData("mobileAppVersionCode=9845012345\n")]
    public void Process_TextCamelCaseFieldNamesNoMobile_Kept(string body)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Text, body);

        Assert.Equal(body, result.Text);
        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.IndianMobile);
    }

    [Fact]
    public void Process_XmlCamelCaseTags_MaskTheMobileAndAadhaarContext()
    {
        const string body = "<Consignee><ConsigneeName>Ravi Kumar</ConsigneeName><ConsigneeMobile>9845012345</ConsigneeMobile></Consignee>";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Markup, body);

        Assert.DoesNotContain("9845012345", result.Text, StringComparison.Ordinal);
        Assert.StartsWith("<Consignee><ConsigneeName>", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_JsonLogMessageWithCamelCaseField_Masked()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json,
            """{"level":"INFO","message":"Updated Customer(customerId=42, alternatePhone=9845012345)"}""");

        Assert.DoesNotContain("9845012345", result.Text, StringComparison.Ordinal);
        Assert.Contains("customerId=42", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_CamelCaseLine_AnyChunkingSameAsWhole()
    {
        const string body = "Order(customerMobile=9845012345, orderNumber=9876543210, buyerPhone=9845012346)\n";
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(Scanners.Guardian, BodyFormat.Text, bytes, Scanners.Run(Scanners.Guardian, BodyFormat.Text, body));
    }
}
