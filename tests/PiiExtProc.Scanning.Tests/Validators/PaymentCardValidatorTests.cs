using PiiExtProc.Scanning.Validators;
using static PiiExtProc.Scanning.Tests.Validators.ChecksumMutation;

namespace PiiExtProc.Scanning.Tests.Validators;

public sealed class PaymentCardValidatorTests
{
    [Theory]
    [InlineData("4111111111111111")]    // Visa test card
    [InlineData("4012888888881881")]    // Visa test card
    [InlineData("4222222222222")]       // Visa 13-digit test card
    [InlineData("5555555555554444")]    // Mastercard test card
    [InlineData("5105105105105100")]    // Mastercard test card
    [InlineData("2223003122003222")]    // Mastercard 2-series test card
    [InlineData("378282246310005")]     // American Express test card
    [InlineData("371449635398431")]     // American Express test card
    [InlineData("6011111111111117")]    // Discover test card
    [InlineData("6011000990139424")]    // Discover test card
    [InlineData("3530111333300000")]    // JCB test card
    [InlineData("3566002020360505")]    // JCB test card
    [InlineData("30569309025904")]      // Diners Club 14-digit test card
    [InlineData("38520000023237")]      // Diners Club 14-digit test card
    [InlineData("6521000000000007")]    // RuPay/Discover 65, computed Luhn
    [InlineData("6070000000000002")]    // RuPay 60, computed Luhn
    [InlineData("8170000000000007")]    // RuPay 81 (unverified range), computed Luhn
    [InlineData("5085000000000007")]    // RuPay 508 (unverified range), computed Luhn
    [InlineData("6304000000000000000")] // Maestro 19 digits, computed Luhn
    public void IsValid_KnownNetworks_True(string value) => Assert.True(PaymentCardValidator.IsValid(Ascii(value)));

    [Theory]
    [InlineData("4111111111111112")]    // Luhn fails
    [InlineData("1111111111111117")]    // Luhn passes, no network starts with 1
    [InlineData("9111111111111110")]    // Luhn passes, no network starts with 9
    [InlineData("41111111111111111111")] // 20 digits
    [InlineData("41111111115")]         // 11 digits
    [InlineData("378282246310005000")]  // American Express prefix with 18 digits
    [InlineData("55555555555553")]      // Mastercard prefix with 14 digits
    [InlineData("4111 1111 1111 1111")] // separators not stripped
    [InlineData("411111111111111a")]
    [InlineData("")]
    public void IsValid_InvalidNumbers_False(string value) => Assert.False(PaymentCardValidator.IsValid(Ascii(value)));

    [Theory]
    [InlineData("1111111111111117")]
    [InlineData("9111111111111110")]
    [InlineData("55555555555553")]
    public void IsValid_NegativeRowsPassLuhn_SoTheIssuerRuleRejectsThem(string value) =>
        Assert.True(Luhn.IsValid(Ascii(value)));
}
