using PiiExtProc.Scanning.Validators;
using static PiiExtProc.Scanning.Tests.Validators.ChecksumMutation;

namespace PiiExtProc.Scanning.Tests.Validators;

public sealed class AadhaarValidatorTests
{
    [Theory]
    [InlineData("234123412346")]   // python-stdnum aadhaar.py doctest
    [InlineData("987654321096")]   // computed Verhoeff check digit
    [InlineData("234567890124")]   // computed Verhoeff check digit
    public void IsValid_ValidNumbers_True(string value) => Assert.True(AadhaarValidator.IsValid(Ascii(value)));

    [Theory]
    [InlineData("234123412347")]   // wrong check digit (python-stdnum)
    [InlineData("123412341234")]   // first digit 1 (python-stdnum)
    [InlineData("034123412346")]   // first digit 0
    [InlineData("222222222222")]   // all the same digit (python-stdnum: palindrome)
    [InlineData("200009900002")]   // palindrome that passes Verhoeff
    [InlineData("643343121")]      // too short (python-stdnum)
    [InlineData("2341234123461")]  // too long
    [InlineData("2341 2341 2346")] // separators not stripped
    [InlineData("23412341234a")]   // non-digit
    [InlineData("")]
    public void IsValid_InvalidNumbers_False(string value) => Assert.False(AadhaarValidator.IsValid(Ascii(value)));

    [Fact]
    public void IsValid_PalindromeRow_PassesVerhoeffSoThePalindromeRuleIsWhatRejectsIt() =>
        Assert.True(Verhoeff.IsValid(Ascii("200009900002")));

    [Theory]
    [InlineData("2341234123412341")] // python-stdnum vid.py doctest
    public void IsValidVirtualId_ValidNumbers_True(string value) =>
        Assert.True(AadhaarValidator.IsValidVirtualId(Ascii(value)));

    [Theory]
    [InlineData("2341234123412342")] // wrong check digit (python-stdnum)
    [InlineData("1341234123412341")] // first digit 1 (python-stdnum)
    [InlineData("13412341234123")]   // too short (python-stdnum)
    [InlineData("2222222222222222")] // palindrome (python-stdnum)
    [InlineData("234123412346")]     // an Aadhaar is not a VID
    public void IsValidVirtualId_InvalidNumbers_False(string value) =>
        Assert.False(AadhaarValidator.IsValidVirtualId(Ascii(value)));
}
