using PiiExtProc.Scanning.Validators;
using FsCheck.Xunit;
using static PiiExtProc.Scanning.Tests.Validators.ChecksumMutation;

namespace PiiExtProc.Scanning.Tests.Validators;

public sealed class LuhnMod36Tests
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    [Theory]
    [InlineData("27AAPFU0939F1ZV")]    // python-stdnum gstin.py doctest
    [InlineData("0")]
    public void IsValid_PublishedVectors_True(string value) => Assert.True(LuhnMod36.IsValid(Ascii(value)));

    [Theory]
    [InlineData("27AAPFU0939F1ZO")]    // python-stdnum gstin.py: wrong check character
    [InlineData("27aapfu0939f1zv")]    // lower case is outside the alphabet
    [InlineData("")]
    [InlineData("27AAPFU-0939F1ZV")]
    public void IsValid_BadInput_False(string value) => Assert.False(LuhnMod36.IsValid(Ascii(value)));

    [Fact]
    public void ComputeCheckCharacter_GstinDoctest_IsV() =>
        Assert.Equal((byte)'V', LuhnMod36.ComputeCheckCharacter(Ascii("27AAPFU0939F1Z")));

    [Property(MaxTest = 2000)]
    public bool IsValid_AnySingleCharacterChange_False(byte[] payloadSeed, int position, byte delta)
    {
        payloadSeed ??= [];
        byte[] payload = payloadSeed.Length == 0 ? [(byte)'A'] : payloadSeed.Select(b => (byte)Alphabet[b % 36]).ToArray();
        byte[] valid = [.. payload, LuhnMod36.ComputeCheckCharacter(payload)];
        bool validBefore = LuhnMod36.IsValid(valid);
        int index = (int)((uint)position % (uint)valid.Length);
        int old = Alphabet.IndexOf((char)valid[index]);
        valid[index] = (byte)Alphabet[(old + 1 + (delta % 35)) % 36];
        return validBefore && !LuhnMod36.IsValid(valid);
    }
}
