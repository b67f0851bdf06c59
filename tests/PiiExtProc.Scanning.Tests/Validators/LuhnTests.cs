using PiiExtProc.Scanning.Validators;
using FsCheck.Xunit;
using static PiiExtProc.Scanning.Tests.Validators.ChecksumMutation;

namespace PiiExtProc.Scanning.Tests.Validators;

public sealed class LuhnTests
{
    [Theory]
    [InlineData("78949")]              // python-stdnum luhn.py doctest
    [InlineData("79927398713")]        // Wikipedia "Luhn algorithm" example
    [InlineData("4111111111111111")]   // Visa test card
    [InlineData("0")]
    public void IsValid_PublishedVectors_True(string digits) => Assert.True(Luhn.IsValid(Ascii(digits)));

    [Theory]
    [InlineData("7894")]               // python-stdnum: checksum 6
    [InlineData("79927398710")]
    [InlineData("4111111111111112")]
    [InlineData("")]
    [InlineData("4111-1111")]
    [InlineData("41x1")]
    public void IsValid_BadInput_False(string digits) => Assert.False(Luhn.IsValid(Ascii(digits)));

    [Theory]
    [InlineData("7894", '9')]
    [InlineData("7992739871", '3')]
    public void ComputeCheckDigit_PublishedVectors_Match(string payload, char expected) =>
        Assert.Equal((byte)expected, Luhn.ComputeCheckDigit(Ascii(payload)));

    [Property(MaxTest = 2000)]
    public bool IsValid_AnySingleDigitChange_False(byte[] payloadSeed, int position, byte delta)
    {
        byte[] payload = Digits(payloadSeed);
        byte[] valid = [.. payload, Luhn.ComputeCheckDigit(payload)];
        return Luhn.IsValid(valid) && !Luhn.IsValid(ChangeOneDigit(valid, position, delta));
    }
}
