using System.Text;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// A street part and a PIN code in one record are a full address, as a street and a city are
/// (<c>RecordPartRules.PinCodePartOf</c>): Blue Dart's consignee block sends address lines and a PIN code and no city.
/// The PIN code keeps its own entity and operator; a PIN code and a city, or a PIN code alone, are still no address.
/// </summary>
public sealed class StreetAndPinCodeTests
{
    private const string BlueDart =
        """{"Consignee":{"ConsigneeName":"Ravi Kumar","ConsigneeAddress1":"Flat 4B, Lake View","ConsigneeAddress2":"Indiranagar","ConsigneeAddress3":"Bengaluru","ConsigneePincode":"560038","ConsigneeMobile":"9845012345"}}""";

    [Fact]
    public void Process_BlueDartConsignee_MasksTheAddressLines()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, BlueDart);

        Assert.True(result.ContainsPii);
        Assert.DoesNotContain("Lake View", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Indiranagar", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bengaluru", result.Text, StringComparison.Ordinal);
        Assert.Equal(3, result.Findings.Count(f => f.Entity == PiiEntity.PostalAddress && f.Action == FindingAction.Redacted));
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PinCode);
    }

    [Theory]
    [InlineData("""{"order_id":"OD1","address1":"12 MG Road","pincode":"560038"}""")]
    [InlineData("""{"order_id":"OD1","pincode":"560038","shipping":{"line1":"12 MG Road"}}""")]
    public void Process_StreetAndPinCodeAlone_FullAddressBelowTheThreshold(string body)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.Equal(body, result.Text);
        Assert.Single(result.Findings, f => f.Entity == PiiEntity.PostalAddress && f.Action == FindingAction.BelowCombinationThreshold);
    }

    [Theory]
    [InlineData("""{"email":"ravi.k@example.com","address1":"12 MG Road","otp":"560038"}""")]
    [InlineData("""{"email":"ravi.k@example.com","address1":"12 MG Road","zip":"5600"}""")]
    [InlineData("""[{"email":"ravi.k@example.com","address1":"12 MG Road"},{"pincode":"560038"}]""")]
    public void Process_NoPinCodeFindingInTheRecord_StreetStays(string body)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.Contains("12 MG Road", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PostalAddress);
    }

    [Fact]
    public void Process_CityAndPinCode_StillNoAddress()
    {
        const string body = """{"email":"ravi.k@example.com","address":{"city":"Pune","pincode":"411001"}}""";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.Contains("\"city\":\"Pune\"", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PostalAddress);
    }

    [Fact]
    public void Process_AttributeList_PinCodeCountsInTheEnclosingRecord()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json,
            """{"customer_id":"C1","attributes":[{"name":"address1","value":"12 MG Road"},{"name":"pincode","value":"560038"},{"name":"email","value":"ravi.k@example.com"}]}""");

        Assert.DoesNotContain("12 MG Road", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ravi.k@", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BodyFormat.FormUrlEncoded, "email=ravi.k%40example.com&address1=12+MG+Road&pincode=560038", "12+MG+Road")]
    [InlineData(BodyFormat.Text, "name=Ravi Kumar, street=12 MG Road, pincode=560038\n", "12 MG Road")]
    [InlineData(BodyFormat.Text, "Name: Ravi Kumar\nStreet: 12 MG Road\nPincode: 560038\n", "12 MG Road")]
    public void Process_OtherFormats_StreetAndPinCodeAreAFullAddress(BodyFormat format, string body, string street)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, format, body);

        Assert.DoesNotContain(street, result.Text, StringComparison.Ordinal);
        Assert.Contains("560038", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_EcomExpressFlatFields_DestinationCityIsACityPart()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json,
            """{"AWB_NUMBER":"1234567890","CONSIGNEE":"Ravi Kumar","CONSIGNEE_ADDRESS1":"12 MG Road","DESTINATION_CITY":"Bengaluru","MOBILE":"9845012345"}""");

        Assert.DoesNotContain("Ravi Kumar", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("MG Road", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bengaluru", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_BlueDartInAnyChunking_GivesTheSameOutput()
    {
        byte[] body = Encoding.UTF8.GetBytes(BlueDart);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(Scanners.Guardian, BodyFormat.Json, body, Scanners.Run(Scanners.Guardian, BodyFormat.Json, BlueDart));
    }
}
