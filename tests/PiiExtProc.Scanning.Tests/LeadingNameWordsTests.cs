using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// A value under a name or party key that is no name as a whole (a digit, a symbol, more than 5 words) holds a full
/// name in its first 2-4 capitalized words when a word that is not capitalized follows them
/// (<c>"name": "Ravi Kumar (Gold member)"</c>); the rest of the value is not part of it.
/// </summary>
public sealed class LeadingNameWordsTests
{
    private const string Address = "12 MG Road, Indiranagar, Bengaluru 560038";

    [Theory]
    [InlineData("name", "Ravi Kumar (Gold member)", "Ravi Kumar", " (Gold member)")]
    [InlineData("customer_name", "Anita Desai - prepaid", "Anita Desai", " - prepaid")]
    [InlineData("customer", "Arjun K. Nair c/o Meena Nair", "Arjun K. Nair", " c/o Meena Nair")]
    [InlineData("ship_to", "SUNITA DEVI 2nd floor", "SUNITA DEVI", " 2nd floor")]
    public void Process_NameKeyValueRunningOn_LeadingWordsAreTheName(string key, string value, string name, string rest)
    {
        string json = $$"""{"{{key}}":"{{value}}","address":"{{Address}}"}""";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, json);

        Assert.DoesNotContain(name, result.Text, StringComparison.Ordinal);
        Assert.Contains(rest, result.Text, StringComparison.Ordinal);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.PersonName && f.Length == name.Length && f.Action == FindingAction.Redacted);
        ScanComparison.AssertSplitsAndKeyedFastPathChangeNothing(System.Text.Encoding.UTF8.GetBytes(json), result);
    }

    [Theory]
    [InlineData("shipper", "Acme Traders (Pune)")]
    [InlineData("name", "Ravi (self)")]
    [InlineData("name", "Ravi Kumar, Pune 411001")]
    [InlineData("name", "The Quick Brown Fox Jumps (test)")]
    [InlineData("name", "ravi kumar (self)")]
    [InlineData("name", "Ravi Kumar9 (self)")]
    public void Process_NameKeyValueRunningOn_NoNameWithoutItsShape(string key, string value)
    {
        string json = $$"""{"{{key}}":"{{value}}","address":"{{Address}}"}""";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, json);

        Assert.DoesNotContain(result.Findings, f => f.Entity == PiiEntity.PersonName);
        ScanComparison.AssertSplitsAndKeyedFastPathChangeNothing(System.Text.Encoding.UTF8.GetBytes(json), result);
    }

    [Fact]
    public void Process_ProductNameRunningOn_AloneIsNotReported()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, """{"sku":"SKU-100233","name":"Cotton Kurta (Blue, XL)","price":1299}""");

        Assert.False(result.ContainsPii);
        Assert.DoesNotContain(result.Findings, f => f.Action == FindingAction.Redacted);
        Assert.Contains("Cotton Kurta (Blue, XL)", result.Text, StringComparison.Ordinal);
    }
}
