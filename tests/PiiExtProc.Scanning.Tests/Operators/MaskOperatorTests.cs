using System.Text;
using PiiExtProc.Scanning.Operators;
using static PiiExtProc.Scanning.Tests.Operators.OperatorTestHelper;

namespace PiiExtProc.Scanning.Tests.Operators;

public sealed class MaskOperatorTests
{
    [Theory]
    [InlineData(0, 4, 'X', true, "1234 5678 9012", "XXXX XXXX 9012")]
    [InlineData(2, 2, 'X', true, "9876543210", "98XXXXXX10")]
    [InlineData(2, 0, '*', true, "ab-cd.ef@gh", "ab-**.**@**")]
    [InlineData(0, 4, 'X', false, "1234 5678 9012", "XXXXXXXXXX9012")]
    [InlineData(1, 1, '#', true, "a", "#")]
    [InlineData(3, 3, 'X', true, "abcdef", "XXXXXX")]
    [InlineData(0, 0, 'X', true, "", "")]
    [InlineData(0, 0, '•', true, "ab c", "•• •")]
    public void Write_KeepCounts_MasksBetweenAndKeepsSeparators(int first, int last, char maskChar, bool keepSeparators, string input, string expected)
    {
        var op = new MaskOperator(first, last, maskChar, keepSeparators);

        Assert.Equal(expected, Apply(op, PiiEntity.Aadhaar, input));
    }

    [Fact]
    public void Write_MultiByteCharacters_MasksPerCharacterAndKeepsValidUtf8()
    {
        var op = new MaskOperator(1, 1);

        // Devanagari letters and marks are 3 bytes each; "राहुल" is 5 UTF-16 chars, and Rune.IsLetterOrDigit
        // counts the vowel signs as non-letters (kept as separators).
        var output = ApplyBytes(op, PiiEntity.PersonName, Encoding.UTF8.GetBytes("Zoë Ångström"));

        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(output);
        Assert.Equal("ZXX XXXXXXXm", text);
    }

    [Fact]
    public void Write_FourByteCharacter_ReplacedByOneMaskCharacter()
    {
        var op = new MaskOperator(0, 0);

        Assert.Equal("XX", Apply(op, PiiEntity.PersonName, "𝒜𝒜"));
    }

    [Fact]
    public void Write_InvalidUtf8_NeverCopiesInvalidBytes()
    {
        var op = new MaskOperator(5, 5);
        var input = new byte[] { (byte)'a', 0xFF, (byte)'b', 0xE0, 0x80 };

        var output = ApplyBytes(op, PiiEntity.PersonName, input);

        Assert.DoesNotContain((byte)0xFF, output);
        Assert.DoesNotContain((byte)0xE0, output);
    }

    [Fact]
    public void Constructor_NegativeKeep_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MaskOperator(-1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MaskOperator(0, 0, '\uD800'));
    }

    [Fact]
    public void ToString_DescribesSettings()
    {
        Assert.Equal("mask(keep_first=2, keep_last=4, mask_char=*, keep_separators=false)", new MaskOperator(2, 4, '*', false).ToString());
    }
}
