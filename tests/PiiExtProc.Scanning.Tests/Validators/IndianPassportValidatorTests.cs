using PiiExtProc.Scanning.Validators;
using static PiiExtProc.Scanning.Tests.Validators.ChecksumMutation;

namespace PiiExtProc.Scanning.Tests.Validators;

public sealed class IndianPassportValidatorTests
{
    [Theory]
    [InlineData("K1234567")] // pii-detection.md §3 example
    [InlineData("P1234567")] // Guardian RULES.md example
    [InlineData("T3691470")] // Guardian dataset; Presidio misses it (last digit 0)
    [InlineData("Q8527419")] // Guardian dataset uses Q, W, Z
    [InlineData("W9527413")]
    [InlineData("Z3681470")]
    public void IsValid_ValidNumbers_True(string value) => Assert.True(IndianPassportValidator.IsValid(Ascii(value)));

    [Theory]
    [InlineData("J0123456")]  // first digit 0 (in the Guardian dataset; see IsValidAnyDigits)
    [InlineData("k1234567")]  // lower case
    [InlineData("K123456")]   // too short
    [InlineData("K12345678")] // too long
    [InlineData("11234567")]  // no letter
    [InlineData("KK234567")]  // two letters
    [InlineData("K123 4567")] // separator
    [InlineData("")]
    public void IsValid_InvalidNumbers_False(string value) => Assert.False(IndianPassportValidator.IsValid(Ascii(value)));

    [Theory]
    [InlineData("J0123456", true)] // Guardian dataset
    [InlineData("F0741963", true)] // Guardian dataset
    [InlineData("K1234567", true)]
    [InlineData("k0123456", false)]
    [InlineData("J012345", false)]
    public void IsValidAnyDigits_Rows_Expected(string value, bool expected) =>
        Assert.Equal(expected, IndianPassportValidator.IsValidAnyDigits(Ascii(value)));
}
