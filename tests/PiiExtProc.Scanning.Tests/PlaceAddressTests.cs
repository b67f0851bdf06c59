using System.Text;
using PiiExtProc.Scanning.Recognition;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Keys that name a place (<c>location</c>, <c>delivery_location</c>, <c>dropLocation</c>, <c>dropoff</c>) or an address
/// under another word (<c>address_text</c>, <c>addr_str</c>), as delivery, ride and hyperlocal APIs send a customer's
/// drop point: a full address under them (an address's shape and a PIN code or a house number) is a POSTAL_ADDRESS.
/// Before, such keys named nothing, so a name and a home address beside it went out in the clear. A city, coordinates
/// or an address without a PIN code or house number under them is still no address.
/// </summary>
public sealed class PlaceAddressTests
{
    [Theory]
    [InlineData("location")]
    [InlineData("delivery_location")]
    [InlineData("dropLocation")]
    [InlineData("dropoff")]
    [InlineData("address_text")]
    [InlineData("addr_str")]
    public void Process_FullAddressUnderAPlaceKey_MaskedWithTheName(string key)
    {
        string body = $$$"""{"order":{"id":"OD1","customer_name":"Ravi Kumar","{{{key}}}":"Flat 4B, 12 MG Road, Koramangala, Bengaluru 560034"}}""";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.True(result.ContainsPii);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PostalAddress && f.Action == FindingAction.Redacted);
        Assert.DoesNotContain("MG Road", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ravi Kumar", result.Text, StringComparison.Ordinal);
        ScanComparison.AssertSplitsAndKeyedFastPathChangeNothing(Encoding.UTF8.GetBytes(body), result);
    }

    [Fact]
    public void Process_ArrayOfPlaces_EachFullAddressMasked()
    {
        const string body = """{"name":"Ravi Kumar","locations":["Flat 4B, 12 MG Road, Pune 411001","12 Park Street, Kolkata 700016"]}""";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.Equal(2, result.Findings.Count(f => f.Entity == PiiEntity.PostalAddress && f.Action == FindingAction.Redacted));
        ScanComparison.AssertSplitsAndKeyedFastPathChangeNothing(Encoding.UTF8.GetBytes(body), result);
    }

    [Theory]
    [InlineData("""{"name":"Ravi Kumar","location":"Koramangala, Bengaluru, Karnataka","email":"ravi.k@example.com"}""")]
    [InlineData("""{"name":"Ravi Kumar","location":"Pune","email":"ravi.k@example.com"}""")]
    [InlineData("""{"name":"Ravi Kumar","location":"12.9716,77.5946","email":"ravi.k@example.com"}""")]
    [InlineData("""{"name":"Ravi Kumar","location":{"lat":12.97,"lng":77.59,"label":"Home"},"email":"ravi.k@example.com"}""")]
    [InlineData("""{"name":"Ravi Kumar","order_location":"Flat 4B, 12 MG Road, Pune 411001","email":"ravi.k@example.com"}""")]
    [InlineData("""{"name":"Ravi Kumar","allocation":"12, 13, 14","email":"ravi.k@example.com"}""")]
    public void Process_NoFullAddressUnderAPlaceKey_NoAddress(string body)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PostalAddress);
    }

    /// <summary>Text pairs, markup labels and XML elements read a place key's full address as JSON does.</summary>
    [Theory]
    [InlineData(BodyFormat.Text, "Name: Ravi Kumar\nDelivery location: Flat 4B, 12 MG Road, Koramangala, Bengaluru 560034\n", "Delivery location: [POSTAL_ADDRESS]")]
    [InlineData(BodyFormat.Markup, "<td>Name</td><td>Ravi Kumar</td><td>Drop location</td><td>H.No 12-3, Banjara Hills, Hyderabad 500034</td>", "<td>Drop location</td><td>[POSTAL_ADDRESS]</td>")]
    [InlineData(BodyFormat.Markup, "<Name>Ravi Kumar</Name><DeliveryLocation>Flat 4B, 12 MG Road, Pune 411001</DeliveryLocation>", "<DeliveryLocation>[POSTAL_ADDRESS]</DeliveryLocation>")]
    public void Process_PlaceKeyInTextAndMarkup_FullAddressMasked(BodyFormat format, string body, string expected)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, format, body);

        Assert.Contains(expected, result.Text, StringComparison.Ordinal);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(Scanners.Guardian, format, Encoding.UTF8.GetBytes(body), result);
    }

    [Theory]
    [InlineData("Name: Ravi Kumar\nLocation: Koramangala, Bengaluru, Karnataka\nEmail: ravi.k@example.com\n")]
    [InlineData("Name: Ravi Kumar\nLocation: Pune\nEmail: ravi.k@example.com\n")]
    public void Process_PlaceKeyInTextWithoutAFullAddress_NoAddress(string body)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Text, body);

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PostalAddress);
    }

    [Theory]
    [InlineData("delivery_location", true)]
    [InlineData("dropLocation", true)]
    [InlineData("address_text", true)]
    [InlineData("location_id", false)]
    [InlineData("order_location", false)]
    [InlineData("addressLines", false)]
    [InlineData("addressLocality", false)]
    [InlineData("destination", false)]
    [InlineData("allocation", false)]
    public void ClassifyKey_PlaceKeys(string key, bool place) =>
        Assert.Equal(place, Scanners.Guardian.Detector.Keywords.ClassifyKey(Encoding.UTF8.GetBytes(key)).Role == ValueRole.PlaceAddress);
}
