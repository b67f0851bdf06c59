using PiiExtProc.Scanning.Validators;
using FsCheck.Xunit;
using static PiiExtProc.Scanning.Tests.Validators.ChecksumMutation;

namespace PiiExtProc.Scanning.Tests.Validators;

public sealed class IbanValidatorTests
{
    [Theory]
    [InlineData("GB82WEST12345698765432")]          // ISO 13616 / SWIFT registry example, python-stdnum
    [InlineData("DE89370400440532013000")]
    [InlineData("FR1420041010050500013M02606")]
    [InlineData("NL91ABNA0417164300")]
    [InlineData("BE68539007547034")]
    [InlineData("CH9300762011623852957")]
    [InlineData("NO9386011117947")]                 // shortest (15)
    [InlineData("IT60X0542811101000000123456")]
    [InlineData("ES9121000418450200051332")]
    [InlineData("MT84MALT011000012345MTLCAST001S")]
    [InlineData("SA0380000000608010167519")]
    [InlineData("AE070331234567890123456")]
    [InlineData("LC55HEMM000100010012001200023015")] // 32
    public void IsValid_RegistryExamples_True(string value) => Assert.True(IbanValidator.IsValid(Ascii(value)));

    [Theory]
    [InlineData("GB83WEST12345698765432")]  // wrong check digits
    [InlineData("GB82WEST12345698765433")]  // BBAN digit changed
    [InlineData("GB82WEST1234569876543")]   // too short for GB
    [InlineData("GB82WEST123456987654321")] // too long for GB
    [InlineData("gb82west12345698765432")]  // lower case
    [InlineData("GB82 WEST 1234 5698 7654 32")] // not compact
    [InlineData("1B82WEST12345698765432")]  // country not letters
    [InlineData("GBX2WEST12345698765432")]  // check digits not digits
    [InlineData("GB82WEST1234569876543-")]
    [InlineData("NO938601111794")]          // 14 characters
    [InlineData("")]
    public void IsValid_InvalidNumbers_False(string value) => Assert.False(IbanValidator.IsValid(Ascii(value)));

    [Theory]
    [InlineData("GB", 22)]
    [InlineData("NO", 15)]
    [InlineData("LC", 32)]
    [InlineData("IN", 0)]
    public void RegisteredLength_Countries_MatchRegistry(string country, int expected) =>
        Assert.Equal(expected, IbanValidator.RegisteredLength((byte)country[0], (byte)country[1]));

    [Fact]
    public void IsValid_UnregisteredCountryWithinBounds_UsesModulo97Only()
    {
        // "ZZ" is not registered; build check digits so the remainder is 1.
        string bban = "1234567890123456";
        int check = 98 - Modulo97(bban + "ZZ00");
        Assert.True(IbanValidator.IsValid(Ascii($"ZZ{check:00}{bban}")));
    }

    [Theory]
    [InlineData("00")]
    [InlineData("01")]
    [InlineData("99")]
    public void IsValid_CheckDigitsOutside02To98_False(string checkDigits)
    {
        // 00 ≡ 97, 01 ≡ 98 and 99 ≡ 02 (mod 97): build a BBAN for which these pass the remainder test.
        string bban = FindBbanWithCheckDigits(checkDigits);
        Assert.Equal(1, Modulo97(bban + "ZZ" + checkDigits));
        Assert.False(IbanValidator.IsValid(Ascii($"ZZ{checkDigits}{bban}")));
    }

    [Property(MaxTest = 2000)]
    public bool IsValid_AnySingleDigitChange_False(byte[] bbanSeed, int position, byte delta)
    {
        string bban = System.Text.Encoding.ASCII.GetString(Digits(bbanSeed, minimumLength: 14)[..14]);
        int check = 98 - Modulo97("WEST" + bban + "GB00");
        byte[] valid = Ascii($"GB{check:00}WEST{bban}");
        bool validBefore = IbanValidator.IsValid(valid);
        // Change one of the digits: check digits (index 2-3) or BBAN digits (index 8-21).
        int[] digitIndexes = [2, 3, .. Enumerable.Range(8, 14)];
        int index = digitIndexes[(int)((uint)position % (uint)digitIndexes.Length)];
        int old = valid[index] - '0';
        valid[index] = (byte)('0' + ((old + 1 + (delta % 9)) % 10));
        return validBefore && !IbanValidator.IsValid(valid);
    }

    // Independent reference: the textbook big-number remainder over the decimal expansion, via decimal arithmetic.
    private static int Modulo97(string rearranged)
    {
        var expanded = new System.Text.StringBuilder();
        foreach (char c in rearranged)
        {
            expanded.Append(char.IsDigit(c) ? (c - '0').ToString() : (c - 'A' + 10).ToString());
        }

        return (int)(System.Numerics.BigInteger.Parse(expanded.ToString()) % 97);
    }

    private static string FindBbanWithCheckDigits(string checkDigits)
    {
        for (int n = 0; ; n++)
        {
            string bban = n.ToString("0000000000000000");
            if (Modulo97(bban + "ZZ" + checkDigits) == 1)
            {
                return bban;
            }
        }
    }
}
