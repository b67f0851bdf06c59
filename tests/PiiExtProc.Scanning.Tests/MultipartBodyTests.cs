using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// <c>multipart/form-data</c> bodies (<see cref="BodyFormat.Multipart"/>): each part's name is the key of its value,
/// binary file parts pass through unscanned, the body is one record, and chunking changes nothing.
/// </summary>
public sealed class MultipartBodyTests
{
    private static readonly PiiScanner s_masks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance));

    private static string Part(string name, string value, string? disposition = null, string? headers = null) =>
        $"--XyZ123\r\nContent-Disposition: form-data; name=\"{name}\"{disposition}\r\n{headers}\r\n{value}\r\n";

    private static readonly string s_kycForm =
        Part("full_name", "Ravi Kumar")
        + Part("email", "ravi.k@example.com")
        + Part("address", "12 MG Road, Indiranagar, Bengaluru 560038")
        + Part("order_id", "9876543210")
        + Part("aadhaar_card", "\u00ff\u00d8\u00ff aadhaar 2345 6789 0124 mobile 9876543210 binary", "; filename=\"card.jpg\"", "Content-Type: image/jpeg\r\n")
        + "--XyZ123--\r\n";

    [Fact]
    public void Process_FormFields_NamesAreKeysAndTheBodyIsOneRecord()
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Multipart, Encoding.Latin1.GetBytes(s_kycForm), [0]);
        string text = Encoding.Latin1.GetString(result.Output);

        Assert.Contains("\r\n\r\nRXXX KXXXX\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\n\r\nraXXX@example.com\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\n\r\n[REDACTED_ADDRESS]\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\n\r\n9876543210\r\n", text, StringComparison.Ordinal);
        Assert.True(result.ContainsPii);
    }

    [Fact]
    public void Process_BinaryFilePart_PassesThroughUnscanned()
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Multipart, Encoding.Latin1.GetBytes(s_kycForm), [0]);

        Assert.Contains("\u00ff\u00d8\u00ff aadhaar 2345 6789 0124 mobile 9876543210 binary", Encoding.Latin1.GetString(result.Output), StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.Aadhaar);
    }

    [Fact]
    public void Process_TextFilePart_IsScanned()
    {
        string body = "--b1\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"customers.csv\"\r\nContent-Type: text/csv\r\n\r\n"
            + "name,aadhaar\r\nRavi Kumar,2345 6789 0124\r\n--b1--\r\n";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Multipart, body);

        Assert.Contains("Ravi Kumar,XXXX XXXX 0124", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_OneQuasiIdentifier_LeavesTheBodyAsItIs()
    {
        string body = Part("full_name", "Ravi Kumar") + Part("city", "Pune") + "--XyZ123--\r\n";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Multipart, body);

        Assert.Equal(body, result.Text);
        Assert.False(result.ContainsPii);
    }

    [Theory]
    [InlineData("Content-Disposition: form-data; name=\"full_name\"", "full_name")]
    [InlineData("content-disposition: form-data; filename=\"a.txt\"; name=customer_name", "customer_name")]
    [InlineData("Content-Disposition: form-data; xname=\"x\"; name=\"full_name\"", "full_name")]
    public void Process_PartNameParameter_IsFoundInAnyPosition(string header, string key)
    {
        string body = $"--b\r\n{header}\r\n\r\nRavi Kumar\r\n" + Part("email", "ravi.k@example.com").Replace("XyZ123", "b", StringComparison.Ordinal) + "--b--\r\n";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Multipart, body);

        Assert.DoesNotContain("Ravi Kumar", result.Text, StringComparison.Ordinal);
        Assert.Contains(key, result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_AnyChunking_SameOutputAndFindingsAsWhole()
    {
        byte[] body = Encoding.Latin1.GetBytes(s_kycForm + "epilogue mobile 9876543211\r\n");
        ScanResult whole = Scanners.Run(s_masks, BodyFormat.Multipart, body, [0]);
        Assert.Equal(4, whole.Findings.Count(f => f.Action == FindingAction.Redacted));
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, BodyFormat.Multipart, body, whole);
        Arbitrary<int[]> cuts = Arb.From(Gen.ArrayOf(Gen.Choose(0, 40)));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500).WithReplay(20261125UL, 31UL), Prop.ForAll(cuts, c =>
            ScanComparison.AssertSameResult(whole, Scanners.Run(s_masks, BodyFormat.Multipart, body, c.Append(0).ToArray()), "chunking", c, body)));
    }
}
