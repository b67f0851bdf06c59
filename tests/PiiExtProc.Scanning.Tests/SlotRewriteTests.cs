using System.Text;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>Rewritten values: replacements spliced between the unchanged pieces, escaped where JSON needs it.</summary>
public sealed class SlotRewriteTests
{
    private static string Notes(int count)
    {
        var note = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            note.Append("call 98765432").Append(10 + i).Append(", ");
        }

        return note.Append("thanks").ToString();
    }

    private static string Labelled(int count)
    {
        var note = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            note.Append("call [IN_MOBILE], ");
        }

        return note.Append("thanks").ToString();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(20)]
    public void Process_ManyMatchesInOneString_EachReplacedInPlace(int count)
    {
        PiiScanner scanner = PiiScanner.Create(Scanners.GuardianOptions(new LabelOperator()));

        ScanResult result = Scanners.Run(scanner, BodyFormat.Json, "{\"a\":1,\"note\":\"" + Notes(count) + "\",\"b\":2}");

        Assert.Equal("{\"a\":1,\"note\":\"" + Labelled(count) + "\",\"b\":2}", result.Text);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    public void Process_EscapedStringWithMatches_PiecesEscapedAgain(int count)
    {
        PiiScanner scanner = PiiScanner.Create(Scanners.GuardianOptions(new LabelOperator()));

        ScanResult result = Scanners.Run(scanner, BodyFormat.Json, "{\"note\":\"\\\"q\\\" " + Notes(count) + "\"}");

        Assert.Equal("{\"note\":\"\\\"q\\\" " + Labelled(count) + "\"}", result.Text);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    public void Process_ReplacementNeedsEscaping_Escaped(int count)
    {
        PiiScanner scanner = PiiScanner.Create(Scanners.GuardianOptions(new NastyOperator()));

        ScanResult result = Scanners.Run(scanner, BodyFormat.Json, "{\"note\":\"" + Notes(count) + "\"}");

        string expected = Labelled(count).Replace("[IN_MOBILE]", "\\\"\\\\\\n<x>", StringComparison.Ordinal);
        Assert.Equal("{\"note\":\"" + expected + "\"}", result.Text);
    }

    [Fact]
    public void Process_RedactedNumber_BecomesString()
    {
        PiiScanner scanner = PiiScanner.Create(Scanners.GuardianOptions(new LabelOperator()));

        ScanResult result = Scanners.Run(scanner, BodyFormat.Json, "{\"phone\": 9876543210, \"n\": 5}");

        Assert.Equal("{\"phone\": \"[IN_MOBILE]\", \"n\": 5}", result.Text);
    }

    [Theory]
    [InlineData('"', "\\\"")]
    [InlineData('\\', "\\\\")]
    public void Process_MaskCharacterNeedsEscaping_EscapedInPlace(char maskChar, string escapedMask)
    {
        PiiScanner scanner = PiiScanner.Create(Scanners.GuardianOptions(new PiiExtProc.Scanning.Operators.MaskOperator(keepFirst: 2, keepLast: 2, maskChar)));

        ScanResult result = Scanners.Run(scanner, BodyFormat.Json, "{\"phone\":\"9876543210\",\"mobile\":9876543210}");

        string masked = "98" + string.Concat(Enumerable.Repeat(escapedMask, 6)) + "10";
        Assert.Equal("{\"phone\":\"" + masked + "\",\"mobile\":\"" + masked + "\"}", result.Text);
        using var parsed = System.Text.Json.JsonDocument.Parse(result.Text);
        Assert.Equal("98" + new string(maskChar, 6) + "10", parsed.RootElement.GetProperty("phone").GetString());
    }

    [Fact]
    public void Process_ReplaceLabelNeedsEscaping_EscapedInPlace()
    {
        PiiScanner scanner = PiiScanner.Create(Scanners.GuardianOptions(new PiiExtProc.Scanning.Operators.ReplaceOperator("<\"gone\"\\>")));

        ScanResult result = Scanners.Run(scanner, BodyFormat.Json, "{\"phone\":\"9876543210\"}");

        Assert.Equal("{\"phone\":\"<\\\"gone\\\"\\\\>\"}", result.Text);
    }
}
