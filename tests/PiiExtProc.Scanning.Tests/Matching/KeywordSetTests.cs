using PiiExtProc.Scanning.Matching;

namespace PiiExtProc.Scanning.Tests.Matching;

public sealed class KeywordSetTests
{
    private static KeywordSet<string> KeyNames() => KeywordSet<string>.Create(
        [
            new("aadhaar", "IN_AADHAAR"),
            new("aadhar", "IN_AADHAAR"),
            new("phone", "IN_MOBILE"),
            new("phone_number", "IN_MOBILE"),
            new("pan", "IN_PAN"),
        ],
        ignoreAsciiCase: true);

    [Theory]
    [InlineData("Aadhar", "IN_AADHAAR")]
    [InlineData("PHONE_NUMBER", "IN_MOBILE")]
    [InlineData("pan", "IN_PAN")]
    public void TryMatchExact_KnownKeyName_ReturnsValue(string key, string expected)
    {
        Assert.True(KeyNames().TryMatchExact(System.Text.Encoding.UTF8.GetBytes(key), out string? value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void TryMatchExact_UnknownKeyName_ReturnsFalse()
    {
        Assert.False(KeyNames().TryMatchExact("company"u8, out string? value));
        Assert.Null(value);
    }

    [Fact]
    public void TryFindFirst_ContextWindow_ReturnsValueOfFirstKeyword()
    {
        Assert.True(KeyNames().TryFindFirst("my PAN and phone"u8, out string? value));
        Assert.Equal("IN_PAN", value);
        Assert.False(KeyNames().TryFindFirst("nothing here"u8, out _));
    }

    [Fact]
    public void GetValue_HitsFromAutomaton_MapBack()
    {
        KeywordSet<string> set = KeyNames();
        var hits = new List<KeywordHit>();
        var sink = new CollectingSink(hits);
        var cursor = AutomatonCursor.Start;

        set.Automaton.FindAll("\"aadhaar\":1,\"phone\":2"u8, ref cursor, ref sink);

        Assert.Equal(["IN_AADHAAR", "IN_MOBILE"], hits.Select(h => set.GetValue(h)).ToList());
    }

    [Fact]
    public void Create_DuplicateKeyword_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => KeywordSet<int>.Create([new("pan", 1), new("PAN", 2)], ignoreAsciiCase: true));
    }
}
