using System.Text;
using PiiExtProc.Scanning.Operators;
using static PiiExtProc.Scanning.Tests.Operators.OperatorTestHelper;

namespace PiiExtProc.Scanning.Tests.Operators;

public sealed class DefaultMaskOperatorTests
{
    [Theory]
    [InlineData("IN_MOBILE", "9876543210", "98XXXXXX10")]
    [InlineData("IN_MOBILE", "+91 98765 43210", "+91 98XXX XXX10")]
    [InlineData("IN_MOBILE", "+91-9876543210", "+91-98XXXXXX10")]
    [InlineData("IN_MOBILE", "09876543210", "098XXXXXX10")]
    [InlineData("IN_AADHAAR", "2345 6789 9012", "XXXX XXXX 9012")]
    [InlineData("IN_AADHAAR", "234567899012", "XXXXXXXX9012")]
    [InlineData("IN_AADHAAR_VID", "2345-6789-0123-4567", "XXXX-XXXX-XXXX-4567")]
    [InlineData("IN_PAN", "ABCPD1234E", "ABCPDXXXXX")]
    [InlineData("IN_PASSPORT", "P1234567", "PXXXXXXX")]
    [InlineData("IN_VOTER_ID", "ABC1234567", "XXXXXX4567")]
    [InlineData("CREDIT_CARD", "4111 1111 1111 1111", "XXXX XXXX XXXX 1111")]
    [InlineData("CREDIT_CARD", "4111-1111-1111-1111", "XXXX-XXXX-XXXX-1111")]
    [InlineData("IN_BANK_ACCOUNT", "123456789012", "XXXXXXXX9012")]
    [InlineData("IBAN_CODE", "GB82 WEST 1234 5698 7654 32", "GBXX XXXX XXXX XXXX XX54 32")]
    [InlineData("IN_UPI_VPA", "user@paytm", "usXXX@paytm")]
    [InlineData("IN_UPI_VPA", "9876543210@ybl", "98XXX@ybl")]
    [InlineData("IN_UPI_VPA", "ab@ybl", "aXXX@ybl")]
    [InlineData("EMAIL_ADDRESS", "rahul.kumar@email.com", "raXXX@email.com")]
    [InlineData("PERSON_NAME", "Rahul Kumar", "RXXXX KXXXX")]
    [InlineData("PERSON_NAME", "Anne-Marie D'Souza", "AXXX-MXXXX D'XXXXX")]
    [InlineData("IN_GSTIN", "27AAPFU0939F1ZV", "27XXXXXXXXXXXXX")]
    [InlineData("IN_IFSC", "SBIN0001234", "SBINXXXXXXX")]
    [InlineData("IN_PIN_CODE", "560001", "560XXX")]
    [InlineData("POSTAL_ADDRESS", "12 MG Road, Bengaluru 560001", "[REDACTED_ADDRESS]")]
    [InlineData("IP_ADDRESS", "192.168.1.10", "[REDACTED_IP]")]
    [InlineData("DEVICE_ID", "a1b2c3d4", "[REDACTED_DEVICE_ID]")]
    [InlineData("DATE_OF_BIRTH", "1990-01-31", "[REDACTED_DOB]")]
    public void Write_BuiltInEntity_UsesFormatPreservingForm(string entityName, string input, string expected)
    {
        var entity = PiiEntity.FindBuiltIn(entityName)!;

        Assert.Equal(expected, Apply(DefaultMaskOperator.Instance, entity, input));
    }

    [Fact]
    public void Write_CustomEntity_MasksEveryLetterAndDigit()
    {
        var entity = PiiEntity.CreateCustom("EMPLOYEE_ID", EntityCategory.Identifier);

        Assert.Equal("XXX-XXXXXX", Apply(DefaultMaskOperator.Instance, entity, "EMP-123456"));
    }

    [Fact]
    public void Write_MultiByteName_KeepsInitialsAsWholeCharacters()
    {
        var output = ApplyBytes(DefaultMaskOperator.Instance, PiiEntity.PersonName, Encoding.UTF8.GetBytes("Élodie Ünal"));

        Assert.Equal("ÉXXXXX ÜXXX", new UTF8Encoding(false, true).GetString(output));
    }

    [Theory]
    [InlineData("रवि कुमार", "रXX कXXXX")] // Devanagari: ra va i-sign, ka u-sign ma aa-sign ra
    [InlineData("அருண் குமார்", "அXXXX கXXXXX")] // Tamil: vowel signs and the pulli (virama) are masked with their word
    [InlineData("সুমন দাস", "সXXX দXX")] // Bengali
    [InlineData("क्‍ष", "कXXX")] // a zero-width joiner inside a conjunct
    public void Write_IndicName_MasksVowelSignsWithTheirWord(string name, string expected)
    {
        var output = ApplyBytes(DefaultMaskOperator.Instance, PiiEntity.PersonName, Encoding.UTF8.GetBytes(name));

        Assert.Equal(expected, new UTF8Encoding(false, true).GetString(output));
    }

    [Fact]
    public void Write_IndicValue_MaskOperatorMasksEveryRuneButTheKeptOnes()
    {
        var op = new MaskOperator(0, 0, '*');

        Assert.Equal("*** *****", Apply(op, PiiEntity.CreateCustom("X", EntityCategory.Identifier), "रवि कुमार"));
    }

    [Fact]
    public void Write_MultiByteEmailLocalPart_KeepsWholeCharacters()
    {
        var output = ApplyBytes(DefaultMaskOperator.Instance, PiiEntity.Email, Encoding.UTF8.GetBytes("ééé@example.in"));

        Assert.Equal("éXXX@example.in", new UTF8Encoding(false, true).GetString(output));
    }

    [Theory]
    [InlineData("IN_MOBILE", "9876543210")]
    [InlineData("IN_AADHAAR", "234567899012")]
    [InlineData("IN_PASSPORT", "P1234567")]
    [InlineData("CREDIT_CARD", "4111111111111111")]
    [InlineData("IN_UPI_VPA", "ab@ybl")]
    [InlineData("PERSON_NAME", "Al Bo")]
    public void Write_AnyBuiltIn_NeverReturnsTheValue(string entityName, string input)
    {
        var entity = PiiEntity.FindBuiltIn(entityName)!;

        Assert.NotEqual(input, Apply(DefaultMaskOperator.Instance, entity, input));
    }

    [Fact]
    public void Kind_IsMask()
    {
        Assert.Equal(OperatorKind.Mask, DefaultMaskOperator.Instance.Kind);
    }
}
