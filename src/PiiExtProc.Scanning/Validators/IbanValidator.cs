namespace PiiExtProc.Scanning.Validators;

/// <summary>
/// Validates an International Bank Account Number in compact upper-case form (no spaces): 2-letter country code,
/// 2 check digits (02-98), then the BBAN of upper-case alphanumerics; the total length must match the country's
/// registered length (or be 15-34 for a country not in the table); and the ISO 7064 MOD 97-10 remainder of the
/// rearranged number (BBAN + country + check digits, letters as 10-35) must be 1.
/// </summary>
/// <remarks>
/// The remainder is computed incrementally, one character at a time, so no big integer is needed.
/// Sources: ISO 13616-1:2020 (structure, check digits 02-98), ISO 7064 (MOD 97-10); country lengths from the SWIFT
/// IBAN Registry as mirrored in python-stdnum <c>stdnum/iban.dat</c>, with later registry updates (CR 22, BY, EG,
/// IQ, SC, SV, UA, VA). Countries absent from the table fall back to the ISO 13616 bounds 15-34.
/// </remarks>
internal static class IbanValidator
{
    /// <summary>Shortest IBAN in the registry (Norway), characters.</summary>
    public const int MinimumLength = 15;

    /// <summary>Longest IBAN ISO 13616 allows, characters.</summary>
    public const int MaximumLength = 34;

    // "CC" + registered total length, from the SWIFT IBAN Registry.
    private const string CountryLengths =
        "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DK18 DO28 EE20 EG29 ES24 " +
        "FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 " +
        "LI21 LT20 LU20 LV21 MC27 MD24 ME22 MK19 MR27 MT31 MU30 NL18 NO15 PK24 PL28 PS29 PT25 QA29 RO24 RS22 SA24 " +
        "SC31 SE24 SI19 SK24 SM27 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20";

    // Registered length per country, indexed (first - 'A') * 26 + (second - 'A'); 0 = not registered.
    private static readonly byte[] s_lengthByCountry = BuildLengthTable();

    /// <summary>Returns true for a valid IBAN in compact upper-case ASCII.</summary>
    /// <param name="compactUpperAscii">ASCII bytes, spaces removed, letters upper-case.</param>
    public static bool IsValid(ReadOnlySpan<byte> compactUpperAscii)
    {
        ReadOnlySpan<byte> iban = compactUpperAscii;
        if (iban.Length < MinimumLength || iban.Length > MaximumLength
            || !Ascii.IsUpper(iban[0]) || !Ascii.IsUpper(iban[1])
            || !Ascii.IsDigit(iban[2]) || !Ascii.IsDigit(iban[3]))
        {
            return false;
        }

        int checkDigits = ((iban[2] - '0') * 10) + (iban[3] - '0');
        if (checkDigits is < 2 or > 98)
        {
            return false;
        }

        int registered = RegisteredLength(iban[0], iban[1]);
        if (registered != 0 && registered != iban.Length)
        {
            return false;
        }

        int remainder = 0;
        foreach (byte character in iban[4..])
        {
            if (!Accumulate(ref remainder, character))
            {
                return false;
            }
        }

        foreach (byte character in iban[..4])
        {
            _ = Accumulate(ref remainder, character);
        }

        return remainder == 1;
    }

    /// <summary>
    /// The registered total IBAN length for the country code, or 0 when the country is not in the table.
    /// </summary>
    /// <param name="first">First letter of the country code, 'A'-'Z'.</param>
    /// <param name="second">Second letter of the country code, 'A'-'Z'.</param>
    public static int RegisteredLength(byte first, byte second) =>
        Ascii.IsUpper(first) && Ascii.IsUpper(second)
            ? s_lengthByCountry[((first - 'A') * 26) + (second - 'A')]
            : 0;

    // remainder = (remainder * 10^k + value) mod 97 where k is 1 for a digit, 2 for a letter (10-35).
    private static bool Accumulate(ref int remainder, byte character)
    {
        if (Ascii.IsDigit(character))
        {
            remainder = ((remainder * 10) + (character - '0')) % 97;
            return true;
        }

        if (Ascii.IsUpper(character))
        {
            remainder = ((remainder * 100) + (character - 'A' + 10)) % 97;
            return true;
        }

        return false;
    }

    private static byte[] BuildLengthTable()
    {
        var table = new byte[26 * 26];
        foreach (string entry in CountryLengths.Split(' '))
        {
            table[((entry[0] - 'A') * 26) + (entry[1] - 'A')] = byte.Parse(entry.AsSpan(2), provider: null);
        }

        return table;
    }
}
