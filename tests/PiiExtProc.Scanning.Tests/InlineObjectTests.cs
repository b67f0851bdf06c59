using System.Text;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Objects that code prints into a log line as a pair's value: Java's <c>toString</c>, Lombok and Kotlin data classes,
/// .NET records, Go's <c>%+v</c> and Python's dicts. An address object's members are named <c>line1</c>, <c>area</c>,
/// <c>city</c>: before, <c>line1</c> named nothing outside a JSON object, so the street went out (and with no street the
/// city was no part of a full address either). Now a member takes its part role in the printed object as in a JSON one.
/// </summary>
public sealed class InlineObjectTests
{
    private static readonly PiiScanner s_masks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance));

    [Theory]
    // Java's toString.
    [InlineData("INFO created Customer{id=42, name='Ravi Kumar', email='ravi.k@gmail.com', address=Address{line1='12, 3rd Cross, HSR Layout', city='Bengaluru', pincode='560102'}}",
        "INFO created Customer{id=42, name='RXXX KXXXX', email='raXXX@gmail.com', address=Address{line1='[REDACTED_ADDRESS]', city='[REDACTED_ADDRESS]', pincode='560102'}}")]
    // Kotlin and Lombok: unquoted members, the last one ends at the object's bracket.
    [InlineData("INFO Order(id=7, email=meena.i@gmail.com, address=Address(line1=Flat 4B, Lake View Apts, area=Kaloor, city=Kochi, pin=682017))",
        "INFO Order(id=7, email=meXXX@gmail.com, address=Address(line1=[REDACTED_ADDRESS], area=[REDACTED_ADDRESS], city=[REDACTED_ADDRESS], pin=682017))")]
    // A .NET record.
    [InlineData("INFO Order { Id = 7, Email = arjun.m@outlook.com, ShippingAddress = Address { Line1 = 5 Nehru Place, Line2 = Kalkaji, City = New Delhi } }",
        "INFO Order { Id = 7, Email = arXXX@outlook.com, ShippingAddress = Address { Line1 = [REDACTED_ADDRESS], Line2 = [REDACTED_ADDRESS], City = [REDACTED_ADDRESS] } }")]
    // Go's %+v: members separated by spaces.
    [InlineData("INFO {ID:7 Email:kiran.rao@yahoo.in Address:{Line1:22 MG Road Line2:Indiranagar City:Bengaluru Zip:560038}}",
        "INFO {ID:7 Email:kiXXX@yahoo.in Address:{Line1:[REDACTED_ADDRESS] Line2:[REDACTED_ADDRESS] City:[REDACTED_ADDRESS] Zip:560038}}")]
    // A Python dict.
    [InlineData("INFO {'email': 'sunita.s@gmail.com', 'address': {'line1': '7 Park Street', 'city': 'Kolkata', 'pincode': '700016'}}",
        "INFO {'email': 'suXXX@gmail.com', 'address': {'line1': '[REDACTED_ADDRESS]', 'city': '[REDACTED_ADDRESS]', 'pincode': '700016'}}")]
    // A party's object holds the address's members too, and a name object its parts.
    [InlineData("INFO consignee={'name': 'Ravi Kumar', 'line1': '12 MG Road', 'city': 'Pune'}",
        "INFO consignee={'name': 'RXXX KXXXX', 'line1': '[REDACTED_ADDRESS]', 'city': '[REDACTED_ADDRESS]'}")]
    [InlineData("INFO Customer{name=Name{first='Sunita', last='Sharma'}, email='sunita.s@gmail.com'}",
        "INFO Customer{name=Name{first='SXXXXX', last='SXXXXX'}, email='suXXX@gmail.com'}")]
    // A party's object holding a name object: each is read under its own key's role.
    [InlineData("INFO consignee=Consignee(name=Name(first=Ravi, last=Kumar), line1=12 MG Road, city=Pune)",
        "INFO consignee=Consignee(name=Name(first=RXXX, last=KXXXX), line1=[REDACTED_ADDRESS], city=[REDACTED_ADDRESS])")]
    // A bracket inside a quoted member is no end of the object.
    [InlineData("INFO {'email': 'ravi.k@gmail.com', 'address': {'line1': '12 MG Road', 'landmark': 'behind temple :)', 'city': 'Pune'}}",
        "INFO {'email': 'raXXX@gmail.com', 'address': {'line1': '[REDACTED_ADDRESS]', 'landmark': '[REDACTED_ADDRESS]', 'city': '[REDACTED_ADDRESS]'}}")]
    // An apostrophe inside an unquoted member starts no quoted string that would hide the object's bracket.
    [InlineData("INFO address=Address(line1=Opp. D'Souza Bakery, city=Pune) email='ravi.k@gmail.com'",
        "INFO address=Address(line1=[REDACTED_ADDRESS], city=[REDACTED_ADDRESS]) email='raXXX@gmail.com'")]
    public void Scan_PrintedObject_MembersRedactedByTheirPartRoles(string body, string expected)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, body);

        Assert.Equal(expected, result.Text);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, BodyFormat.Text, Encoding.UTF8.GetBytes(body), result);
    }

    [Theory]
    // The object's own closing bracket is no part of its last value.
    [InlineData("DEBUG Consignee(name=Meena Iyer, phone=9447012345, address=Flat 4B, Lake View Apts, Kaloor, Kochi 682017)",
        "DEBUG Consignee(name=MXXXX IXXX, phone=94XXXXXX45, address=[REDACTED_ADDRESS])")]
    [InlineData("INFO Customer { Name = Arjun Mehta, Email = arjun.m@outlook.com, Address = 5 Nehru Place, Kalkaji, New Delhi 110019 }",
        "INFO Customer { Name = AXXXX MXXXX, Email = arXXX@outlook.com, Address = [REDACTED_ADDRESS] }")]
    public void Scan_LastValueOfAPrintedObject_EndsBeforeItsBracket(string body, string expected)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, body);

        Assert.Equal(expected, result.Text);
    }

    [Theory]
    // A remark in brackets is part of the address, at its end too; the bracket after a space starts no object.
    [InlineData("12 MG Road (near temple), Pune 411001")]
    [InlineData("12 MG Road, Pune 411001 (near temple)")]
    public void Scan_BracketTheValueOpens_StaysInTheValue(string address)
    {
        string body = $"INFO name=Ravi Kumar address={address} status=ok";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, body);

        Assert.Equal("INFO name=RXXX KXXXX address=[REDACTED_ADDRESS] status=ok", result.Text);
        PiiFinding found = Assert.Single(result.Findings, f => f.Entity == PiiEntity.PostalAddress);
        Assert.Equal(address.Length, found.Length);
    }

    [Theory]
    // Brackets around a value with no members: the value is read as a pair's value.
    [InlineData("INFO name=Ravi Kumar address=(12 MG Road, Pune 411001)")]
    [InlineData("INFO name=Ravi Kumar address={12 MG Road, Pune 411001} ok")]
    public void Scan_BracketsWithoutMembers_ReadAsAValue(string body)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, body);

        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PostalAddress && f.Action == FindingAction.Redacted);
    }

    [Fact]
    public void Scan_ObjectInAnAddressUnderAKeyNamingNoAddress_PassedOver()
    {
        // The store's name and city are no members of the customer's address.
        const string body = "INFO {'email': 'ravi.k@gmail.com', 'address': {'line1': '12 MG Road', 'city': 'Pune', 'store': {'name': 'Sunita Sharma', 'city': 'Mumbai'}}}";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, body);

        Assert.Equal("INFO {'email': 'raXXX@gmail.com', 'address': {'line1': '[REDACTED_ADDRESS]', 'city': '[REDACTED_ADDRESS]', 'store': {'name': 'Sunita Sharma', 'city': 'Mumbai'}}}", result.Text);
    }

    [Fact]
    public void Scan_ObjectPrintedOverLinesInFreeText_MembersRedacted()
    {
        // A pretty-printed object in a JSON message spans lines: it ends at its bracket, not at a line end.
        const string body = """{"message":"saved address=Address{\n  line1='12 MG Road',\n  city='Pune'\n} for ravi.k@gmail.com"}""";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, body);

        Assert.Equal("""{"message":"saved address=Address{\n  line1='[REDACTED_ADDRESS]',\n  city='[REDACTED_ADDRESS]'\n} for raXXX@gmail.com"}""", result.Text);
    }

    [Theory]
    // Members that name nothing outside an address or a name, in objects that are neither: nothing found.
    [InlineData("INFO Item{line1='12 MG Road', area='Kaloor', email='ravi.k@gmail.com'}")]
    [InlineData("INFO request={'line1': '12 MG Road', 'city': 'Pune', 'email': 'ravi.k@gmail.com'}")]
    // An address object that does not close on its line, or holds no members: no object.
    [InlineData("INFO address=Address{line1='12 MG Road', city='Pune', email='ravi.k@gmail.com'")]
    public void Scan_NoAddressObject_StreetKept(string body)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, body);

        Assert.Contains("'12 MG Road'", result.Text);
    }
}
