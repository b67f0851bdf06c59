using System.Text;
using System.Text.Json;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Recognition;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Attribute lists in JSON (the entity-attribute-value shape of custom attributes, metafields, form answers and contact
/// points): a label member's string gives its key class to the value member after it, a label is not a person name, and
/// one customer's attribute objects count together in the record around their array.
/// </summary>
public sealed class AttributeListTests
{
    private static readonly PiiScanner s_masks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance));

    private const string CustomAttributes =
        """{"customer_id":"C1001","attributes":[{"name":"mobile","value":"9876543210"},{"name":"Customer Name","value":"Ravi Kumar"},{"name":"email","value":"ravi.kumar@example.com"},{"name":"color","value":"red"}]}""";

    [Fact]
    public void Process_CustomAttributes_EachValueReadUnderItsLabel()
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, CustomAttributes);

        Assert.Equal(
            """{"customer_id":"C1001","attributes":[{"name":"mobile","value":"98XXXXXX10"},{"name":"Customer Name","value":"RXXX KXXXX"},{"name":"email","value":"raXXX@example.com"},{"name":"color","value":"red"}]}""",
            result.Text);
        Assert.Equal(["IN_MOBILE", "PERSON_NAME", "EMAIL_ADDRESS"], result.Findings.Select(f => f.Entity.Name));
        Assert.All(result.Findings, f => Assert.Equal("$.attributes[].value", f.JsonPath));
    }

    [Theory]
    [InlineData("""{"metafields":[{"key":"pincode","value":"560001"}]}""", "IN_PIN_CODE")]
    [InlineData("""{"metafields":[{"key":"pincode","value":560001}]}""", "IN_PIN_CODE")]
    [InlineData("""{"fields":[{"field_name":"alt_phone","field_value":"9876543210"}]}""", "IN_MOBILE")]
    [InlineData("""{"telecom":[{"system":"phone","value":"+91 98765 43210"}]}""", "IN_MOBILE")]
    [InlineData("""{"custom_attributes":[{"attribute_code":"date_of_birth","value":"15/08/1990"}]}""", "DATE_OF_BIRTH")]
    [InlineData("""{"props":[{"label":"Account number","value":"123456789012"}]}""", "IN_BANK_ACCOUNT")]
    public void Process_ValueUnderAnIdentifierLabel_Found(string body, string entity)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.Equal([entity], result.Findings.Select(f => f.Entity.Name));
    }

    [Fact]
    public void Process_FormAnswers_NameAndAddressMaskedTogether()
    {
        const string Body =
            """{"answers":[{"question":"Your full name","answer":"Ravi Kumar"},{"question":"Delivery address","answer":"12 MG Road, Bengaluru 560001"}]}""";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, Body);

        using JsonDocument document = JsonDocument.Parse(result.Text);
        JsonElement answers = document.RootElement.GetProperty("answers");
        Assert.Equal("Your full name", answers[0].GetProperty("question").GetString());
        Assert.Equal("RXXX KXXXX", answers[0].GetProperty("answer").GetString());
        Assert.DoesNotContain("MG Road", answers[1].GetProperty("answer").GetString());
        Assert.Equal(["PERSON_NAME", "POSTAL_ADDRESS"], result.Findings.Select(f => f.Entity.Name));
    }

    [Fact]
    public void Process_AttributesOfOneCustomer_CountInTheRecordAroundTheArray()
    {
        // A name alone is one quasi-identifier; the email in the next attribute object makes two in the customer's record.
        const string Body = """[{"id":1,"attributes":[{"key":"customer_name","value":"Ravi Kumar"},{"key":"email_id","value":"ravi.k@example.com"}]}]""";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, Body);

        Assert.Equal("""[{"id":1,"attributes":[{"key":"customer_name","value":"RXXX KXXXX"},{"key":"email_id","value":"raXXX@example.com"}]}]""", result.Text);
        Assert.True(result.ContainsPii);
    }

    [Fact]
    public void Process_ArrayOfRecordsThatAreNotAttributes_EachRecordCountsAlone()
    {
        // The control for the test above: the same two values in two plain records stay below the combination threshold.
        const string Body = """[{"customer_name":"Ravi Kumar"},{"email_id":"ravi.k@example.com"}]""";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, Body);

        Assert.Equal(Body, result.Text);
        Assert.False(result.ContainsPii);
    }

    [Fact]
    public void Process_AttributesOfTwoCustomers_DoNotCountTogether()
    {
        const string Body =
            """[{"attributes":[{"key":"customer_name","value":"Ravi Kumar"}]},{"attributes":[{"key":"email","value":"priya.s@example.com"}]}]""";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, Body);

        Assert.Equal(Body, result.Text);
    }

    [Theory]
    [InlineData("""{"attributes":[{"key":"color","value":"Ravi Kumar"},{"key":"size","value":"XL"}]}""")]
    [InlineData("""{"attributes":[{"name":"order_number","value":"9876543210"}]}""")]
    [InlineData("""{"attributes":[{"name":"color","value":"red"},{"name":"size","value":"560034"}]}""")]
    public void Process_CatalogAttributes_NoFinding(string body)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, body);

        Assert.Equal(body, result.Text);
        Assert.Empty(result.Findings);
    }

    [Theory]
    [InlineData("""{"attributes":[{"name":"Delivery slot","value":"10:00-12:00"},{"name":"Gift message","value":"Happy birthday"}]}""")]
    [InlineData("""{"fields":[{"name":"Full Name","type":"text","required":true},{"name":"Email","type":"email"}]}""")]
    public void Process_LabelsThatNameNoKeyAndFormSchemas_LeftAsTheyAre(string body)
    {
        // A capitalized label under "name" that classifies as no key stays a possible name (one quasi-identifier, below
        // the threshold): an object with "name" and "value" members can be a person with a value.
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, body);

        Assert.Equal(body, result.Text);
        Assert.False(result.ContainsPii);
    }

    [Fact]
    public void Process_LabelUnderANameKey_IsNotAPersonName()
    {
        // Without the value member "Customer Name" is read as a name under its "name" key; with it, it is a label.
        ScanResult labelled = Scanners.Run(Scanners.Guardian, BodyFormat.Json, """{"name":"Customer Name","value":"Ravi Kumar"}""");
        ScanResult alone = Scanners.Run(Scanners.Guardian, BodyFormat.Json, """{"name":"Customer Name","note":"Ravi Kumar"}""");

        PiiFinding name = Assert.Single(labelled.Findings);
        Assert.Equal("$.value", name.JsonPath);
        Assert.Equal("$.name", Assert.Single(alone.Findings).JsonPath);
    }

    [Fact]
    public void Process_LabelHoldingAnIdentifier_KeepsItsFinding()
    {
        // The label classifies as a key (phone) and also holds a mobile number: its own finding stays.
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, """{"name":"phone 9876543210","value":"9123456789"}""");

        Assert.Equal("""{"name":"phone 98XXXXXX10","value":"91XXXXXX89"}""", result.Text);
    }

    [Fact]
    public void Process_LabelLongerThanTheLimit_NotClassified()
    {
        string label = "mobile " + new string('x', AttributeLabel.MaxLabelBytes);
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, $$"""{"key":"{{label}}","value":"9876543210"}""");

        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Process_EscapedLabel_ReadUnescaped()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, """{"key":"mob\u0069le","value":"9876543210"}""");

        Assert.Equal(["IN_MOBILE"], result.Findings.Select(f => f.Entity.Name));
    }

    [Fact]
    public void Process_AttributeValueThatIsAnObject_ReadUnderTheLabel()
    {
        const string Body = """[{"key":"shipping_address","value":{"line1":"12 MG Road","city":"Bengaluru"}},{"key":"full_name","value":"Ravi Kumar"}]""";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, Body);

        Assert.DoesNotContain("MG Road", result.Text);
        Assert.DoesNotContain("Ravi", result.Text);
        Assert.Contains("\"key\":\"shipping_address\"", result.Text);
    }

    [Theory]
    [InlineData(CustomAttributes)]
    [InlineData("""[{"id":1,"attributes":[{"key":"customer_name","value":"Ravi Kumar"},{"key":"email_id","value":"ravi.k@example.com"}]}]""")]
    [InlineData("""{"metafields":[{"key":"pincode","value":"560001"},{"key":"city","value":"Pune"}]}""")]
    public void Process_AnySplit_SameAsWhole(string json)
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, BodyFormat.Json, body, Scanners.Run(s_masks, BodyFormat.Json, body, [0]));
    }

    [Theory]
    [InlineData("""{"metafields":[{"key":"pincode","value":"560034"}]}""")]
    [InlineData("""[{"sku":"A1"},{"key":"pincode","value":"560034"}]""")]
    [InlineData("""{"key":"pincode","a":{},"value":{"code":"560034"}}""")]
    [InlineData("""{"key":"pincode","a":{"b":1},"value":{"code":"560034"}}""")]
    [InlineData("""{"type":"mobile","value":"9876543210"}""")]
    public void Process_CleanProofSiblingSkipAndValuePrefilter_DoNotSkipAttributeValues(string json)
    {
        // Each value is clean under its own key (no context word, no checksum): only its label makes it a finding.
        ScanComparison.AssertCleanProofAndValuePrefilterSkipNothing(Encoding.UTF8.GetBytes(json));
    }

    [Fact]
    public void Process_AttributesInAStringifiedPayload_ReadUnderTheirLabels()
    {
        const string Body =
            """{"Message":"{\"attributes\":[{\"name\":\"Customer Name\",\"value\":\"Ravi Kumar\"},{\"name\":\"pincode\",\"value\":\"560001\"},{\"name\":\"email\",\"value\":\"ravi.k@example.com\"}]}"}""";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, Body);

        Assert.Equal(["PERSON_NAME", "IN_PIN_CODE", "EMAIL_ADDRESS"], result.Findings.Select(f => f.Entity.Name));
        Assert.Contains("""\"name\":\"Customer Name\",\"value\":\"RXXX KXXXX\"}""", result.Text);
    }

    [Theory]
    [InlineData("name", "Label")]
    [InlineData("attribute_code", "Label")]
    [InlineData("fieldName", "Label")]
    [InlineData("system", "Label")]
    [InlineData("value", "Value")]
    [InlineData("field_value", "Value")]
    [InlineData("answer", "Value")]
    [InlineData("customer_name", "None")]
    [InlineData("values_count", "None")]
    public void ClassifyKey_AttributeMember(string key, string expected)
    {
        KeyClass keyClass = Scanners.Guardian.Keywords.ClassifyKey(Encoding.UTF8.GetBytes(key));

        Assert.Equal(expected, keyClass.Attribute.ToString());
    }
}
