using PiiExtProc.Scanning.Validators;
using static PiiExtProc.Scanning.Tests.Validators.ChecksumMutation;

namespace PiiExtProc.Scanning.Tests.Validators;

public sealed class PanValidatorTests
{
    [Theory]
    [InlineData("AAPPV8261K")] // python-stdnum pan.py doctest (individual)
    [InlineData("ACUPA7085R")] // python-stdnum pan.py doctest
    [InlineData("AAPFU0939F")] // PAN inside python-stdnum's GSTIN doctest (firm)
    [InlineData("AAACB1234K")] // company
    [InlineData("AAAEL0001Z")] // E = LLP
    [InlineData("AAAKK9999A")] // K = Krish
    public void IsValid_ValidNumbers_True(string value) => Assert.True(PanValidator.IsValid(Ascii(value)));

    [Theory]
    [InlineData("ABMXA3211G")]  // invalid holder type X (python-stdnum)
    [InlineData("ABMPA32111")]  // last character must be a letter (python-stdnum)
    [InlineData("AAPPV0000K")]  // serial 0000
    [InlineData("aappv8261k")]  // lower case
    [InlineData("AAPPV8261")]   // too short
    [InlineData("AAPPV8261KK")] // too long
    [InlineData("AAP1V8261K")]  // digit among the letters
    [InlineData("AAPPV82A1K")]  // letter among the digits
    [InlineData("")]
    public void IsValid_InvalidNumbers_False(string value) => Assert.False(PanValidator.IsValid(Ascii(value)));
}
