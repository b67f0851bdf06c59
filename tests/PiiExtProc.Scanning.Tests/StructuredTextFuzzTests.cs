using System.Text;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Random bytes drawn mostly from the bytes the form, markup, multipart and CSV readers act on (<c>&amp; = % + &lt; &gt; / -
/// " ; , | ( ) TAB CR LF</c>, digits, table tags, labels, PII fragments): no exception, any chunking gives the result of the whole body, and a body with
/// no redaction comes out byte for byte.
/// </summary>
public sealed class StructuredTextFuzzTests
{
    private static readonly PiiScanner s_masks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance, maxRecordBytes: 1024));

    private static readonly string[] s_pieces =
    [
        "&", "=", "%", "%2", "%40", "%E0%A4", "+", "<", ">", "</", "/", "-", "--", "--b", "\"", ";", "\r\n", "\n", " ",
        "name", "email", "city", "street", "first", "Content-Disposition: form-data; name=\"full_name\"", "filename=\"a.jpg\"",
        "Content-Type: image/png", "Ravi Kumar", "ravi.k@example.com", "ravi.k%40example.com", "9876543210", "2345 6789 0124",
        "12 MG Road, Bengaluru 560001", "<name>", "</name>", "[", "]", "\u00ff", "x", ",", "\t", "|", "\"\"", "mobile,name,email\n", "/cb?", "?email=", "?name=Ravi+Kumar&",
        "<td>", "<th>", "<tr>", "<table>", "</td>", "&nbsp;", "(", ")", "+91 (", "Name:", "Phone", "Kumar, Ravi", ": ", "- ",
        "Customer", "passengers", "Ship To:", "Walk In Customer", "Acme Traders Pvt Ltd", "'",
    ];

    [Theory]
    [InlineData(BodyFormat.FormUrlEncoded)]
    [InlineData(BodyFormat.Markup)]
    [InlineData(BodyFormat.Multipart)]
    [InlineData(BodyFormat.Csv)]
    [InlineData(BodyFormat.Text)]
    public void Process_RandomStructuredBytes_NoExceptionSameResultChunkedUnchangedWithoutRedaction(BodyFormat format)
    {
        var random = new Random(1000 + (int)format);
        int unchanged = 0;
        for (int n = 0; n < 1500; n++)
        {
            var text = new StringBuilder(n % 3 == 0 ? "--b\r\n" : "");
            int pieces = random.Next(1, 120);
            for (int p = 0; p < pieces; p++)
            {
                text.Append(s_pieces[random.Next(s_pieces.Length)]);
            }

            byte[] body = Encoding.UTF8.GetBytes(text.ToString());
            ScanResult whole = Scanners.Run(s_masks, format, body, [body.Length]);
            int[] cuts = [random.Next(body.Length + 1), random.Next(1, 16), random.Next(1, 200)];
            ScanComparison.AssertSameResult(whole, Scanners.Run(s_masks, format, body, cuts), "chunking", cuts, body);
            if (!whole.Findings.Any(f => f.Action is FindingAction.Redacted))
            {
                unchanged++;
                Assert.Equal(body, whole.Output);
            }
        }

        Assert.InRange(unchanged, 50, 1450);
    }
}
