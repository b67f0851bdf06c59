using System.Text;
using PiiExtProc.Scanning.Recognition;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Address objects (<c>"shipping_address": {"line1": ..., "city": ..., "pincode": ...}</c>): their street and city parts
/// are POSTAL_ADDRESS when both are in the record (a full address, Guardian rule B.3) and the record has a second list-B
/// item; a city or PIN code on its own and a lone full address stay as they are. Flat address fields outside an
/// address object: <see cref="FlatAddressTests"/>.
/// </summary>
public sealed class AddressObjectTests
{
    [Fact]
    public void Process_AddressObjectWithNameAndEmail_MasksStreetAndCityParts()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json,
            """[{"name":"Ravi Kumar","email":"ravi.kumar@example.com","shipping_address":{"line1":"12 MG Road","line2":"Near Metro","city":"Bengaluru","state":"Karnataka","pincode":"560001","type":"home"}}]""");

        Assert.Contains("\"line1\":\"[POSTAL_ADDRESS]\"", result.Text, StringComparison.Ordinal);
        Assert.Contains("\"line2\":\"[POSTAL_ADDRESS]\"", result.Text, StringComparison.Ordinal);
        Assert.Contains("\"city\":\"[POSTAL_ADDRESS]\"", result.Text, StringComparison.Ordinal);
        Assert.Contains("\"state\":\"[POSTAL_ADDRESS]\"", result.Text, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"home\"", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("MG Road", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bengaluru", result.Text, StringComparison.Ordinal);
        Assert.Equal(4, result.Entities().Count(e => e == PiiEntity.PostalAddress.Name));
        Assert.All(result.Findings.Where(f => f.Entity == PiiEntity.PostalAddress), f => Assert.Equal("address.parts", f.Recognizer));
        Assert.True(result.ContainsPii);
    }

    [Theory]
    [InlineData("street", "town")]
    [InlineData("addressLine1", "district")]
    [InlineData("address_line_1", "city")]
    [InlineData("street_address", "City")]
    [InlineData("house_no", "village")]
    [InlineData("landmark", "state")]
    public void Process_PartKeyVariants_AreStreetAndCityParts(string streetKey, string cityKey)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json,
            $$$"""{"email":"a.b@example.com","address":{"{{{streetKey}}}":"5 Park Street","{{{cityKey}}}":"Kolkata"}}""");

        Assert.DoesNotContain("Park", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kolkata", result.Text, StringComparison.Ordinal);
        Assert.Equal(2, result.Entities().Count(e => e == PiiEntity.PostalAddress.Name));
    }

    [Theory]
    [InlineData("""{"email":"a.b@example.com","address":{"city":"Pune","pincode":"411001"}}""")]
    [InlineData("""{"email":"a.b@example.com","address":{"line1":"Flat 4, Tower B"}}""")]
    [InlineData("""{"order_id":"OD1234","shipping_address":{"line1":"12 MG Road","city":"Bengaluru"}}""")]
    [InlineData("""{"name":"Ravi Kumar","office":{"line1":"Tower B","city":"Pune"}}""")]
    public void Process_NoFullAddressWithASecondItem_LeavesTheBodyAsItIs(string body)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.Equal(body, result.Text);
        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PostalAddress && f.Action == FindingAction.Redacted);
    }

    [Fact]
    public void Process_FullAddressAlone_IsBelowTheCombinationThreshold()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json,
            """{"order_id":"OD1234","shipping_address":{"line1":"12 MG Road","city":"Bengaluru"}}""");

        Assert.False(result.ContainsPii);
        Assert.Equal(2, result.Findings.Count(f => f.Entity == PiiEntity.PostalAddress && f.Action == FindingAction.BelowCombinationThreshold));
    }

    [Fact]
    public void Process_ArrayOfAddressObjects_PartsBelongToTheEnclosingRecord()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json,
            """[{"name":"Ravi Kumar","billing_address":[{"street_address":"5 Park St","town":"Kolkata"},{"line1":"7 Hill Rd","city":"Mumbai"}]},{"name":"Asha Rao","note":"n/a"}]""");

        Assert.DoesNotContain("Ravi", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Park", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Mumbai", result.Text, StringComparison.Ordinal);
        Assert.Contains("Asha Rao", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"email":"ravi.k@example.com","addresses":[{"type":"home"},{"line1":"12 MG Road","state":"Karnataka"}]}""")]
    [InlineData("""{"email":"ravi.k@example.com","name":[{"use":"old","text":"x"},{"given":"Karnataka","family":"Nair"}]}""")]
    public void Process_AddressOrNameObjectAfterACleanSibling_NotSkippedAsClean(string json)
    {
        // The clean-sibling skip proved the second object of an array of addresses (or names) clean: its members' part
        // roles (line1, state; given, family) exist only inside such an object, which the proof does not model; the
        // parts and the email went out.
        byte[] body = Encoding.UTF8.GetBytes(json);
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body, [0]);

        Assert.DoesNotContain("Karnataka", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ravi.k", result.Text, StringComparison.Ordinal);
        ScanComparison.AssertCleanProofAndValuePrefilterSkipNothing(body);
    }

    [Fact]
    public void Process_AddressesArray_IsAnArrayOfAddressObjects()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json,
            """{"name":"Ravi Kumar","addresses":[{"type":"home","line1":"12 MG Road","city":"Bengaluru"}],"email_addresses":["r.k@example.com"]}""");

        Assert.DoesNotContain("MG Road", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bengaluru", result.Text, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"home\"", result.Text, StringComparison.Ordinal);
        Assert.Equal(ValueRole.None, Scanners.Guardian.Detector.Keywords.ClassifyKey("email_addresses"u8).Role);
    }

    [Fact]
    public void Process_PartValuesWithoutLetters_AreNotParts()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json,
            """{"name":"Ravi Kumar","email":"a.b@example.com","address":{"line1":"12/4","city":"Pune"}}""");

        Assert.Contains("\"line1\":\"12/4\"", result.Text, StringComparison.Ordinal);
        Assert.Contains("\"city\":\"Pune\"", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_EveryTwoWaySplitAndKeyedFastPathOff_SameAsWhole()
    {
        string text = """[{"name":"Ravi Kumar","email":"ravi.kumar@example.com","shipping_address":{"line1":"12 MG Road","city":"Bengaluru","pincode":"560001"}},{"email":"x.y@example.com","address":{"city":"Pune"}},{"order_id":"OD1","address":[{"street":"5 Park St","town":"Kolkata"}]}]""";
        byte[] body = Encoding.UTF8.GetBytes(text);
        ScanResult whole = Scanners.Run(Scanners.Guardian, BodyFormat.Json, text);
        Assert.Equal(2, whole.Entities().Count(e => e == PiiEntity.PostalAddress.Name));
        Assert.Equal(2, whole.Findings.Count(f => f.Action == FindingAction.BelowCombinationThreshold && f.Entity == PiiEntity.PostalAddress));
        ScanComparison.AssertSplitsAndKeyedFastPathChangeNothing(body, whole);
    }

    [Theory]
    [InlineData("line1", "StreetPart")]
    [InlineData("addressLine2", "StreetPart")]
    [InlineData("house_number", "StreetPart")]
    [InlineData("street_address", "StreetPart")]
    [InlineData("City", "CityPart")]
    [InlineData("district", "CityPart")]
    [InlineData("pincode", "None")]
    [InlineData("city_code", "None")]
    public void ClassifyKey_AddressPartKeys_NameTheirPart(string key, string part) =>
        Assert.Equal(Enum.Parse<ValueRole>(part), Scanners.Guardian.Detector.Keywords.ClassifyKey(Encoding.UTF8.GetBytes(key)).MemberPartRole);
}
