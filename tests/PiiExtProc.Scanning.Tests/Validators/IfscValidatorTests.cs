using PiiExtProc.Scanning.Validators;
using static PiiExtProc.Scanning.Tests.Validators.ChecksumMutation;

namespace PiiExtProc.Scanning.Tests.Validators;

public sealed class IfscValidatorTests
{
    [Theory]
    [InlineData("SBIN0001234")] // pii-detection.md §3 example
    [InlineData("HDFC0000001")]
    [InlineData("ICIC0ABC123")] // alphanumeric branch code
    public void IsValid_ValidCodes_True(string value) => Assert.True(IfscValidator.IsValid(Ascii(value)));

    [Theory]
    [InlineData("SBIN1001234")]  // 5th character not '0'
    [InlineData("SBI00001234")]  // digit in the bank code
    [InlineData("sbin0001234")]  // lower case
    [InlineData("SBIN000123")]   // too short
    [InlineData("SBIN00012345")] // too long
    [InlineData("SBIN000123-")]  // punctuation in the branch code
    [InlineData("SBIN000123a")]  // lower-case branch code
    [InlineData("")]
    public void IsValid_InvalidCodes_False(string value) => Assert.False(IfscValidator.IsValid(Ascii(value)));
}
