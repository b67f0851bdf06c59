using System.Text;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Recognition;
using PiiExtProc.Scanning.Sessions;
using PiiExtProc.Scanning.Tests.Support;
using PiiExtProc.Scanning.Validators;
using static PiiExtProc.Scanning.Tests.Support.GeneratedText;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Equivalence of the keyed fast path (<see cref="Detector.TryScanKeyed"/>: a whole value under a key naming its
/// entity): over generated values (valid and near-miss mobiles, Aadhaar numbers, cards, PIN codes, IPs, dates, emails,
/// UPI IDs, under matching and mismatched keys), the fast path, when taken, adds exactly the matches of the full scan;
/// and over generated dense records, sessions with it on and off give the same output, findings (fingerprints
/// included) and is_pii, whole and chunked, under policies it applies to and policies it does not (allow list, custom
/// recognizer, deny list).
/// </summary>
public sealed class KeyedFastPathPropertyTests
{
    private static readonly string[] s_keys =
    [
        "mobile", "phone", "mobile_no", "aadhaar", "aadhaar_number", "card_number", "card", "pincode", "pin_code",
        "last_login_ip", "ip", "date_of_birth", "dob", "email", "upi_id", "vpa", "account_number", "vid", "pan",
        "contact", "order_id", "note", "customer_id",
    ];

    private static readonly PiiScanner s_fingerprinted = PiiScanner.Create(
        Scanners.GuardianOptions(RedactOperator.Instance) with { FingerprintKey = new byte[32] });

    private static readonly PiiScanner s_smallRecords = PiiScanner.Create(
        Scanners.GuardianOptions(maxRecordBytes: 1024) with { FingerprintKey = new byte[32] });

    private static readonly PiiScanner s_allowList = PiiScanner.Create(Scanners.GuardianOptions() with
    {
        AllowList = [new AllowListEntry("+91 98765 43210", IsPattern: false), new AllowListEntry("test@example.com", IsPattern: false)],
    });

    private static readonly PiiScanner s_custom = PiiScanner.Create(Scanners.GuardianOptions() with
    {
        CustomRecognizers = [new CustomRecognizerDefinition("ref_number", PiiEntity.BankAccount, "98765", 0.9f, [], null)],
    });

    private static readonly PiiScanner s_deny = PiiScanner.Create(Scanners.GuardianOptions() with
    {
        DenyList = [new DenyListEntry("paytm", PiiEntity.UpiVpa)],
    });

    /// <summary>Seeded: 200,000 generated key and value pairs, the fast path against the full scan.</summary>
    [Fact]
    public void TryScanKeyed_GeneratedValues_SameMatchesAsFullScan()
    {
        Detector detector = s_fingerprinted.Detector;
        Assert.True(detector.KeyedFastPathApplies);
        var random = new Random(20261123);
        int taken = 0;
        for (int n = 0; n < 200_000; n++)
        {
            string key = s_keys[random.Next(s_keys.Length)];
            KeyClass keyClass = detector.Keywords.ClassifyKey(Encoding.UTF8.GetBytes(key));
            if (keyClass.Entities == 0 || keyClass.Negative || keyClass.Role != ValueRole.None)
            {
                continue;
            }

            byte[] value = Encoding.UTF8.GetBytes(Value(random));
            if (KeyedMatchComparison.AssertFastPathSameAsFullScan(detector, keyClass, value, $"key {key}"))
            {
                taken++;
            }
        }

        Assert.True(taken > 5_000, $"the fast path was taken only {taken} times");
    }

    /// <summary>Seeded: 3000 dense bodies, each whole and in one random chunking, under five policies.</summary>
    [Fact]
    public void Process_FastPathOnOrOff_SameOutputFindingsAndPii()
    {
        PiiScanner[] scanners = [s_fingerprinted, s_smallRecords, s_allowList, s_custom, s_deny, Scanners.Guardian];
        ScanComparison.AssertKeyedFastPathChangesNothing(scanners, 8675309, 3000, Body, "keyed fast path");
    }

    [Theory]
    [InlineData("mobile", "+91 98765 43210", true)]
    [InlineData("aadhaar", "2896 8953 2095", true)]
    [InlineData("email", "anil.nair83@shop.example.org", true)]
    [InlineData("upi_id", "9876543210@paytm", true)]
    [InlineData("mobile", " +91 98765 43210", false)]
    [InlineData("email", "name: a@b.in", false)]
    [InlineData("pan", "EXIPN4707P", true)]
    [InlineData("pan", "EXIPN4707", false)]
    public void TryScanKeyed_KnownValues_TakenOnlyForWholeCandidates(string key, string value, bool taken)
    {
        Detector detector = Scanners.Guardian.Detector;
        KeyClass keyClass = detector.Keywords.ClassifyKey(Encoding.UTF8.GetBytes(key));
        Assert.Equal(taken, detector.TryScanKeyed(Encoding.UTF8.GetBytes(value), keyClass, out RawMatch match));
        Assert.Equal(taken ? value.Length : 0, taken ? match.Length : 0);
    }

    /// <summary>Edge values of the one-pass keyed readers: limits of the local part, domain, group and digit counts.</summary>
    [Theory]
    [InlineData("email", 64, "example.com")]
    [InlineData("email", 65, "example.com")]
    [InlineData("email", 10, "")]
    [InlineData("upi_id", 2, "ybl")]
    [InlineData("upi_id", 1, "ybl")]
    public void TryScanKeyed_AddressLimits_SameMatchesAsFullScan(string key, int localLength, string domain)
    {
        string local = new string('a', localLength - 1) + "1";
        AssertSameAsFullScan(key, $"{local}@{domain}");
        AssertSameAsFullScan(key, $"{local}@{new string('d', 250)}.com");
        AssertSameAsFullScan(key, $"{local}@{new string('d', 249)}.com");
        AssertSameAsFullScan(key, $".{local}@{domain}");
        AssertSameAsFullScan(key, $"{local}@{domain}-");
        AssertSameAsFullScan(key, $"{local}%x@{domain}");
        AssertSameAsFullScan(key, $"{local}é@{domain}");
        AssertSameAsFullScan(key, $"{local}@{domain}@x.in");
    }

    [Theory]
    [InlineData("card_number", "4111 1111 1111 1111")]
    [InlineData("card_number", "4111111111111111111")]
    [InlineData("card_number", "41111111111111111111")]
    [InlineData("card_number", "4111 1111 1111 1111 111")]
    [InlineData("card_number", "4111 1111 1111 1111 1111 1111")]
    [InlineData("card_number", "4111 1111 1111 1111 1111 1111 1")]
    [InlineData("card_number", "1 2 3 4 5")]
    [InlineData("card_number", "1 2 3 4 5 6")]
    [InlineData("mobile", "+91 98765 43210")]
    [InlineData("mobile", "+91 98765 43210 ")]
    [InlineData("mobile", "+91 98765  43210")]
    [InlineData("mobile", "+91_98765_43210")]
    [InlineData("mobile", "98765-43210x")]
    [InlineData("mobile", "++919876543210")]
    [InlineData("mobile", "+")]
    [InlineData("aadhaar", "2896 8953 2095")]
    [InlineData("aadhaar", "2896/8953/2095")]
    [InlineData("date_of_birth", "1988-08-20")]
    [InlineData("last_login_ip", "10.1.2.3")]
    [InlineData("pincode", "560001")]
    public void TryScanKeyed_NumberLimits_SameMatchesAsFullScan(string key, string value) => AssertSameAsFullScan(key, value);

    private static void AssertSameAsFullScan(string key, string text)
    {
        Detector detector = s_fingerprinted.Detector;
        KeyClass keyClass = detector.Keywords.ClassifyKey(Encoding.UTF8.GetBytes(key));
        KeyedMatchComparison.AssertFastPathSameAsFullScan(detector, keyClass, Encoding.UTF8.GetBytes(text), $"key {key}");
    }

    /// <summary>A JSON array of dense customer records: keyed values of every generator, some nested or escaped.</summary>
    internal static string Body(Random random) => DenseRecords.Json(random, s_keys, Member);

    /// <summary>A member value: a keyed value of any generator as a string, a bare number, or nested; <c>@</c> sometimes escaped.</summary>
    private static string Member(Random random)
    {
        string value = Value(random);
        return random.Next(8) switch
        {
            0 => DenseRecords.InObject(value),
            1 => DenseRecords.InArray(value),
            2 when value.Length > 0 && value.All(char.IsAsciiDigit) => value,
            3 => DenseRecords.Quoted(value.Replace("@", "\\u0040", StringComparison.Ordinal)),
            _ => DenseRecords.Quoted(value),
        };
    }

    /// <summary>A value of one generator, valid or a near miss.</summary>
    internal static string Value(Random random)
    {
        string value = random.Next(13) switch
        {
            0 => Mobile(random),
            1 => Grouped(Checked(Digits(random, 11), d => Verhoeff.IsValid(d), random), 4, random),
            2 => Grouped(Checked(Digits(random, random.Next(12, 20) - 1), d => Luhn.IsValid(d), random), 4, random),
            3 => Digits(random, random.Next(5, 8)),
            4 => $"{random.Next(0, 300)}.{random.Next(0, 300)}.{random.Next(0, 300)}.{random.Next(0, 300)}",
            5 => $"{random.Next(1940, 2030)}{Pick(random, "-", "/", ".", " ")}{random.Next(0, 14):00}{Pick(random, "-", "/", ".", " ")}{random.Next(0, 33):00}",
            6 => $"{Pick(random, "anil.nair", "a", "9876543210", "EXIPN4707P", "x-y", ".lead", "q+tag")}{random.Next(100)}@{Pick(random, "paytm", "okaxis", "ybl", "shop.example.org", "mail.example.com", "gmail.com", "x", "in.", "-bad")}",
            7 => Digits(random, random.Next(8, 20)),
            8 => $"{Pick(random, "ABCPK", "EXIPN", "12345")}{random.Next(1000, 10000)}{Pick(random, "P", "Z", "1")}",
            9 => Grouped(Digits(random, 16), random.Next(2, 6), random),
            10 => $"{Grouped(Checked(Digits(random, random.Next(11, 16)), d => Luhn.IsValid(d), random), 4, random)}{Pick(random, " ", "-")}{Digits(random, random.Next(1, 5))}",
            11 => $"{Mobile(random)}{Pick(random, " ", "-")}{Digits(random, random.Next(1, 5))}",
            _ => Pick(random, "n/a", "", "10:30", "2001:db8::1", "fe80::1%eth0", "+91", "+", "98765 43210 ext 12", "1-2-3-4-5-6"),
        };

        return random.Next(6) switch
        {
            0 => Mutate(value, random),
            _ => value,
        };
    }

    private static string Mobile(Random random)
    {
        string number = Pick(random, "9", "8", "7", "6", "5", "1") + Digits(random, 9);
        return random.Next(5) switch
        {
            0 => number,
            1 => $"+91 {number[..5]} {number[5..]}",
            2 => $"+91{number}",
            3 => $"0{number}",
            _ => $"{number[..5]}-{number[5..]}",
        };
    }

    private static string Mutate(string value, Random random)
    {
        if (value.Length == 0)
        {
            return "0";
        }

        int at = random.Next(value.Length);
        return random.Next(5) switch
        {
            0 => value.Remove(at, 1),
            1 => value.Insert(at, Pick(random, "0", "a", " ", "-", ".", "@", ":", "_", "+")),
            2 => " " + value,
            3 => value + Pick(random, " ", "x", "0", ".", "-"),
            _ => value[..at] + (char)('0' + random.Next(10)) + value[(at + 1)..],
        };
    }

    /// <summary>Appends a check digit that makes <paramref name="valid"/> hold, or a random one (about a third).</summary>
    private static string Checked(string payload, Func<byte[], bool> valid, Random random)
    {
        if (random.Next(3) == 0)
        {
            return payload + (char)('0' + random.Next(10));
        }

        for (char c = '0'; c <= '9'; c++)
        {
            if (valid(Encoding.ASCII.GetBytes(payload + c)))
            {
                return payload + c;
            }
        }

        return payload + '0';
    }

    private static string Grouped(string digits, int size, Random random)
    {
        string separator = Pick(random, " ", " ", "-", "", ".");
        if (separator.Length == 0)
        {
            return digits;
        }

        var grouped = new StringBuilder();
        for (int i = 0; i < digits.Length; i += size)
        {
            grouped.Append(i > 0 ? separator : "").Append(digits.AsSpan(i, Math.Min(size, digits.Length - i)));
        }

        return grouped.ToString();
    }
}
