using PiiExtProc.Scanning.Validators;
using FsCheck.Xunit;
using static PiiExtProc.Scanning.Tests.Validators.ChecksumMutation;

namespace PiiExtProc.Scanning.Tests.Validators;

public sealed class VerhoeffTests
{
    [Theory]
    [InlineData("2363")]            // Wikipedia worked example: 236 + check 3
    [InlineData("12340")]           // python-stdnum verhoeff.py doctest
    [InlineData("1428570")]         // python-stdnum verhoeff.py
    [InlineData("234123412346")]    // python-stdnum aadhaar.py doctest
    [InlineData("2341234123412341")] // python-stdnum vid.py doctest
    [InlineData("0")]
    public void IsValid_PublishedVectors_True(string digits) => Assert.True(Verhoeff.IsValid(Ascii(digits)));

    [Theory]
    [InlineData("1234")]            // python-stdnum: checksum 1
    [InlineData("2364")]            // wrong check digit
    [InlineData("2336")]            // adjacent transposition of 2363
    [InlineData("234123412347")]
    [InlineData("")]                // empty
    [InlineData("23a3")]            // non-digit
    [InlineData("236 3")]           // separator not stripped
    public void IsValid_BadInput_False(string digits) => Assert.False(Verhoeff.IsValid(Ascii(digits)));

    [Theory]
    [InlineData("236", '3')]
    [InlineData("1234", '0')]
    [InlineData("142857", '0')]
    [InlineData("23412341234", '6')]
    public void ComputeCheckDigit_PublishedVectors_Match(string payload, char expected) =>
        Assert.Equal((byte)expected, Verhoeff.ComputeCheckDigit(Ascii(payload)));

    [Property(MaxTest = 2000)]
    public bool IsValid_AnySingleDigitChange_False(byte[] payloadSeed, int position, byte delta)
    {
        byte[] payload = Digits(payloadSeed);
        byte[] valid = [.. payload, Verhoeff.ComputeCheckDigit(payload)];
        return Verhoeff.IsValid(valid) && !Verhoeff.IsValid(ChangeOneDigit(valid, position, delta));
    }

    [Property(MaxTest = 2000)]
    public bool IsValid_AnyAdjacentTransposition_False(byte[] payloadSeed, int position)
    {
        byte[] payload = Digits(payloadSeed, minimumLength: 2);
        byte[] valid = [.. payload, Verhoeff.ComputeCheckDigit(payload)];
        int i = (int)((uint)position % (uint)(valid.Length - 1));
        if (valid[i] == valid[i + 1])
        {
            return true;
        }

        (valid[i], valid[i + 1]) = (valid[i + 1], valid[i]);
        return !Verhoeff.IsValid(valid);
    }
}
