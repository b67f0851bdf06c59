using System.Text;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Hashes and arrays that frameworks dump into their logs with <c>=&gt;</c>: a Rails request log's
/// <c>Parameters: {"customer"=&gt;{"name"=&gt;"Meena Iyer", ...}}</c>, PHP's <c>print_r</c>
/// (<c>Array ( [name] =&gt; Kiran Rao [email] =&gt; ... )</c>, one entry a line by default) and <c>var_export</c>
/// (<c>'name' =&gt; 'Kiran Rao',</c>). Before, the value after <c>=&gt;</c> started at the <c>&gt;</c> and a bracketed key was
/// no key, so the names went out, and with them the emails of the same records.
/// </summary>
public sealed class DumpedHashTests
{
    private static readonly PiiScanner s_masks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance));

    [Theory]
    [InlineData("""Parameters: {"customer"=>{"name"=>"Meena Iyer", "email"=>"meena.iyer@gmail.com"}}""",
        """Parameters: {"customer"=>{"name"=>"MXXXX IXXX", "email"=>"meXXX@gmail.com"}}""")]
    [InlineData("Array ( [name] => Kiran Rao [email] => kiran.rao@gmail.com [phone] => 9812345670 )",
        "Array ( [name] => KXXXX RXX [email] => kiXXX@gmail.com [phone] => 98XXXXXX70 )")]
    [InlineData("Array ( [address] => 12 MG Road, Pune 411001 [city] => Pune [email] => kiran.rao@gmail.com )",
        "Array ( [address] => [REDACTED_ADDRESS] [city] => [REDACTED_ADDRESS] [email] => kiXXX@gmail.com )")]
    public void Scan_OneLineDump_NamesAndAddressesRedacted(string body, string expected)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, body);

        Assert.Equal(expected, result.Text);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, BodyFormat.Text, Encoding.UTF8.GetBytes(body), result);
    }

    [Theory]
    [InlineData("[2026-11-20 10:00:05] local.INFO: order payload\nArray\n(\n    [name] => Kiran Rao\n    [email] => kiran.rao@gmail.com\n    [items] => Array\n        (\n            [0] => SKU-1\n        )\n\n)\n",
        "[2026-11-20 10:00:05] local.INFO: order payload\nArray\n(\n    [name] => KXXXX RXX\n    [email] => kiXXX@gmail.com\n    [items] => Array\n        (\n            [0] => SKU-1\n        )\n\n)\n")]
    [InlineData("array (\n  'name' => 'Kiran Rao',\n  'email' => 'kiran.rao@gmail.com',\n)\n",
        "array (\n  'name' => 'KXXXX RXX',\n  'email' => 'kiXXX@gmail.com',\n)\n")]
    public void Scan_DumpOneEntryALine_EntriesAreOneRecord(string body, string expected)
    {
        // Each line is a record of a text body, but consecutive entry lines are one, as Key: value lines are.
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, body);

        Assert.Equal(expected, result.Text);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_masks, BodyFormat.Text, Encoding.UTF8.GetBytes(body), result);
    }

    [Theory]
    // Log lines that start with a bracketed time or level, and bracketed keys with = alone: no entry lines, so each
    // line is a record of its own and a name on one and an email on the next are not one person's.
    [InlineData("[2026-11-20 10:00:05] checkout Name: Kiran Rao\n[2026-11-20 10:00:06] mail sent to kiran.rao@gmail.com\n")]
    [InlineData("[level] = info, Name: Kiran Rao\n[level] = info, mail sent to kiran.rao@gmail.com\n")]
    [InlineData("[worker] ok Name: Kiran Rao\n[worker] ok mail sent to kiran.rao@gmail.com\n")]
    public void Scan_NoEntryLines_LinesStayApart(string body)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, body);

        Assert.Equal(body, result.Text);
    }
}
