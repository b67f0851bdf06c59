using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>Names and addresses in text key-value pairs (<c>name: VALUE</c>, <c>address=VALUE</c>).</summary>
public sealed class TextKeyValueTests
{
    private static readonly PiiScanner s_eachAlone = PiiScanner.Create(Scanners.GuardianOptions() with { Combination = new CombinationRule(1) });

    private static string[] Values(string body, PiiScanner? scanner = null)
    {
        ScanResult result = Scanners.Run(scanner ?? s_eachAlone, BodyFormat.Text, body);
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(body);
        return result.Findings
            .Where(f => f.Entity == PiiEntity.PersonName || f.Entity == PiiEntity.PostalAddress)
            .Select(f => f.Entity.Name + "=" + System.Text.Encoding.UTF8.GetString(bytes, (int)f.Offset, f.Length))
            .ToArray();
    }

    [Theory]
    [InlineData("name: Rajesh Kumar", "PERSON_NAME=Rajesh Kumar")]
    // Keys that end with a digit, and logfmt keys after an earlier pair's unquoted value.
    [InlineData("Address1: 12 MG Road, Bengaluru 560001", "POSTAL_ADDRESS=12 MG Road, Bengaluru 560001")]
    [InlineData("order=OD1 address_line1=12 MG Road, Bengaluru 560001", "POSTAL_ADDRESS=12 MG Road, Bengaluru 560001")]
    [InlineData("name=Rajesh Kumar address1=12 MG Road, Bengaluru 560001", "POSTAL_ADDRESS=12 MG Road, Bengaluru 560001")]
    [InlineData("name=Rajesh Kumar address1=12 MG Road, Bengaluru 560001", "PERSON_NAME=Rajesh Kumar")]
    [InlineData("Name:- Rajesh Kumar", "PERSON_NAME=Rajesh Kumar")]
    [InlineData("Customer Name :- Priya Sharma\n", "PERSON_NAME=Priya Sharma")]
    [InlineData("Customer:- Priya Sharma, 12 MG Road, Bengaluru 560001", "PERSON_NAME=Priya Sharma")]
    [InlineData("Address:- 12 MG Road, Bengaluru 560001", "POSTAL_ADDRESS=12 MG Road, Bengaluru 560001")]
    [InlineData("Name=Rajesh Kumar", "PERSON_NAME=Rajesh Kumar")]
    [InlineData("Customer Name : Priya Sharma\n", "PERSON_NAME=Priya Sharma")]
    [InlineData("name=Rajesh Kumar&city=Pune", "PERSON_NAME=Rajesh Kumar")]
    [InlineData("name: Rajesh Kumar, age 32", "PERSON_NAME=Rajesh Kumar")]
    [InlineData("name: Rajesh Kumar email: r@x.com", "PERSON_NAME=Rajesh Kumar")]
    [InlineData("address: 12 MG Road, Bengaluru 560001", "POSTAL_ADDRESS=12 MG Road, Bengaluru 560001")]
    [InlineData("shipping_address=Flat 4, Sector 21, Noida; phone=x", "POSTAL_ADDRESS=Flat 4, Sector 21, Noida")]
    [InlineData("address: 12 MG Road, Bengaluru 560001, pin: 560001", "POSTAL_ADDRESS=12 MG Road, Bengaluru 560001")]
    [InlineData("order=OD1 customer_name=\"Rajesh Kumar\" email=r@x.com", "PERSON_NAME=Rajesh Kumar")]
    [InlineData("name='Priya Sharma' mail=p@x.com", "PERSON_NAME=Priya Sharma")]
    [InlineData("name: \"Rajesh Kumar\"", "PERSON_NAME=Rajesh Kumar")]
    [InlineData("{\"level\":\"info\",\"customer_name\":\"Rajesh Kumar\",\"id\":7}", "PERSON_NAME=Rajesh Kumar")]
    [InlineData("{'full_name': 'Priya Sharma'}", "PERSON_NAME=Priya Sharma")]
    [InlineData("shipping_address: \"12 MG Road, Indiranagar, Bengaluru 560038\" name: x", "POSTAL_ADDRESS=12 MG Road, Indiranagar, Bengaluru 560038")]
    [InlineData("<customer><name>Rajesh Kumar</name><id>7</id></customer>", "PERSON_NAME=Rajesh Kumar")]
    [InlineData("<ns2:customerName>Priya Sharma</ns2:customerName>", "PERSON_NAME=Priya Sharma")]
    [InlineData("<firstName>Priya</firstName><lastName>Sharma</lastName>", "PERSON_NAME=Sharma")]
    [InlineData("<shippingAddress>12 MG Road, Bengaluru 560001</shippingAddress>", "POSTAL_ADDRESS=12 MG Road, Bengaluru 560001")]
    [InlineData("2026-11-23 10:15:03 WARN Name: Arjun Mehta, id 7", "PERSON_NAME=Arjun Mehta")]
    [InlineData("ERROR customer name: Arjun Mehta", "PERSON_NAME=Arjun Mehta")]
    [InlineData("CUSTOMER NAME: ARJUN MEHTA", "PERSON_NAME=ARJUN MEHTA")]
    [InlineData("Created order for Name: Arjun Mehta, Email: a@x.com", "PERSON_NAME=Arjun Mehta")]
    [InlineData("shipped to Customer Name: Arjun Mehta", "PERSON_NAME=Arjun Mehta")]
    [InlineData("order Name: Arjun Mehta", "PERSON_NAME=Arjun Mehta")]
    [InlineData("first Name: Arjun, last Name: Mehta", "PERSON_NAME=Mehta")]
    [InlineData("Name: Kumar, Ravi", "PERSON_NAME=Kumar, Ravi")]
    [InlineData("name=KUMAR, RAVI K; email=r@x.com", "PERSON_NAME=KUMAR, RAVI K")]
    [InlineData("Customer Name: Mehta, Arjun\nCity: Pune", "PERSON_NAME=Mehta, Arjun")]
    [InlineData("INFO checkout customer=\"Ravi Kumar\" email=r@x.com", "PERSON_NAME=Ravi Kumar")]
    // A one-word logfmt key after a log line's message words, with a later pair on its line (no earlier one).
    [InlineData("INFO notify name=Meena Iyer email=m@x.com", "PERSON_NAME=Meena Iyer")]
    [InlineData("2026-11-25 10:01:02 INFO created user name=\"Meena Iyer\" id=42", "PERSON_NAME=Meena Iyer")]
    [InlineData("INFO dispatch address=12 MG Road, Bengaluru 560001 awb=X1", "POSTAL_ADDRESS=12 MG Road, Bengaluru 560001")]
    [InlineData("WARN refund failed passenger=Priya Sharma pnr=4521", "PERSON_NAME=Priya Sharma")]
    public void Scan_TextKeyValue_Found(string body, string expected) =>
        Assert.Contains(expected, Values(body));

