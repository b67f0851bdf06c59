namespace PiiExtProc.Scanning.Validators;

/// <summary>
/// Validates a payment card number (PAN in the PCI sense): 12-19 ASCII digits, a Luhn check digit (ISO/IEC 7812-1),
/// and an issuer identification number (IIN) prefix of a known network with a length that network issues.
/// </summary>
/// <remarks>
/// <para>IIN ranges (prefix → lengths). Verified against public network documentation and the research notes:
/// Visa 4 (13, 16, 19); Mastercard 51-55 and 2221-2720 (16); American Express 34, 37 (15);
/// Discover 6011, 644-649, 65 (16-19); JCB 3528-3589 (16-19); Diners Club 300-305, 36, 38-39 (14-19).</para>
/// <para><b>Not verified</b> in our sources (often quoted, kept because a miss costs more than a false positive after
/// the Luhn check): RuPay 60, 65, 81, 82, 508, 353, 356 (16); Maestro 50, 56-69 (12-19). See
/// shared/research/pii-detection.md §3 "Payment card (incl. RuPay)". The Maestro ranges make every 5x/6x
/// prefix outside 51-55 acceptable at 12-19 digits.</para>
/// <para>When several networks claim a prefix (65: Discover and RuPay), the number is accepted if any of them issues
/// that length.</para>
/// </remarks>
internal static class PaymentCardValidator
{
    /// <summary>Shortest card number accepted, digits (ISO/IEC 7812-1 allows 8; issuers use 12 and up).</summary>
    public const int MinimumLength = 12;

    /// <summary>Longest card number accepted, digits (ISO/IEC 7812-1).</summary>
    public const int MaximumLength = 19;

    // One row per IIN range: the range is [Low, High] over the first PrefixDigits digits; lengths are a bit mask
    // (bit n set = n digits allowed).
    private readonly record struct IinRange(int PrefixDigits, int Low, int High, int LengthMask);

    private const int Length13 = 1 << 13;
    private const int Length14 = 1 << 14;
    private const int Length15 = 1 << 15;
    private const int Length16 = 1 << 16;
    private const int Length19 = 1 << 19;
    private const int Lengths16To19 = (1 << 16) | (1 << 17) | (1 << 18) | (1 << 19);
    private const int Lengths14To19 = (1 << 14) | (1 << 15) | Lengths16To19;
    private const int Lengths12To19 = (1 << 12) | (1 << 13) | Lengths14To19;

    private static readonly IinRange[] s_ranges =
    [
        new(1, 4, 4, Length13 | Length16 | Length19),   // Visa
        new(2, 51, 55, Length16),                       // Mastercard
        new(4, 2221, 2720, Length16),                   // Mastercard 2-series
        new(2, 34, 34, Length15),                       // American Express
        new(2, 37, 37, Length15),                       // American Express
        new(4, 6011, 6011, Lengths16To19),              // Discover
        new(3, 644, 649, Lengths16To19),                // Discover
        new(2, 65, 65, Lengths16To19),                  // Discover (and RuPay, below)
        new(4, 3528, 3589, Lengths16To19),              // JCB
        new(3, 300, 305, Lengths14To19),                // Diners Club International
        new(2, 36, 36, Lengths14To19),                  // Diners Club International
        new(2, 38, 39, Lengths14To19),                  // Diners Club (Discover-operated)
        new(2, 60, 60, Length16),                       // RuPay (unverified)
        new(2, 65, 65, Length16),                       // RuPay (unverified)
        new(2, 81, 82, Length16),                       // RuPay (unverified)
        new(3, 508, 508, Length16),                     // RuPay (unverified)
        new(3, 353, 353, Length16),                     // RuPay co-branded JCB (unverified)
        new(3, 356, 356, Length16),                     // RuPay co-branded JCB (unverified)
        new(2, 50, 50, Lengths12To19),                  // Maestro (unverified)
        new(2, 56, 69, Lengths12To19),                  // Maestro (unverified)
    ];

    /// <summary>
    /// Returns true when <paramref name="digits"/> (ASCII '0'-'9' only, separators removed) is 12-19 digits long,
    /// passes Luhn, and starts with a known IIN whose network issues that length.
    /// </summary>
    /// <param name="digits">ASCII digits, separators removed.</param>
    public static bool IsValid(ReadOnlySpan<byte> digits) =>
        digits.Length is >= MinimumLength and <= MaximumLength
        && Ascii.AllDigits(digits)
        && HasKnownIssuer(digits)
        && Luhn.IsValid(digits);

    /// <summary>
    /// Returns true when the leading digits of <paramref name="digits"/> fall in a known IIN range whose network
    /// issues numbers of this length. Does not check Luhn.
    /// </summary>
    /// <param name="digits">ASCII digits, at least 4.</param>
    public static bool HasKnownIssuer(ReadOnlySpan<byte> digits)
    {
        if (digits.Length < 4 || digits.Length > 31)
        {
            return false;
        }

        int lengthBit = 1 << digits.Length;
        int prefix4 = ((digits[0] - '0') * 1000) + ((digits[1] - '0') * 100) + ((digits[2] - '0') * 10) + (digits[3] - '0');
        foreach (IinRange range in s_ranges)
        {
            int prefix = range.PrefixDigits switch
            {
                1 => prefix4 / 1000,
                2 => prefix4 / 100,
                3 => prefix4 / 10,
                _ => prefix4,
            };
            if (prefix >= range.Low && prefix <= range.High && (range.LengthMask & lengthBit) != 0)
            {
                return true;
            }
        }

        return false;
    }
}
