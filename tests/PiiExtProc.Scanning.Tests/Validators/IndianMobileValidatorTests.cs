using PiiExtProc.Scanning.Validators;
using static PiiExtProc.Scanning.Tests.Validators.ChecksumMutation;

namespace PiiExtProc.Scanning.Tests.Validators;

public sealed class IndianMobileValidatorTests
{
    [Theory]
    [InlineData("9876543210")]
    [InlineData("6000000001")]
    [InlineData("7012345678")]
    [InlineData("8123456789")]
    public void IsValid_ValidNumbers_True(string value) => Assert.True(IndianMobileValidator.IsValid(Ascii(value)));

    [Theory]
    [InlineData("5876543210")]   // first digit 5
    [InlineData("0987654321")]   // trunk prefix not stripped
    [InlineData("9999999999")]   // all the same digit
    [InlineData("6666666666")]
    [InlineData("987654321")]    // too short
    [InlineData("919876543210")] // country code not stripped
    [InlineData("98765 43210")]  // separator
    [InlineData("98765432a0")]
    [InlineData("")]
    public void IsValid_InvalidNumbers_False(string value) => Assert.False(IndianMobileValidator.IsValid(Ascii(value)));
}
