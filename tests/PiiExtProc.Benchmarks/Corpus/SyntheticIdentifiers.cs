using System.Globalization;
using System.Text;

namespace PiiExtProc.Benchmarks.Corpus;

/// <summary>
/// Generates synthetic but checksum-valid Indian identifiers (Aadhaar with a Verhoeff check digit, PAN, Luhn card
/// numbers, mobiles, UPI handles) from a seeded <see cref="Random"/>, so the scanner's validators accept them.
/// </summary>
internal sealed class SyntheticIdentifiers
{
    private static readonly int[,] s_multiplication =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 }, { 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 },
        { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 }, { 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 }, { 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 },
        { 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 }, { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 }, { 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 },
        { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 },
    };

    private static readonly int[,] s_permutation =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 }, { 5, 8, 0, 3, 7, 9, 6, 1, 4, 2 },
        { 8, 9, 1, 6, 0, 4, 3, 5, 2, 7 }, { 9, 4, 5, 3, 1, 2, 6, 8, 7, 0 }, { 4, 2, 8, 6, 5, 7, 3, 9, 0, 1 },
        { 2, 7, 9, 3, 8, 0, 6, 4, 1, 5 }, { 7, 0, 4, 6, 9, 1, 3, 2, 5, 8 },
    };

    private static readonly int[] s_inverse = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

    private static readonly string[] s_firstNames = ["Ravi", "Priya", "Anil", "Sunita", "Arjun", "Meera", "Vikram", "Lakshmi", "Rahul", "Deepa", "Karthik", "Ananya"];
    private static readonly string[] s_lastNames = ["Kumar", "Sharma", "Iyer", "Reddy", "Patel", "Nair", "Singh", "Gupta", "Menon", "Das", "Joshi", "Rao"];
    private static readonly string[] s_cities = ["Bengaluru", "Mumbai", "Chennai", "Hyderabad", "Pune", "Kolkata", "Jaipur", "Kochi"];
    private static readonly string[] s_streets = ["MG Road", "Residency Road", "Linking Road", "Anna Salai", "Park Street", "FC Road"];
    private static readonly string[] s_pinPrefixes = ["560", "400", "600", "500", "411", "700", "302", "682"];
    private static readonly string[] s_upiHandles = ["okaxis", "oksbi", "ybl", "paytm", "okhdfcbank", "ibl"];
    private static readonly string[] s_domains = ["example.in", "mail.example.com", "shop.example.org"];

    private readonly Random _random;

    public SyntheticIdentifiers(int seed) => _random = new Random(seed);

    public Random Random => _random;

    public string FirstName() => Pick(s_firstNames);

    public string LastName() => Pick(s_lastNames);

    public string City() => Pick(s_cities);

    public string Street() => Pick(s_streets);

    public string PinCode() => Pick(s_pinPrefixes) + Digits(3);

    public string Email(string first, string last) => $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{_random.Next(10, 99)}@{Pick(s_domains)}";

    public string Upi(string first) => $"{first.ToLowerInvariant()}{_random.Next(100, 999)}@{Pick(s_upiHandles)}";

    public string Mobile() => "+91 " + (char)('6' + _random.Next(4)) + Digits(4) + " " + Digits(5);

    public string MobilePlain() => (char)('6' + _random.Next(4)) + Digits(9);

    public string Ipv4() => $"{_random.Next(11, 223)}.{_random.Next(256)}.{_random.Next(256)}.{_random.Next(1, 255)}";

    /// <summary>A 12-digit Aadhaar number, first digit 2-9, Verhoeff check digit, grouped 4-4-4.</summary>
    public string Aadhaar()
    {
        var digits = (char)('2' + _random.Next(8)) + Digits(10);
        var full = digits + VerhoeffCheckDigit(digits);
        return $"{full[..4]} {full[4..8]} {full[8..]}";
    }

    /// <summary>A PAN: 3 letters, holder type P, surname initial, 4 digits, a letter.</summary>
    public string Pan(string last)
        => Letters(3) + "P" + char.ToUpperInvariant(last[0]) + Digits(4) + Letters(1);

    /// <summary>A 16-digit Visa-range card number with a Luhn check digit, grouped 4-4-4-4.</summary>
    public string Card()
    {
        var digits = "4" + Digits(14);
        var full = digits + LuhnCheckDigit(digits);
        return $"{full[..4]} {full[4..8]} {full[8..12]} {full[12..]}";
    }

    public string DateOfBirth() => $"{_random.Next(1960, 2005)}-{_random.Next(1, 13):00}-{_random.Next(1, 29):00}";

    public string Digits(int count)
    {
        var builder = new StringBuilder(count);
        for (var i = 0; i < count; i++)
        {
            builder.Append((char)('0' + _random.Next(10)));
        }

        return builder.ToString();
    }

    public string Letters(int count)
    {
        var builder = new StringBuilder(count);
        for (var i = 0; i < count; i++)
        {
            builder.Append((char)('A' + _random.Next(26)));
        }

        return builder.ToString();
    }

    public string Pick(string[] values) => values[_random.Next(values.Length)];

    private static char VerhoeffCheckDigit(string digits)
    {
        var check = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            check = s_multiplication[check, s_permutation[(i + 1) % 8, digit]];
        }

        return (char)('0' + s_inverse[check]);
    }

    private static char LuhnCheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return ((10 - (sum % 10)) % 10).ToString(CultureInfo.InvariantCulture)[0];
    }
}
