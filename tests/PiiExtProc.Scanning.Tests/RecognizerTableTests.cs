using System.Text;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>Table-driven positives and negatives per recognizer (text bodies unless the input starts with '{').</summary>
public sealed class RecognizerTableTests
{
    [Theory]
    [InlineData("call +91 98765 43210", "IN_MOBILE")]
    [InlineData("+91-9876543210", "IN_MOBILE")]
    [InlineData("Mobile 098765-43210", "IN_MOBILE")]
    [InlineData("{\"phone\": 9876543210}", "IN_MOBILE")]
    [InlineData("my aadhaar 2345 6789 0124", "IN_AADHAAR")]
    [InlineData("{\"aadhar\": \"123456789012\"}", "IN_AADHAAR")]
    [InlineData("PAN: ABCPE1234F", "IN_PAN")]
    [InlineData("{\"gst_number\": \"27AAPFU0939F1ZV\"}", "IN_GSTIN")]
    [InlineData("27AAPFU0939F1ZV", "IN_GSTIN")]
    [InlineData("{\"passport\": \"J0123456\"}", "IN_PASSPORT")]
    [InlineData("IFSC SBIN0001234", "IN_IFSC")]
    [InlineData("pay 9876543210@ybl", "IN_UPI_VPA")]
    [InlineData("{\"upi_id\": \"pooja@maharashtra\"}", "IN_UPI_VPA")]
    // The handles of newer payment apps, with no context word.
    [InlineData("refund to ravi4@fifederal done", "IN_UPI_VPA")]
    [InlineData("refund to ravi7@yescred done", "IN_UPI_VPA")]
    [InlineData("refund to ravi7@axisb done", "IN_UPI_VPA")]
    [InlineData("refund to shop12@okbizaxis done", "IN_UPI_VPA")]
    [InlineData("account no 123456789012345", "IN_BANK_ACCOUNT")]
    [InlineData("{\"pin_code\": \"560001\"}", "IN_PIN_CODE")]
    [InlineData("card 4111 1111 1111 1111", "CREDIT_CARD")]
    [InlineData("GB82 WEST 1234 5698 7654 32", "IBAN_CODE")]
    [InlineData("{\"dob\": \"1990-05-15\"}", "DATE_OF_BIRTH")]
    [InlineData("ID-0.0 234123412346 ok", "IN_AADHAAR")]
    [InlineData("see /127.0.0.1 234123412346", "IN_AADHAAR")]
    [InlineData("x/+91 234123412346", "IN_AADHAAR")]
    public void Scan_Positive_Found(string body, string entity)
    {
        ScanResult result = Run(body);
        Assert.Contains(result.Findings, f => f.Entity.Name == entity && f.Action is FindingAction.Redacted or FindingAction.Observed);
    }

    [Theory]
    [InlineData("9876543210")]
    [InlineData("{\"order_id\": 9876543210}")]
    [InlineData("event 1712345678 ok")]
    [InlineData("{\"ts\": 1712345678123}")]
    [InlineData("ORD9876543210")]
    [InlineData("123498765432101")]
    [InlineData("https://x.example/orders/9876543210")]
    [InlineData("https://x.example/orders/9876543210-234123412346")]
    [InlineData("ID-234123412346")]
    [InlineData("{\"version\": \"1.2.3.4\"}")]
    [InlineData("ref 234567890123")]
    [InlineData("value 4111 1111 1111 1112")]
    [InlineData("{\"order_date\": \"2024-01-15\"}")]
    [InlineData("K1234567")]
    [InlineData("{\"product_name\": \"Laptop Bag\"}")]
    [InlineData("{\"first_name\": \"Priya\"}")]
    [InlineData("{\"last_name_initial\": \"K\", \"first_name\": \"Anita\"}")]
    [InlineData("Rs. 9876543210.50")]
    [InlineData("550e8400-e29b-41d4-a716-446655440000")]
    public void Scan_HardNegative_NotPii(string body)
    {
        ScanResult result = Run(body);
        Assert.False(result.ContainsPii, string.Join(", ", result.Findings));
    }

