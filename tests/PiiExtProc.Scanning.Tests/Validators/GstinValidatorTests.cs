using PiiExtProc.Scanning.Validators;
using static PiiExtProc.Scanning.Tests.Validators.ChecksumMutation;

namespace PiiExtProc.Scanning.Tests.Validators;

public sealed class GstinValidatorTests
{
    [Theory]
    [InlineData("27AAPFU0939F1ZV")] // python-stdnum gstin.py doctest
    [InlineData("07AAACB1234K1Z0")] // computed Luhn mod 36 check character
    [InlineData("33AAACH7409R1Z8")] // computed
    [InlineData("24ABCPE1234A2ZQ")] // computed
    [InlineData("38ABCPT1234A1Z3")] // Ladakh, computed
    [InlineData("97AAAGA1111A1ZD")] // Other Territory, computed
    [InlineData("99AAAGA1111A1Z9")] // Centre Jurisdiction, computed
    public void IsValid_ValidNumbers_True(string value) => Assert.True(GstinValidator.IsValid(Ascii(value)));

    [Theory]
    [InlineData("27AAPFU0939F1ZO")] // wrong check character (python-stdnum)
    [InlineData("27AAPFU0939F1Z")]  // too short (python-stdnum)
    [InlineData("369296450896540")] // not the format (python-stdnum)
    [InlineData("27AAPFU0000F1ZV")] // PAN serial 0000 (python-stdnum)
    [InlineData("00AAPFU0939F1ZV")] // state code 00
    [InlineData("40AAPFU0939F1ZV")] // state code 40
    [InlineData("27AAPXU0939F1ZV")] // PAN holder type X
    [InlineData("29ABCDE1234F1ZW")] // PAN holder type D, although the check character is right
    [InlineData("27AAPFU0939F0ZV")] // registration number 0
    [InlineData("27AAPFU0939F1YV")] // 14th character not Z
    [InlineData("27aapfu0939f1zv")] // lower case
    [InlineData("")]
    public void IsValid_InvalidNumbers_False(string value) => Assert.False(GstinValidator.IsValid(Ascii(value)));
}
