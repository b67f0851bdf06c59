using PiiExtProc.Scanning.Validators;
using static PiiExtProc.Scanning.Tests.Validators.ChecksumMutation;

namespace PiiExtProc.Scanning.Tests.Validators;

public sealed class VoterIdValidatorTests
{
    [Theory]
    [InlineData("WKH1186253")] // python-stdnum epic.py doctest
    [InlineData("ABC1234566")] // computed Luhn check digit
    [InlineData("XYZ7654320")] // computed Luhn check digit
    public void IsValid_ValidNumbers_True(string value) => Assert.True(VoterIdValidator.IsValid(Ascii(value)));

    [Theory]
    [InlineData("WKH1186263")]  // Luhn fails (python-stdnum)
    [InlineData("WKH118624")]   // too short (python-stdnum)
    [InlineData("1231186253")]  // digits instead of letters (python-stdnum)
    [InlineData("wkh1186253")]  // lower case
    [InlineData("WK11186253")]  // two letters
    [InlineData("WKH1186253X")] // too long
    [InlineData("")]
    public void IsValid_InvalidNumbers_False(string value) => Assert.False(VoterIdValidator.IsValid(Ascii(value)));

    [Fact]
    public void IsValidFormat_LuhnFailure_StillTrue() => Assert.True(VoterIdValidator.IsValidFormat(Ascii("WKH1186263")));
}
