using System.Text;
using PiiExtProc.Scanning.Recognition;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Address holder keys (<c>shipping</c>, <c>billing</c>, <c>delivery</c>, <c>shipping_details</c>...;
/// <see cref="ValueRole.AddressHolder"/>): the object under one is an address object for the part keys that name nothing
/// else there (<c>line1</c>, <c>city</c>, <c>locality</c>), not for <c>state</c>, <c>area</c>, <c>unit</c> or <c>line</c>;
/// a string under one is no address. The same parts count in a party's object (<c>"consignee": {"name": ...,
/// "line1": ..., "city": ...}</c>). Also the part keys of PayPal (<c>admin_area_2</c>), schema.org
/// (<c>addressLocality</c>) and Google (<c>administrativeArea</c>, <c>sublocality</c>) address objects.
/// </summary>
public sealed class AddressHolderTests
{
    [Fact]
    public void Process_ShippingObjectWithLines_MasksStreetAndCityParts()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json,
            """{"order_id":"ORD-1001","email":"ravi.k@example.com","shipping":{"name":"Ravi Kumar","line1":"12 MG Road","line2":"Indiranagar","city":"Bengaluru","state":"Karnataka","pincode":"560038","method":"express"}}""");

        Assert.True(result.ContainsPii);
        Assert.Contains("\"line1\":\"[POSTAL_ADDRESS]\"", result.Text, StringComparison.Ordinal);
        Assert.Contains("\"line2\":\"[POSTAL_ADDRESS]\"", result.Text, StringComparison.Ordinal);
        Assert.Contains("\"city\":\"[POSTAL_ADDRESS]\"", result.Text, StringComparison.Ordinal);
        Assert.Contains("\"state\":\"Karnataka\"", result.Text, StringComparison.Ordinal);
        Assert.Contains("\"method\":\"express\"", result.Text, StringComparison.Ordinal);
        Assert.Equal(3, result.Findings.Count(f => f.Entity == PiiEntity.PostalAddress && f.Recognizer == "address.parts"));
    }

    [Theory]
    [InlineData("shipping")]
    [InlineData("billing")]
    [InlineData("delivery")]
    [InlineData("mailing")]
    [InlineData("correspondence")]
    [InlineData("residence")]
    [InlineData("shipping_details")]
    [InlineData("deliveryInfo")]
    [InlineData("BillingInformation")]
    [InlineData("delivery_data")]
    public void Process_HolderKeys_HoldAddressObjects(string holder)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json,
            $$$"""{"name":"Ravi Kumar","{{{holder}}}":{"line1":"12 MG Road","locality":"Indiranagar","city":"Bengaluru"}}""");

        Assert.DoesNotContain("MG Road", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Indiranagar", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bengaluru", result.Text, StringComparison.Ordinal);
        Assert.Equal(3, result.Findings.Count(f => f.Entity == PiiEntity.PostalAddress && f.Action == FindingAction.Redacted));
    }

    [Theory]
    [InlineData("office")]
    [InlineData("pickup")]
    [InlineData("home")]
    [InlineData("permanent")]
    [InlineData("shipping_method")]
    [InlineData("billings")]
    public void Process_OtherObjectKeys_HoldNoAddressObject(string key)
    {
        string body = $$$"""{"name":"Ravi Kumar","{{{key}}}":{"line1":"Tower B","locality":"Hinjewadi","state":"Maharashtra"}}""";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.Equal(body, result.Text);
        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PostalAddress);
    }

    [Theory]
    [InlineData("""{"name":"Ravi Kumar","email":"ravi.k@example.com","billing":{"plan":"pro","state":"active","unit":"seat","area":"north","region":"west","line":"3"}}""")]
    [InlineData("""{"name":"Ravi Kumar","email":"ravi.k@example.com","delivery":{"slot":"evening","area":"Koramangala","block":"C","floor":"2"}}""")]
    [InlineData("""{"name":"Ravi Kumar","email":"ravi.k@example.com","billing":{"lines":["Kurta","Dupatta"],"state":"paid"}}""")]
    public void Process_HolderObjectWithOtherMeaningsOfPartWords_StaysAsItIs(string body)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PostalAddress);
        string expected = body.Replace("Ravi Kumar", "[PERSON_NAME]", StringComparison.Ordinal)
            .Replace("ravi.k@example.com", "[EMAIL_ADDRESS]", StringComparison.Ordinal);
        Assert.Equal(expected, result.Text);
    }

    [Theory]
    [InlineData("""{"name":"Ravi Kumar","email":"ravi.k@example.com","shipping":"express","city":"Pune"}""")]
    [InlineData("""{"name":"Ravi Kumar","email":"ravi.k@example.com","billing":"12 MG Road","city":"Pune"}""")]
    [InlineData("""{"name":"Ravi Kumar","email":"ravi.k@example.com","delivery":["12 MG Road"],"town":"Pune"}""")]
    public void Process_StringUnderHolderKey_IsNoStreetPart(string body)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PostalAddress);
    }

    [Fact]
    public void Process_HolderKeyNumber_KeepsItsMeaning()
    {
        // A holder key is no role for a number: digit recognizers read it as under any key that names nothing.
        ScanResult holder = Scanners.Run(Scanners.Guardian, BodyFormat.Json, """{"billing":9876543210,"note":"x"}""");
        ScanResult plain = Scanners.Run(Scanners.Guardian, BodyFormat.Json, """{"billinx":9876543210,"note":"x"}""");

        Assert.Equal(plain.Findings.Select(f => f.Entity.Name), holder.Findings.Select(f => f.Entity.Name));
    }

    [Theory]
    [InlineData("""{"order_id":"OD1234","shipping":{"line1":"12 MG Road","admin_area_2":"Bengaluru"}}""")]
    [InlineData("""[{"sku":"SKU-1"},{"sku":"SKU-2","delivery":{"line1":"12 MG Road","taluk":"Mulshi"}}]""")]
    [InlineData("""{"items":[{"sku":"SKU-1"}],"billing":{"address_line_2":"Indiranagar","province":"Karnataka"}}""")]
    [InlineData("""[{"sku":"SKU-1"},{"sku":"SKU-2","delivery":{"line1":"12 MG Road","taluk":"Mulshi"}},{"contact":"ravi.k@example.com"}]""")]
    [InlineData("""{"a":{"sku":"SKU-1"},"delivery":{"line1":"12 MG Road","taluk":"Mulshi"},"c":"first\nsecond"}""")]
    public void Process_FullAddressInHolderObjectAlone_IsFoundBelowTheThreshold(string body)
    {
        // Nothing else to find: neither the clean-body proof nor the clean-sibling skip (the whole-body proof fails at the
        // '@' or the escape) may pass over the holder's object.
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.Equal(body, result.Text);
        Assert.Equal(2, result.Findings.Count(f => f.Entity == PiiEntity.PostalAddress && f.Action == FindingAction.BelowCombinationThreshold));
    }

    [Fact]
    public void Process_PartyObjectWithAddressParts_MasksThemWithTheName()
    {
        // A courier's consignee block: name, street lines and city in the party's object.
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json,
            """{"awb":"1234567890123","consignee":{"name":"Ravi Kumar","line1":"12 MG Road","locality":"Indiranagar","city":"Bengaluru","state":"KA","pincode":"560038"}}""");

        Assert.True(result.ContainsPii);
        Assert.DoesNotContain("MG Road", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Indiranagar", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bengaluru", result.Text, StringComparison.Ordinal);
        Assert.Contains("\"state\":\"KA\"", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_PartyObjectWithOtherMeaningsOfPartWords_KeepsThem()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json,
            """{"driver":{"name":"Suresh Babu","email":"suresh.b@example.com","state":"online","area":"Zone 4","unit":"bike"}}""");

        Assert.True(result.ContainsPii);
        Assert.Contains("\"state\":\"online\",\"area\":\"Zone 4\",\"unit\":\"bike\"", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PostalAddress);
    }

    [Fact]
    public void Process_ArrayOfPartiesWithAddressParts_PairsPartsWithinEachParty()
    {
        // Each passenger is a record of its own: one passenger's line1 does not pair with another's city.
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json,
            """{"passengers":[{"name":"Ravi Kumar","line1":"12 MG Road"},{"name":"Asha Rao","city":"Pune"}]}""");

        Assert.Contains("12 MG Road", result.Text, StringComparison.Ordinal);
        Assert.Contains("Pune", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_AddressObjectUnderHolder_KeepsEveryPart()
    {
        // An address key inside a holder object is an address object of its own, with state as a part.
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json,
            """{"email":"ravi.k@example.com","shipping":{"carrier":"Delhivery","address":{"line1":"12 MG Road","state":"Karnataka"}}}""");

        Assert.Contains("\"carrier\":\"Delhivery\"", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("MG Road", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Karnataka", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_PayPalOrder_MasksTheShippingAddress()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json,
            """{"id":"5O190127TN364715T","payer":{"name":{"given_name":"Ravi","surname":"Kumar"},"email_address":"ravi.k@example.com"},"purchase_units":[{"shipping":{"name":{"full_name":"Ravi Kumar"},"address":{"address_line_1":"12 MG Road","admin_area_2":"Bengaluru","admin_area_1":"KA","postal_code":"560001","country_code":"IN"}}}]}""");

        Assert.DoesNotContain("MG Road", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bengaluru", result.Text, StringComparison.Ordinal);
        Assert.Contains("\"country_code\":\"IN\"", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"customer":{"name":"Ravi Kumar","email":"ravi.k@example.com"},"deliveryAddress":{"@type":"PostalAddress","streetAddress":"12 MG Road","addressLocality":"Bengaluru","addressRegion":"KA","postalCode":"560001"}}""", "Bengaluru")]
    [InlineData("""{"email":"ravi.k@example.com","postalAddress":{"addressLines":["12 MG Road"],"sublocality":"Indiranagar","administrativeArea":"Karnataka","postalCode":"560038"}}""", "Karnataka")]
    [InlineData("""{"email":"ravi.k@example.com","shipping":{"AddressLine1":"12 MG Road","StateOrRegion":"Karnataka","PostalCode":"560038"}}""", "Karnataka")]
    public void Process_SchemaOrgGoogleAndAmazonAddressParts_AreParts(string body, string city)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.DoesNotContain("MG Road", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(city, result.Text, StringComparison.Ordinal);
        Assert.True(result.ContainsPii);
    }

    [Fact]
    public void Process_FormWithHolderBrackets_MasksTheParts()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.FormUrlEncoded,
            "email=ravi.k%40example.com&shipping%5Bline1%5D=12+MG+Road&shipping%5Bcity%5D=Bengaluru&shipping%5Bstate%5D=KA");

        Assert.DoesNotContain("MG+Road", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bengaluru", result.Text, StringComparison.Ordinal);
        Assert.Contains("shipping%5Bstate%5D=KA", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_HolderObjectInAnyChunking_GivesTheSameOutput()
    {
        byte[] body = Encoding.UTF8.GetBytes(
            """[{"name":"Ravi Kumar","shipping":{"line1":"12 MG Road","city":"Bengaluru","state":"active"}},{"email":"a.b@example.com","billing":{"address_line_1":"5 Park Street","admin_area_2":"Kolkata"}}]""");
        ScanResult whole = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body, [body.Length]);

        foreach (int size in new[] { 1, 3, 7, 16 })
        {
            ScanResult chunked = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body, [size]);
            Assert.Equal(whole.Text, chunked.Text);
        }

        Assert.DoesNotContain("MG Road", whole.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kolkata", whole.Text, StringComparison.Ordinal);
        Assert.Contains("\"state\":\"active\"", whole.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shipping", (int)ValueRole.AddressHolder)]
    [InlineData("billing_details", (int)ValueRole.AddressHolder)]
    [InlineData("shipping_address", (int)ValueRole.PostalAddress)]
    [InlineData("billing_name", (int)ValueRole.PersonName)]
    [InlineData("permanent", (int)ValueRole.None)]
    [InlineData("delivery_agent", (int)ValueRole.PartyName)]
    public void ClassifyKey_HolderKeys(string key, int role)
    {
        Assert.Equal((ValueRole)role, Scanners.Guardian.Detector.Keywords.ClassifyKey(Encoding.UTF8.GetBytes(key)).Role);
    }

    [Theory]
    [InlineData("line1", true)]
    [InlineData("admin_area_2", true)]
    [InlineData("locality", true)]
    [InlineData("state", false)]
    [InlineData("area", false)]
    [InlineData("lines", false)]
    [InlineData("unit", false)]
    public void ClassifyKey_PartInAddressHolder(string key, bool part)
    {
        Assert.Equal(part, Scanners.Guardian.Detector.Keywords.ClassifyKey(Encoding.UTF8.GetBytes(key)).PartInAddressHolder);
    }
}