    [Theory]
    [InlineData(172)]
    [InlineData(184)]
    [InlineData(206)]
    public void Process_MalformedGuardianRows_StillMasked(int row)
    {
        string[] rows =
        [
            "{\"aadhar\": \"456783210987\", \"document_uploaded\": 2024-01-15\"}",
            "{\"aadhar\": \"567894321098\", \"address_change_request\": pending\"}",
            "{\"passport\": \"C4702581\", \"renewal_due\": 2025-06-15\"}",
        ];
        string body = rows[row switch { 172 => 0, 184 => 1, _ => 2 }];
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);
        Assert.True(result.FellBackToText);
        Assert.True(result.ContainsPii);
        Assert.DoesNotContain("456783210987", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("567894321098", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("C4702581", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_DeepNesting_FallsBackWithoutCrash()
    {
        string body = new string('[', 100_000) + "\"9876543210\"" + new string(']', 100_000);
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);
        Assert.True(result.FellBackToText);
        Assert.Equal(Encoding.UTF8.GetByteCount(body), result.Output.Length);
    }

    [Fact]
    public void Process_NastyOperatorOutput_StaysValidJson()
    {
        var scanner = PiiScanner.Create(Scanners.GuardianOptions(new NastyOperator()));
        ScanResult result = Scanners.Run(scanner, BodyFormat.Json, "{\"phone\": 9876543210, \"note\": \"a\\u0041 call +91 98765 43210\"}");
        Assert.True(ChunkInvarianceTests.IsValidJsonSequence(result.Output));
        Assert.DoesNotContain("43210", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_NeverHoldRawValues()
    {
        ScanResult result = Run("{\"name\": \"Rajesh Kumar\", \"email\": \"rajesh.kumar@email.com\", \"phone\": \"9876543210\"}");
        string all = string.Join("|", result.Findings.Select(f => f.ToString()));
        Assert.DoesNotContain("9876543210", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Rajesh", all, StringComparison.Ordinal);
        Assert.DoesNotContain("rajesh.kumar", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_BadCustomPattern_ThrowsNamingRecognizerOnly()
    {
        var options = Scanners.GuardianOptions() with
        {
            CustomRecognizers = [new CustomRecognizerDefinition("employee_id", PiiEntity.Pan, "(?<=x)EMP\\d+", 0.8f, [], null)],
        };
        var e = Assert.Throws<ScannerConfigurationException>(() => PiiScanner.Create(options));
        Assert.Contains("employee_id", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CustomRecognizer_WithContextWord_Finds()
    {
        var options = Scanners.GuardianOptions() with
        {
            CustomRecognizers = [new CustomRecognizerDefinition("employee_id", PiiEntity.Pan, "EMP[0-9]{6}", 0.3f, ["employee"], null)],
        };
        ScanResult result = Scanners.Run(PiiScanner.Create(options), BodyFormat.Text, "employee EMP123456 joined");
        Assert.Contains(result.Findings, f => f.Recognizer == "custom.employee_id" && f.Action == FindingAction.Redacted);
        Assert.Equal("employee [IN_PAN] joined", result.Text);
    }

    [Fact]
    public void Process_CleanBody_IsUnchanged()
    {
        using var session = Scanners.Guardian.CreateSession(BodyFormat.Json);
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        var result = session.Process("{\"status\": \"ok\", \"items\": [1, 2, 3]}"u8, true, output);
        Assert.True(result.IsUnchanged);
        Assert.Equal(0, output.WrittenCount);
    }

    private static ScanResult Run(string body) =>
        Scanners.Run(Scanners.Guardian, body.StartsWith('{') ? BodyFormat.Json : BodyFormat.Text, body);
}
