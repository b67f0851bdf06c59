using PiiExtProc.Scanning.Recognition;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Party keys (<see cref="ValueRole.PartyName"/>): a key that names a person by the part they play (<c>customer</c>,
/// <c>passenger</c>, <c>consignor</c>, <c>ship_to</c>, <c>beneficiary</c>...) holds a full name when its value has a
/// name's shape and no organisation or placeholder word; the objects of an array under it are records of their own.
/// </summary>
public sealed class PartyNameTests
{
    private const string Address = "12 MG Road, Indiranagar, Bengaluru 560038";

    [Theory]
    [InlineData("customer")]
    [InlineData("Customer")]
    [InlineData("guest")]
    [InlineData("passenger")]
    [InlineData("traveller")]
    [InlineData("buyer")]
    [InlineData("consignor")]
    [InlineData("sender")]
    [InlineData("shipper")]
    [InlineData("ship_to")]
    [InlineData("billTo")]
    [InlineData("deliver_to")]
    [InlineData("attn")]
    [InlineData("driver")]
    [InlineData("delivery_agent")]
    [InlineData("payer")]
    [InlineData("remitter")]
    [InlineData("beneficiary")]
    [InlineData("policyholder")]
    [InlineData("patient")]
    [InlineData("employee")]
    [InlineData("guardian")]
    [InlineData("ShipToName")]
    [InlineData("bill_to_name")]
    public void Process_PartyKeyWithAName_IsAPersonName(string key)
    {
        // Before party keys, {"customer": "Ravi Kumar", "address": ...} kept the name: only name keys and a few courier
        // roles were read for names, so the address had no second quasi-identifier beside it either.
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, $$"""{"{{key}}":"Ravi Kumar","address":"{{Address}}"}""");

        Assert.DoesNotContain("Ravi", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Indiranagar", result.Text, StringComparison.Ordinal);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PersonName && f.Recognizer == "name.key" && f.Action == FindingAction.Redacted);
    }

    [Theory]
    [InlineData("shipper", "Acme Traders Pvt Ltd")]
    [InlineData("sender", "Flipkart Support Team")]
    [InlineData("consignor", "Blue Dart Express")]
    [InlineData("beneficiary", "HDFC Bank")]
    [InlineData("customer", "Walk In Customer")]
    [InlineData("guest", "Guest User")]
    [InlineData("ship_to", "Same As Above")]
    [InlineData("patient", "Unknown Patient")]
    [InlineData("customer", "Kumar Medicals")]
    public void Process_PartyKeyWithAnOrganisationOrPlaceholder_IsNoName(string key, string value)
    {
        string body = $$"""{"{{key}}":"{{value}}","email":"ravi.kumar@example.com","ip":"10.2.3.4"}""";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.Contains(value, result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PersonName);
    }

    [Theory]
    [InlineData("Ravi Kumar", false)]
    [InlineData("RAVI KUMAR", false)]
    [InlineData("Kumar, Ravi", false)]
    [InlineData("Acme Traders Pvt. Ltd.", true)]
    [InlineData("ACME LOGISTICS", true)]
    [InlineData("Sharma-Co", true)]
    [InlineData("Coral Sharma", false)]
    [InlineData("Banker Rao", false)]
    public void HasOrganisationWord_MatchesWholeWordsOnly(string value, bool expected) =>
        Assert.Equal(expected, NameShape.HasOrganisationWord(System.Text.Encoding.UTF8.GetBytes(value)));

    [Fact]
    public void Process_ArrayOfStringsUnderAPartyKey_EachIsAName()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json,
            """{"passengers":["Ravi Kumar","Priya Sharma"],"email":"ravi.kumar@example.com"}""");

        Assert.DoesNotContain("Ravi", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Priya", result.Text, StringComparison.Ordinal);
        Assert.Equal(2, result.Findings.Count(f => f.Entity == PiiEntity.PersonName && f.Action == FindingAction.Redacted));
    }

    [Fact]
    public void Process_ObjectsInAnArrayUnderAPartyKey_AreRecordsOfTheirOwn()
    {
        // Each passenger is a record: the first one's name and email combine; the second's first name alone is no full
        // name, and the third's email has nothing to combine with. Under a name key the three would be one record.
        string body = """
            {"passengers":[{"first":"Ravi","last":"Kumar","email":"ravi.kumar@example.com"},{"first":"Priya","email":"priya.s@example.com"},{"last":"Sharma","ip":"10.2.3.4"}]}
            """;
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.DoesNotContain("Ravi", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ravi.kumar", result.Text, StringComparison.Ordinal);
        Assert.Contains("\"Priya\"", result.Text, StringComparison.Ordinal);
        Assert.Contains("priya.s@example.com", result.Text, StringComparison.Ordinal);
        Assert.Contains("\"Sharma\"", result.Text, StringComparison.Ordinal);
        Assert.Contains("10.2.3.4", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_RecordsUnderARecipientsKey_DoNotCombine()
    {
        // recipients was a name key until party keys: its objects were name objects of one record, so one recipient's
        // name combined with another's email.
        string body = """{"recipients":[{"name":"Ravi Kumar","status":"sent"},{"email":"priya.s@example.com","status":"sent"}]}""";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.Equal(body, result.Text);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PersonName && f.Action == FindingAction.BelowCombinationThreshold);
    }

    [Fact]
    public void Process_NameObjectUnderAPartyKey_PartsCount()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json,
            """{"customer":{"first":"Ravi","last":"Kumar","email":"ravi.kumar@example.com","tier":"Gold Member"}}""");

        Assert.DoesNotContain("Ravi", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kumar", result.Text, StringComparison.Ordinal);
        Assert.Contains("Gold Member", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Customer: Ravi Kumar\nEmail: ravi.kumar@example.com\n")]
    [InlineData("Ship To: Ravi Kumar\nEmail: ravi.kumar@example.com\n")]
    [InlineData("passenger=Ravi Kumar&email=ravi.kumar@example.com")]
    [InlineData("Consignee: Ravi Kumar | Email: ravi.kumar@example.com")]
    [InlineData("Customer: Kumar, Ravi\nEmail: ravi.kumar@example.com\n")]
    [InlineData("level=info customer=\" Ravi Kumar\" email=ravi.kumar@example.com")]
    [InlineData("Guest: R. Kumar\nEmail: ravi.kumar@example.com\n")]
    public void Process_PartyKeyInText_IsAPersonName(string body)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Text, body);

        Assert.DoesNotContain("Kumar", result.Text, StringComparison.Ordinal);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PersonName && f.Recognizer == "name.text_key");
    }

    [Fact]
    public void Process_PartyPlaceholderInText_IsNoName()
    {
        string body = "Customer: Walk In Customer\nEmail: ravi.kumar@example.com\nIP: 10.2.3.4\n";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Text, body);

        Assert.Contains("Walk In Customer", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PersonName);
    }

    [Fact]
    public void Process_PartyColumnOfAnHtmlTable_HoldsNames()
    {
        string body = "<table><tr><th>Customer</th><th>Email</th></tr><tr><td>Ravi Kumar</td><td>ravi.kumar@example.com</td></tr></table>";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Markup, body);

        Assert.DoesNotContain("Ravi", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ravi.kumar", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_PartyColumnOfACsv_HoldsNames()
    {
        string body = "passenger,email,seat\nRavi Kumar,ravi.kumar@example.com,12A\nPriya Sharma,priya.s@example.com,12B\n";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Csv, body);

        Assert.DoesNotContain("Ravi", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Priya", result.Text, StringComparison.Ordinal);
        Assert.Contains("12A", result.Text, StringComparison.Ordinal);
    }
}
