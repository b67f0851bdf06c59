using System.Text;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Recognition;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Typed values wrapped in objects, as document stores and analytics APIs write them: DynamoDB's attribute values
/// (<c>{"name": {"S": "Ravi Kumar"}}</c>, maps in <c>M</c>, lists in <c>L</c>), Firestore's REST documents
/// (<c>{"fullName": {"stringValue": ...}}</c>, <c>{"mapValue": {"fields": ...}}</c>) and Google Analytics' properties
/// (<c>{"full_name": {"value": ...}}</c>, an event parameter's <c>{"key": "customer_name", "value": {"string_value":
/// ...}}</c>). Before, the wrapper's key named nothing, so the names and addresses went out, and with them the emails
/// (quasi-identifiers that count only together).
/// </summary>
public sealed class TypedValueWrapperTests
{
    private static readonly PiiScanner s_masks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance));

    [Theory]
    // DynamoDB: an item with a map.
    [InlineData("""{"Items":[{"id":{"S":"C-1001"},"name":{"S":"Ravi Kumar"},"email":{"S":"ravi.k@gmail.com"},"address":{"M":{"line1":{"S":"12, 3rd Cross, HSR Layout"},"city":{"S":"Bengaluru"},"pincode":{"S":"560102"}}},"orders":{"N":"12"}}],"Count":1}""",
        """{"Items":[{"id":{"S":"C-1001"},"name":{"S":"RXXX KXXXX"},"email":{"S":"raXXX@gmail.com"},"address":{"M":{"line1":{"S":"[REDACTED_ADDRESS]"},"city":{"S":"[REDACTED_ADDRESS]"},"pincode":{"S":"560102"}}},"orders":{"N":"12"}}],"Count":1}""")]
    // DynamoDB: a list of maps under an addresses key.
    [InlineData("""{"Item":{"fullName":{"S":"Ravi Kumar"},"addresses":{"L":[{"M":{"line1":{"S":"12 MG Road"},"city":{"S":"Pune"}}}]}}}""",
        """{"Item":{"fullName":{"S":"RXXX KXXXX"},"addresses":{"L":[{"M":{"line1":{"S":"[REDACTED_ADDRESS]"},"city":{"S":"[REDACTED_ADDRESS]"}}}]}}}""")]
    // Firestore's REST document.
    [InlineData("""{"fields":{"fullName":{"stringValue":"Meena Iyer"},"email":{"stringValue":"meena.i@gmail.com"},"address":{"mapValue":{"fields":{"line1":{"stringValue":"Flat 4B, Lake View Apts"},"city":{"stringValue":"Kochi"}}}}}}""",
        """{"fields":{"fullName":{"stringValue":"MXXXX IXXX"},"email":{"stringValue":"meXXX@gmail.com"},"address":{"mapValue":{"fields":{"line1":{"stringValue":"[REDACTED_ADDRESS]"},"city":{"stringValue":"[REDACTED_ADDRESS]"}}}}}}""")]
    // Google Analytics: user properties, and event parameters whose value is an object.
    [InlineData("""{"user_properties":{"full_name":{"value":"Kiran Rao"},"email":{"value":"kiran.rao@yahoo.in"}}}""",
        """{"user_properties":{"full_name":{"value":"KXXXX RXX"},"email":{"value":"kiXXX@yahoo.in"}}}""")]
    [InlineData("""{"params":[{"key":"customer_name","value":{"string_value":"Kiran Rao"}},{"key":"email","value":{"string_value":"kiran.rao@yahoo.in"}}]}""",
        """{"params":[{"key":"customer_name","value":{"string_value":"KXXXX RXX"}},{"key":"email","value":{"string_value":"kiXXX@yahoo.in"}}]}""")]
    public void Scan_WrappedValues_ReadUnderTheirKeys(string body, string expected)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, body);

        Assert.Equal(expected, result.Text);
        ScanComparison.AssertCleanProofAndValuePrefilterSkipNothing(Encoding.UTF8.GetBytes(body));
        ScanComparison.AssertSplitsAndKeyedFastPathChangeNothing(Encoding.UTF8.GetBytes(body), Scanners.Run(Scanners.Guardian, BodyFormat.Json, body));
    }

    [Theory]
    // Wrappers under keys that name no role: a product's name is read as any name is, its wrapped members as nothing.
    [InlineData("""{"Items":[{"sku":{"S":"TS-0042"},"title":{"S":"Ravi Kumar"},"value":{"N":"1299"},"fields":{"M":{"line1":{"S":"12 MG Road"},"city":{"S":"Pune"}}}}]}""")]
    // A wrapper key in the place of the other wrapper kind: a string wrapper holding an object, a map wrapper a string.
    [InlineData("""{"name":{"S":{"x":"Ravi Kumar"}},"address":{"M":"12 MG Road, Koramangala, Pune"},"email":{"S":"ravi.k@gmail.com"}}""")]
    public void Scan_WrapperUnderNoRoleOrOfTheOtherKind_NotTheKeysValue(string body)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, body);

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PersonName || f.Entity == PiiEntity.PostalAddress);
    }

    [Theory]
    [InlineData("S", 1)]
    [InlineData("stringValue", 1)]
    [InlineData("string_value", 1)]
    [InlineData("value", 1)]
    [InlineData("M", 2)]
    [InlineData("L", 2)]
    [InlineData("mapValue", 2)]
    [InlineData("arrayValue", 2)]
    [InlineData("fields", 2)]
    [InlineData("N", 0)]
    [InlineData("name", 0)]
    public void ClassifyKey_WrapperKeys_TheirPart(string key, int expected)
    {
        // 1: the wrapped value (TypedValueWrapper.Value), 2: the wrapped container, 0: no wrapper.
        KeyClass keyClass = Scanners.Guardian.Detector.Keywords.ClassifyKey(Encoding.UTF8.GetBytes(key));

        Assert.Equal((TypedValueWrapper)expected, keyClass.Wrapper);
    }
}