    /// <summary>
    /// A name value that runs on without a comma and is no name as a whole (a digit, a symbol, more than 5 words): its
    /// first 2-4 capitalized words, when a word that is not capitalized follows.
    /// </summary>
    [Theory]
    [InlineData("Name: Anita Desai anita.desai@example.in", "PERSON_NAME=Anita Desai")]
    [InlineData("customer name: Ravi Kumar placed order OD100001", "PERSON_NAME=Ravi Kumar")]
    [InlineData("Name: Ravi Kumar  (VIP) ordered", "PERSON_NAME=Ravi Kumar")]
    [InlineData("NAME: RAVI KUMAR placed order OD100001", "PERSON_NAME=RAVI KUMAR")]
    [InlineData("Name: Arjun K. Mehta booked 2 rooms", "PERSON_NAME=Arjun K. Mehta")]
    [InlineData("Name: Sunil Kumar Singh Rathore booked order #7", "PERSON_NAME=Sunil Kumar Singh Rathore")]
    [InlineData("Name: \u0930\u0935\u093f \u0915\u0941\u092e\u093e\u0930 placed order OD1", "PERSON_NAME=\u0930\u0935\u093f \u0915\u0941\u092e\u093e\u0930")]
    public void Scan_NameRunningOn_LeadingCapitalizedWords(string body, string expected) =>
        Assert.Equal([expected], Values(body));

    [Theory]
    [InlineData("Name: Ravi placed order 7")]
    [InlineData("Name: The Quick Brown Fox Jumps over it")]
    [InlineData("Name: Ravi Kumar123 placed")]
    [InlineData("Name: Ravi Kumar@example placed")]
    [InlineData("name: ravi kumar placed order 7")]
    [InlineData("product name: Laptop Bag in stock")]
    [InlineData("name=\"Ravi Kumar placed 7\" id=7")]
    public void Scan_NameRunningOn_NotANameWithoutItsShape(string body) =>
        Assert.Empty(Values(body));

    /// <summary>
    /// A comma after one name word is a surname-first name only when one or two name words follow it and end the value:
    /// not when the next pair's key follows (one word or several).
    /// </summary>
    [Theory]
    [InlineData("first Name: Arjun, last Name: Mehta", new[] { "PERSON_NAME=Arjun", "PERSON_NAME=Mehta" })]
    [InlineData("Name: Kumar, Email: r@x.com", new string[0])]
    [InlineData("Name: Ravi Kumar, Bengaluru", new[] { "PERSON_NAME=Ravi Kumar" })]
    [InlineData("Name: Kumar, Ravi Kumar Singh", new string[0])]
    public void Scan_CommaAfterOneWord_SurnameFirstOnlyWhenItEndsTheValue(string body, string[] expected) =>
        Assert.Equal(expected, Values(body));

