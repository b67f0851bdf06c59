using System.Text;
using PiiExtProc.Scanning.Recognition;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Name objects (<c>"name": {"first": ..., "last": ...}</c>): their members are first and last name parts, a full name
/// (Guardian list B) when both are in the record, masked with a second list-B item; <c>first</c> and <c>last</c>
/// outside a name object name nothing. Also the courier and payment party keys (<c>consignee</c>, <c>addressee</c>,
/// <c>cardholder</c>; <see cref="PartyNameTests"/> has the rest).
/// </summary>
public sealed class NameObjectTests
{
    [Theory]
    [InlineData("""{"name":{"first":"Ravi","last":"Kumar"},"email":"ravi.k@example.com"}""")]
    [InlineData("""{"customer_name":{"given":"Ravi","family":"Kumar"},"email":"ravi.k@example.com"}""")]
    [InlineData("""[{"name":{"first":"Ravi","middle":"Shankar","last":"Kumar","title":"Mr"},"device_id":"a1b2c3d4e5f6"}]""")]
    public void Process_NameObjectWithASecondItem_MasksItsParts(string body)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.True(result.ContainsPii);
        Assert.DoesNotContain("Ravi", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kumar", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Shankar", result.Text, StringComparison.Ordinal);
        Assert.All(result.Findings.Where(f => f.Entity == PiiEntity.PersonName), f => Assert.Equal("name.parts", f.Recognizer));
    }

    [Fact]
    public void Process_ArrayOfNameObjects_PartsCountInTheRecord()
    {
        // FHIR's HumanName list: each object in the "name" array is a name object, its parts counting in the patient's
        // record with the email (before, the objects lost the name role and the given and family names went out).
        const string Body =
            """{"resourceType":"Patient","telecom":[{"system":"email","value":"arjun.n@example.com"}],"name":[{"use":"official","given":["Arjun","K"],"family":"Nair"}]}""";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, Body);

        Assert.DoesNotContain("Arjun", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nair", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("arjun.n", result.Text, StringComparison.Ordinal);
        Assert.Contains("\"use\":\"official\"", result.Text, StringComparison.Ordinal);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(Scanners.Guardian, BodyFormat.Json, Encoding.UTF8.GetBytes(Body), result);
    }

    [Fact]
    public void Process_NameObject_LeavesOtherMembers()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json,
            """{"name":{"title":"Mr","first":"Ravi","last":"Kumar"},"email":"ravi.k@example.com"}""");

        Assert.Equal("""{"name":{"title":"Mr","first":"[PERSON_NAME]","last":"[PERSON_NAME]"},"email":"[EMAIL_ADDRESS]"}""", result.Text);
    }

    [Theory]
    [InlineData("""{"name":{"first":"Ravi"},"email":"ravi.k@example.com"}""")]
    [InlineData("""{"rank":{"first":"Ravi","last":"Kumar"},"email":"ravi.k@example.com"}""")]
    [InlineData("""{"first":"Ravi","last":"Kumar","email":"ravi.k@example.com"}""")]
    [InlineData("""{"page":{"first":"/items?page=1","last":"/items?page=9"},"email":"ravi.k@example.com"}""")]
    public void Process_NoNameObjectWithBothParts_LeavesThemAsTheyAre(string body)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.Equal(body, result.Text);
        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PersonName && f.Action == FindingAction.Redacted);
    }

    [Fact]
    public void Process_NameObjectAlone_IsBelowTheCombinationThreshold()
    {
        string body = """{"name":{"first":"Ravi","last":"Kumar"},"order_id":"OD1234"}""";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.Equal(body, result.Text);
        Assert.Equal(2, result.Findings.Count(f => f.Entity == PiiEntity.PersonName && f.Action == FindingAction.BelowCombinationThreshold));
    }

    [Theory]
    [InlineData("consignee")]
    [InlineData("addressee")]
    [InlineData("recipient")]
    [InlineData("receiver")]
    [InlineData("custName")]
    [InlineData("cust_name")]
    [InlineData("cardholder")]
    [InlineData("accountHolder")]
    [InlineData("account_holder")]
    [InlineData("nominee")]
    [InlineData("contactPerson")]
    [InlineData("contact_person")]
    public void Process_CourierNameKeys_ArePersonNames(string key)
    {
        // Courier, payment and notification payloads name the person by role (recipient, receiver, cardholder, account
        // holder, nominee, contact person) or abbreviate customer (cust).
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json,
            $$"""{"{{key}}":"Ravi Kumar","address":"12 MG Road, Indiranagar, Bengaluru 560038"}""");

        Assert.DoesNotContain("Ravi", result.Text, StringComparison.Ordinal);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PersonName && f.Action == FindingAction.Redacted);
    }

    /// <summary>The surname-first form of bank, airline and CRM records: one comma, right after the first word.</summary>
    [Theory]
    [InlineData("Kumar, Ravi", true)]
    [InlineData("KUMAR, RAVI K", true)]
    [InlineData("Kumar,Ravi", true)]
    [InlineData("Kumar,", false)]
    [InlineData(", Ravi", false)]
    [InlineData("Kumar, Ravi, Pune", false)]
    [InlineData("Ravi Kumar, Pune", false)]
    public void Process_SurnameFirstName_ReadAsAName(string name, bool isName)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, $$"""{"name":"{{name}}","email":"ravi.kumar@example.com"}""");

        Assert.Equal(isName, result.Findings.Any(f => f.Entity == PiiEntity.PersonName && f.Action == FindingAction.Redacted));
    }

    [Theory]
    [InlineData("""{"recipient":"ravi.k@example.com","address":"12 MG Road, Indiranagar, Bengaluru 560038"}""")]
    [InlineData("""{"receiver":"+91 98765 43210"}""")]
    public void Process_RecipientHoldingAnEmailOrPhone_NotAName(string body)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PersonName);
    }

    [Fact]
    public void Process_NameObjectsInEveryTwoWaySplitAndKeyedFastPathOff_SameAsWhole()
    {
        string text = """[{"name":{"first":"Ravi","last":"Kumar"},"email":"ravi.k@example.com"},{"name":{"first":"Asha"},"email":"x.y@example.com"},{"sku":"A1","name":{"given":"Mohan","family":"Das"}}]""";
        byte[] body = Encoding.UTF8.GetBytes(text);
        ScanResult whole = Scanners.Run(Scanners.Guardian, BodyFormat.Json, text);
        Assert.Equal(2, whole.Entities().Count(e => e == PiiEntity.PersonName.Name));
        Assert.Equal(2, whole.Findings.Count(f => f.Action == FindingAction.BelowCombinationThreshold && f.Entity == PiiEntity.PersonName));
        ScanComparison.AssertSplitsAndKeyedFastPathChangeNothing(body, whole);
    }

    [Theory]
    [InlineData("first", "FirstName")]
    [InlineData("Given", "FirstName")]
    [InlineData("middle", "FirstName")]
    [InlineData("last", "LastName")]
    [InlineData("family", "LastName")]
    [InlineData("title", "None")]
    [InlineData("first_seen", "None")]
    public void ClassifyKey_NamePartKeys_NameTheirPartAsMembers(string key, string part)
    {
        KeyClass classified = Scanners.Guardian.Detector.Keywords.ClassifyKey(Encoding.UTF8.GetBytes(key));

        Assert.Equal(Enum.Parse<ValueRole>(part), classified.MemberPartRole);
        Assert.Equal(ValueRole.None, classified.Role);
    }

    [Theory]
    [InlineData("""{"billing_customer_name":"Ravi","billing_last_name":"Kumar","billing_email":"ravi.k@example.com"}""")]
    [InlineData("""{"name":"Ravi","surname":"Kumar","email":"ravi.k@example.com"}""")]
    [InlineData("""{"customer_name":"Ravi","lastName":"Kumar","ip":"10.2.3.4"}""")]
    public void Process_OneWordUnderANameKeyWithALastName_IsAFullName(string body)
    {
        // Shipping APIs send the first name under a name key and the last name beside it; before, the one-word name was
        // no name at all, so neither half nor the email beside them was masked.
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.DoesNotContain("Ravi", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kumar", result.Text, StringComparison.Ordinal);
        Assert.Equal(2, result.Findings.Count(f => f.Entity == PiiEntity.PersonName && f.Recognizer == "name.parts" && f.Action == FindingAction.Redacted));
    }

    [Theory]
    [InlineData("""{"name":"Ravi","email":"ravi.k@example.com"}""")]
    [InlineData("""{"items":[{"name":"Kunai","sku":"K1"}],"last_name":"Kumar","email":"ravi.k@example.com"}""")]
    public void Process_OneWordUnderANameKeyAlone_IsNoName(string body)
    {
        // A first name alone is no full name (Guardian B.1); a product's one-word name in an item (a record of its own)
        // does not meet the order's last name.
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.Equal(body, result.Text);
    }

    [Theory]
    [InlineData("name_on_card")]
    [InlineData("nameOnCard")]
    [InlineData("name_on_account")]
    [InlineData("name_as_per_pan")]
    [InlineData("nameAsPerAadhaar")]
    public void Process_NameOnDocumentKeys_ArePersonNames(string key)
    {
        // name_on_card ended in a card key word and named a card, not a name: PayU's callback sent it in the clear.
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, $$"""{"{{key}}":"Ravi Kumar","email":"ravi.k@example.com"}""");

        Assert.DoesNotContain("Ravi", result.Text, StringComparison.Ordinal);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PersonName && f.Recognizer == "name.key");
    }

    [Theory]
    [InlineData("names")]
    [InlineData("customer_names")]
    [InlineData("passengerNames")]
    [InlineData("fullNames")]
    public void Process_ListOfNamesUnderAPluralKey_IsEachAName(string key)
    {
        // A plural name key named nothing: {"names": [...], "emails": [...]} went out in the clear.
        string body = $$"""{"{{key}}":["Ravi Kumar","Priya Sharma"],"emails":["ravi.k@example.com"]}""";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.DoesNotContain("Ravi", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Priya", result.Text, StringComparison.Ordinal);
        Assert.Equal(2, result.Findings.Count(f => f.Entity == PiiEntity.PersonName && f.Recognizer == "name.key" && f.Action == FindingAction.Redacted));
    }

    [Theory]
    [InlineData("""{"usernames":["Ravi Kumar"],"email":"ravi.k@example.com"}""")]
    [InlineData("""{"filenames":["Annual Report"],"email":"ravi.k@example.com"}""")]
    [InlineData("""{"names":["Cotton Kurta","Silk Saree"]}""")]
    public void Process_PluralKeyThatNamesNoPersonOrNoSecondItem_LeavesIt(string body)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PersonName && f.Action == FindingAction.Redacted);
    }

    [Theory]
    [InlineData("""{"name":"Ravi Kumar","emailAddresses":[{"address":"ravi.k@example.com","type":"work"}]}""")]
    [InlineData("""{"name":"Ravi Kumar","emails":[{"value":"ravi.k@example.com","primary":true}]}""")]
    [InlineData("""{"name":"Ravi Kumar","ip_addresses":[{"ip":"10.1.2.3","seen":"2026-11-01"}]}""")]
    public void Process_ObjectsInAListOfEmailsOrIps_CountInTheRecordTheListIsIn(string body)
    {
        // Microsoft Graph and Google People contacts: each email is an object in an "emailAddresses" list. Each object
        // was a record of its own, so the email never met the name beside the list.
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.DoesNotContain("Ravi", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ravi.k", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("10.1.2.3", result.Text, StringComparison.Ordinal);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(Scanners.Guardian, BodyFormat.Json, Encoding.UTF8.GetBytes(body), result);
    }

    [Fact]
    public void Process_ObjectsInAListOfContacts_StayRecordsOfTheirOwn()
    {
        // An address book: each contact is a record; one contact's name does not meet another's email.
        const string Body = """{"contacts":[{"name":"Ravi Kumar","phone_type":"home"},{"email":"priya.s@example.com"}]}""";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, Body);

        Assert.Equal(Body, result.Text);
    }
}
