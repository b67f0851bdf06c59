using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

public sealed class SmokeTests
{
    [Theory]
    [InlineData("{\"phone\": \"9876543210\", \"order_value\": 1299}", "{\"phone\": \"[IN_MOBILE]\", \"order_value\": 1299}")]
    [InlineData("{\"aadhar\": \"123456789012\"}", "{\"aadhar\": \"[IN_AADHAAR]\"}")]
    [InlineData("{\"name\": \"Rajesh Kumar\", \"email\": \"rajesh.kumar@email.com\", \"city\": \"Mumbai\"}", "{\"name\": \"[PERSON_NAME]\", \"email\": \"[EMAIL_ADDRESS]\", \"city\": \"Mumbai\"}")]
    [InlineData("{\"email\": \"standalone@email.com\"}", "{\"email\": \"standalone@email.com\"}")]
    [InlineData("{\"phone\": 9876543210}", "{\"phone\": \"[IN_MOBILE]\"}")]
    [InlineData("{\"upi_id\": \"9123456780@ybl\"}", "{\"upi_id\": \"[IN_UPI_VPA]\"}")]
    public void Process_GuardianRows_Redacted(string input, string expected)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, input);
        Assert.Equal(expected, result.Text);
    }
}
