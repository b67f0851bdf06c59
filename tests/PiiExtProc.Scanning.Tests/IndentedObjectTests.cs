using System.Text;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Objects of plain-text bodies written one member a line under their key, the members indented deeper (YAML bodies,
/// pretty-printed records in logs). Before, <c>line1: 12 MG Road</c> under <c>address:</c> was a pair whose key named
/// nothing, so the street went out, and without it the name beside it was alone in its record and went out too.
/// </summary>
public sealed class IndentedObjectTests
{
    private static readonly PiiScanner s_masks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance));

    [Theory]
    [InlineData("customer:\n  name: Ravi Kumar\n  phone: 9845012345\n  address:\n    line1: 12, 3rd Cross, HSR Layout\n    line2: Near Wipro Park\n    city: Bengaluru\n    pincode: 560102\n",
        "customer:\n  name: RXXX KXXXX\n  phone: 98XXXXXX45\n  address:\n    line1: [REDACTED_ADDRESS]\n    line2: [REDACTED_ADDRESS]\n    city: [REDACTED_ADDRESS]\n    pincode: 560102\n")]
    // An address holder's object, a name object, and a list of addresses with its items' dashes.
    [InlineData("order:\n  shipping:\n    line1: 22 MG Road\n    city: Bengaluru\n  email: kiran.rao@yahoo.in\n",
        "order:\n  shipping:\n    line1: [REDACTED_ADDRESS]\n    city: [REDACTED_ADDRESS]\n  email: kiXXX@yahoo.in\n")]
    [InlineData("name:\n  first: Kiran\n  last: Rao\nemail: kiran.rao@yahoo.in\n",
        "name:\n  first: KXXXX\n  last: RXX\nemail: kiXXX@yahoo.in\n")]
    [InlineData("addresses:\n  - line1: 5 Nehru Place\n    line2: Kalkaji\n    city: New Delhi\nemail: arjun.m@outlook.com\n",
        "addresses:\n  - line1: [REDACTED_ADDRESS]\n    line2: [REDACTED_ADDRESS]\n    city: [REDACTED_ADDRESS]\nemail: arXXX@outlook.com\n")]
    // A blank line inside the object keeps it open.
    [InlineData("address:\n  line1: 22 MG Road\n\n  city: Bengaluru\nemail: kiran.rao@yahoo.in\n",
        "address:\n  line1: [REDACTED_ADDRESS]\n\n  city: [REDACTED_ADDRESS]\nemail: kiXXX@yahoo.in\n")]
    public void Scan_IndentedMembers_RedactedByTheirPartRoles(string body, string expected)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, body);

        Assert.Equal(expected, result.Text);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, BodyFormat.Text, Encoding.UTF8.GetBytes(body), result);
    }

    [Theory]
    // A member line no deeper than the object's key ends the object: line1 there names nothing.
    [InlineData("address:\nline1: 22 MG Road\ncity: Bengaluru\nemail: kiran.rao@yahoo.in\n")]
    [InlineData("shipping:\n  method: express\nline1: 22 MG Road\ncity: Bengaluru\nemail: kiran.rao@yahoo.in\n")]
    // An object whose key names no address: its members' keys name nothing.
    [InlineData("item:\n  line1: 22 MG Road\n  city: Bengaluru\nemail: kiran.rao@yahoo.in\n")]
    // A key with a value on its own line opens no object, even when the value ends with a colon.
    [InlineData("address: see below\n  line1: 22 MG Road\n  city: Bengaluru\nemail: kiran.rao@yahoo.in\n")]
    [InlineData("address: as per note:\n  line1: 22 MG Road\n  city: Bengaluru\nemail: kiran.rao@yahoo.in\n")]
    // A shallower line closes the object for good: a deeper line after it is no member.
    [InlineData("address:\n  city: Bengaluru\nitem:\n  line1: 22 MG Road\nemail: kiran.rao@yahoo.in\n")]
    public void Scan_NoOpenAddressObject_StreetKept(string body)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, body);

        Assert.Contains("line1: 22 MG Road", result.Text);
    }
}
