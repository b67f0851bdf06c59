using System.Text;
using PiiExtProc.Scanning.Recognition;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Flat address fields of a record, with no address object (<c>{"name": ..., "address1": ..., "city": ...}</c>, the shape
/// of most storefront and courier APIs): a street field (<c>street</c>, <c>address_line_1</c>, <c>address1</c>, an
/// <c>address</c> too short to be a full address) and a city field (<c>city</c>, <c>town</c>, <c>shipping_city</c>) are
/// a full address together (Guardian rule B.3), masked when the record has a second list-B item. A city alone, keys
/// that name other things outside an address object (<c>state</c>, <c>line</c>, <c>pickup_city</c>) and a lone full
/// address stay as they are.
/// </summary>
public sealed class FlatAddressTests
{
    [Theory]
    [InlineData("""{"name":"Ravi Kumar","street":"12 MG Road","city":"Bengaluru","pincode":"560001"}""", "12 MG Road", "Bengaluru")]
    [InlineData("""{"customer_name":"Ravi Kumar","address":"12 MG Road, Indiranagar","city":"Bengaluru","state":"Karnataka"}""", "12 MG Road, Indiranagar", "Bengaluru")]
    [InlineData("""{"name":"Ravi Kumar","address1":"Flat 4B, Lake View","address2":"Indiranagar","city":"Bengaluru","zip":"560038"}""", "Flat 4B, Lake View", "Bengaluru")]
    [InlineData("""{"full_name":"Ravi Kumar","address_line_1":"12 MG Road","town":"Bengaluru"}""", "12 MG Road", "Bengaluru")]
    [InlineData("""{"full_name":"Ravi Kumar","shipping_street":"12 MG Road","shipping_city":"Bengaluru"}""", "12 MG Road", "Bengaluru")]
    [InlineData("""{"email":"ravi.k@example.com","billing_address_line1":"12 MG Road","billing_city":"Bengaluru"}""", "12 MG Road", "Bengaluru")]
    [InlineData("""[{"email":"ravi.k@example.com","customer":{"house_no":"Flat 7","landmark":"Near City Mall","district":"Pune"}}]""", "Near City Mall", "Pune")]
    [InlineData("""{"shipments":[{"name":"Ravi Kumar","add":"12 MG Road, Kothrud","pin":"411038","phone":"9876543210","city":"Pune"}]}""", "12 MG Road, Kothrud", "Pune")]
    // Amazon India's order report columns and ERP ship-to fields: "ship" and run-together "ShipTo" say whose address it is.
    [InlineData("""{"buyer-name":"Ravi Kumar","ship-address-1":"12 MG Road","ship-city":"Bengaluru","ship-postal-code":"560034"}""", "12 MG Road", "Bengaluru")]
    [InlineData("""{"ShipToName":"Ravi Kumar","ShipToAddress1":"12 MG Road","ShipToCity":"Bengaluru","ShipToZip":"560034"}""", "12 MG Road", "Bengaluru")]
    [InlineData("""{"email":"ravi.k@example.com","bill_to_street":"12 MG Road","bill_city":"Bengaluru"}""", "12 MG Road", "Bengaluru")]
    public void Process_FlatStreetAndCityWithASecondItem_MasksBoth(string body, string street, string city)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.True(result.ContainsPii);
        Assert.DoesNotContain(street, result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain($"\"{city}\"", result.Text, StringComparison.Ordinal);
        Assert.Contains("\"[POSTAL_ADDRESS]\"", result.Text, StringComparison.Ordinal);
        Assert.All(result.Findings.Where(f => f.Entity == PiiEntity.PostalAddress), f => Assert.Equal("address.parts", f.Recognizer));
    }

    [Fact]
    public void Process_FlatRecord_LeavesStateAndPinCodeFields()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json,
            """{"name":"Ravi Kumar","address1":"12 MG Road","address2":"Indiranagar","city":"Bengaluru","state":"Karnataka","country":"IN"}""");

        Assert.Equal(
            """{"name":"[PERSON_NAME]","address1":"[POSTAL_ADDRESS]","address2":"[POSTAL_ADDRESS]","city":"[POSTAL_ADDRESS]","state":"Karnataka","country":"IN"}""",
            result.Text);
    }

    [Theory]
    [InlineData("""{"name":"Rajesh Kumar","email":"rajesh.kumar@email.com","city":"Mumbai"}""")]
    [InlineData("""{"name":"Ravi Kumar","address":"Indiranagar"}""")]
    [InlineData("""{"name":"Ravi Kumar","street":"12 MG Road","state":"Karnataka","line":"Express"}""")]
    [InlineData("""{"name":"Ravi Kumar","street":"12 MG Road","pickup_city":"Pune","lake_city":"Bhopal"}""")]
    [InlineData("""{"store":"Big Bazaar","city":"Pune","order_id":"OD123456789012"}""")]
    [InlineData("""{"name":"Ravi Kumar","email":"ravi.k@example.com","street_light":"on","city_code":"PNQ"}""")]
    [InlineData("""{"name":"Ravi Kumar","email":"ravi.k@example.com","add_on":"Gift wrap","add_to_cart":"Steel bottle","items_to_add":"Steel bottle, Bengaluru","city":"Pune"}""")]
    public void Process_NoFullFlatAddress_LeavesAddressFieldsAsTheyAre(string body)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PostalAddress && f.Action == FindingAction.Redacted);
        Assert.DoesNotContain("[POSTAL_ADDRESS]", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_FlatFullAddressAlone_IsBelowTheCombinationThreshold()
    {
        string body = """{"warehouse":{"street":"Plot 7, MIDC","city":"Pune"},"sku":"SKU-12345"}""";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.Equal(body, result.Text);
        Assert.False(result.ContainsPii);
        Assert.Equal(2, result.Findings.Count(f => f.Entity == PiiEntity.PostalAddress && f.Action == FindingAction.BelowCombinationThreshold));
    }

    [Fact]
    public void Process_ArrayOfLinesInAnAddressObject_EachLineIsAStreetPart()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json,
            """{"name":"Ravi Kumar","shipping_address":{"lines":["12 MG Road","Indiranagar"],"city":"Bengaluru","pincode":"560038"}}""");

        Assert.Contains("\"lines\":[\"[POSTAL_ADDRESS]\",\"[POSTAL_ADDRESS]\"]", result.Text, StringComparison.Ordinal);
        Assert.Contains("\"city\":\"[POSTAL_ADDRESS]\"", result.Text, StringComparison.Ordinal);
        Assert.Equal(3, result.Entities().Count(e => e == PiiEntity.PostalAddress.Name));
    }

    [Fact]
    public void Process_AddressObjectNestedInAnAddressObject_StaysAnAddressObject()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json,
            """{"name":"Ravi Kumar","shipping_address":{"address":{"line1":"12 MG Road","city":"Bengaluru"},"type":"home"}}""");

        Assert.Contains("{\"line1\":\"[POSTAL_ADDRESS]\",\"city\":\"[POSTAL_ADDRESS]\"}", result.Text, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"home\"", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_FlatRecordsInEveryTwoWaySplitAndKeyedFastPathOff_SameAsWhole()
    {
        string text = """[{"name":"Ravi Kumar","address":"12 MG Road","city":"Bengaluru"},{"email":"x.y@example.com","city":"Pune"},{"sku":"A1","street":"5 Park St","town":"Kolkata"}]""";
        byte[] body = Encoding.UTF8.GetBytes(text);
        ScanResult whole = Scanners.Run(Scanners.Guardian, BodyFormat.Json, text);
        Assert.Equal(2, whole.Entities().Count(e => e == PiiEntity.PostalAddress.Name));
        Assert.Equal(2, whole.Findings.Count(f => f.Action == FindingAction.BelowCombinationThreshold && f.Entity == PiiEntity.PostalAddress));
        ScanComparison.AssertSplitsAndKeyedFastPathChangeNothing(body, whole);
    }

    [Theory]
    [InlineData("street", "StreetPart")]
    [InlineData("streetAddress", "PostalAddress")]
    [InlineData("address1", "StreetPart")]
    [InlineData("address_line_2", "StreetPart")]
    [InlineData("billing_address_line1", "StreetPart")]
    [InlineData("flat_no", "StreetPart")]
    [InlineData("City", "CityPart")]
    [InlineData("shipping_city", "CityPart")]
    [InlineData("delivery_town", "CityPart")]
    [InlineData("pickup_city", "None")]
    [InlineData("lake_city", "None")]
    [InlineData("state", "None")]
    [InlineData("line1", "None")]
    [InlineData("area", "None")]
    [InlineData("city_code", "None")]
    [InlineData("ship-address-1", "StreetPart")]
    [InlineData("ship_city", "CityPart")]
    [InlineData("ShipToCity", "CityPart")]
    [InlineData("BillToAddress2", "StreetPart")]
    [InlineData("ship_to_state", "None")]
    [InlineData("shipper_city", "None")]
    [InlineData("ship_mode", "None")]
    public void ClassifyKey_FlatAddressKeys_NameTheirRole(string key, string role) =>
        Assert.Equal(Enum.Parse<ValueRole>(role), Scanners.Guardian.Detector.Keywords.ClassifyKey(Encoding.UTF8.GetBytes(key)).Role);
}