    [Theory]
    [InlineData("file name: Annual Report")]
    [InlineData("product name: Laptop Bag")]
    [InlineData("Product Name: Laptop Bag")]
    [InlineData("sent to file name: Annual Report")]
    [InlineData("ERROR product name: Laptop Bag")]
    [InlineData("filename: report.pdf")]
    [InlineData("hostname=api.internal")]
    [InlineData("username: admin_01")]
    [InlineData("name: ABC-123")]
    [InlineData("name: x")]
    [InlineData("email address: someone@example.com")]
    [InlineData("address: Bengaluru")]
    [InlineData("url: https://example.com/name:Rajesh Kumar")]
    [InlineData("rename=Rajesh Kumar")]
    [InlineData("name:-5 Rajesh Kumar")]
    [InlineData("name=Rajesh+Kumar")]
    [InlineData("name=\"Rajesh\" email=r@x.com")]
    [InlineData("{\"file_name\":\"Annual Report\"}")]
    [InlineData("name=\"Rajesh Kumar\nemail=r@x.com")]
    [InlineData("{\"name\":\"ACME-12\",\"id\":7}")]
    [InlineData("<file_name>Annual Report</file_name>")]
    [InlineData("<name>Rajesh Kumar</title>")]
    [InlineData("<name>Rajesh <b>Kumar</b></name>")]
    [InlineData("</name>Rajesh Kumar</name>")]
    [InlineData("<address>Bengaluru</address>")]
    [InlineData("INFO upload file name=\"Annual Report\" email=r@x.com")]
    // A word before the one-word key that makes it a thing's name; no other pair on the line.
    [InlineData("INFO catalog product name=Laptop Bag qty=2 email=r@x.com")]
    [InlineData("INFO notify name=Meena Iyer")]
    [InlineData("INFO checkout customer=\"Acme Traders Pvt Ltd\"")]
    public void Scan_TextKeyValueNegative_NoNameOrAddress(string body) =>
        Assert.Empty(Values(body));

    [Fact]
    public void Scan_NameAlone_BelowCombinationThreshold()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Text, "name: Rajesh Kumar");

        Assert.False(result.ContainsPii);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PersonName && f.Action == FindingAction.BelowCombinationThreshold);
    }

    [Fact]
    public void Scan_QuotedNameAndEmailInALogLine_BothRedactedQuotesKept()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Text,
            "2026-11-20 INFO {\"customer_name\":\"Rajesh Kumar\",\"email\":\"rajesh.kumar@example.com\"}\n");

        Assert.Equal("2026-11-20 INFO {\"customer_name\":\"[PERSON_NAME]\",\"email\":\"[EMAIL_ADDRESS]\"}\n", result.Text);
    }

    [Fact]
    public void Scan_QuotedPairsInEveryTwoWaySplit_SameAsWhole()
    {
        byte[] body = System.Text.Encoding.UTF8.GetBytes(
            "INFO customer_name=\"Rajesh Kumar\" email=rajesh.kumar@example.com\n{\"name\":\"Priya Sharma\",\"ip\":\"203.0.113.7\"}\nname='Ravi\n");
        ScanResult whole = Scanners.Run(Scanners.Guardian, BodyFormat.Text, body, [0]);
        Assert.Equal(4, whole.Findings.Count(f => f.Action == FindingAction.Redacted));
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(Scanners.Guardian, BodyFormat.Text, body, whole);
    }

    [Fact]
    public void Scan_XmlNameAndEmailOnOneLine_BothRedacted()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Text,
            "<customer><name>Rajesh Kumar</name><email>rajesh.kumar@example.com</email><tier>gold</tier></customer>\n");

        Assert.Equal("<customer><name>[PERSON_NAME]</name><email>[EMAIL_ADDRESS]</email><tier>gold</tier></customer>\n", result.Text);
    }

    [Theory]
    [InlineData("order=OD1 name=\"Ravi Kumar\" street=\"12 MG Road\" city=Pune status=ok\n",
        "order=OD1 name=\"[PERSON_NAME]\" street=\"[POSTAL_ADDRESS]\" city=[POSTAL_ADDRESS] status=ok\n")]
    [InlineData("<c><shipping_street>12 MG Road</shipping_street><town>Pune</town><email>a.b@example.com</email></c>\n",
        "<c><shipping_street>[POSTAL_ADDRESS]</shipping_street><town>[POSTAL_ADDRESS]</town><email>[EMAIL_ADDRESS]</email></c>\n")]
    public void Scan_FlatStreetAndCityPairsWithASecondItem_AreAFullAddress(string body, string expected) =>
        Assert.Equal(expected, Scanners.Run(Scanners.Guardian, BodyFormat.Text, body).Text);

    [Theory]
    [InlineData("city=Pune weather=sunny email=a.b@example.com\n")]
    [InlineData("flight from city: Pune to city: Delhi, user a.b@example.com\n")]
    [InlineData("street=12 MG Road pickup_city=Pune email=a.b@example.com\n")]
    public void Scan_CityOrStreetWithoutItsOtherHalf_LeftAsItIs(string body) =>
        Assert.Equal(body, Scanners.Run(Scanners.Guardian, BodyFormat.Text, body).Text);

    [Fact]
    public void Scan_NameAndEmailOnOneLine_BothRedacted()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Text, "name: Rajesh Kumar, email: rajesh.kumar@example.com\n");

        Assert.True(result.ContainsPii);
        Assert.Equal("name: [PERSON_NAME], email: [EMAIL_ADDRESS]\n", result.Text);
    }
}
