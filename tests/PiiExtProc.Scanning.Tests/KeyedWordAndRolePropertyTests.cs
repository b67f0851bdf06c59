using System.Text;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Recognition;
using PiiExtProc.Scanning.Sessions;
using PiiExtProc.Scanning.Tests.Support;
using static PiiExtProc.Scanning.Tests.Support.GeneratedText;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Equivalence of the keyed word path (a PAN, passport, voter ID, IFSC, GSTIN or IBAN word under a key naming it) and
/// the key role path (a name, address or device ID value without a candidate byte) of <see cref="Detector.TryScanKeyed"/>
/// with the full scan: over generated valid and near-miss values under matching and mismatched keys, the fast path,
/// when taken, adds exactly the matches of the full scan; over generated dense records, sessions with it on and off
/// give the same output, findings (fingerprints included) and is_pii, whole and chunked, under policies it applies to
/// and policies it does not (allow list, custom recognizer, deny list).
/// </summary>
public sealed class KeyedWordAndRolePropertyTests
{
    private static readonly string[] s_keys =
    [
        "pan", "pan_number", "passport", "passport_no", "voter_id", "epic", "gstin", "ifsc", "ifsc_code", "iban",
        "name", "full_name", "customer_name", "first_name", "last_name", "surname", "address", "shipping_address",
        "device_id", "imei", "mac_address", "mobile", "email", "note", "order_id", "customer_id", "city", "contact_name",
        "billing_address", "email_address", "ip_address", "pan_holder_name",
    ];

    private static readonly string[] s_words = ["Ravi", "Priya", "Kumar", "Sharma", "Iyer", "MG", "Road", "Flat", "Bengaluru", "Anna", "Salai", "of"];

    private static readonly PiiScanner s_fingerprinted = PiiScanner.Create(
        Scanners.GuardianOptions(RedactOperator.Instance) with { FingerprintKey = new byte[32] });

    private static readonly PiiScanner s_allowList = PiiScanner.Create(Scanners.GuardianOptions() with
    {
        AllowList = [new AllowListEntry("ABCPK1234X", IsPattern: false), new AllowListEntry("Ravi Kumar", IsPattern: false)],
    });

    private static readonly PiiScanner s_custom = PiiScanner.Create(Scanners.GuardianOptions() with
    {
        CustomRecognizers = [new CustomRecognizerDefinition("ref_word", PiiEntity.Pan, "PK12", 0.9f, [], null)],
    });

    private static readonly PiiScanner s_deny = PiiScanner.Create(Scanners.GuardianOptions() with
    {
        DenyList = [new DenyListEntry("kumar", PiiEntity.PersonName)],
    });

    /// <summary>Seeded: 200,000 generated key and value pairs, the fast path against the full scan.</summary>
    [Fact]
    public void TryScanKeyed_GeneratedWordsAndRoleValues_SameMatchesAsFullScan()
    {
        Detector detector = s_fingerprinted.Detector;
        Assert.True(detector.KeyedFastPathApplies);
        var random = new Random(20261124);
        int words = 0;
        int roles = 0;
        for (int n = 0; n < 200_000; n++)
        {
            string keyText = s_keys[random.Next(s_keys.Length)];
            KeyClass key = detector.Keywords.ClassifyKey(Encoding.UTF8.GetBytes(keyText));
            byte[] value = Encoding.UTF8.GetBytes(Value(random));
            if (KeyedMatchComparison.AssertFastPathSameAsFullScan(detector, key, value, $"key {keyText}"))
            {
                _ = key.Role != ValueRole.None ? roles++ : words++;
            }
        }

        Assert.True(words > 3_000, $"the word path was taken only {words} times");
        Assert.True(roles > 3_000, $"the role path was taken only {roles} times");
    }

    /// <summary>Seeded: 3000 dense bodies, each whole and in one random chunking, under five policies.</summary>
    [Fact]
    public void Process_WordAndRoleFastPathOnOrOff_SameOutputFindingsAndPii()
    {
        PiiScanner[] scanners = [s_fingerprinted, s_allowList, s_custom, s_deny, Scanners.Guardian];
        ScanComparison.AssertKeyedFastPathChangesNothing(scanners, 4242, 3000, Body, "keyed word and role path");
    }

    /// <summary>
    /// Seeded: 100,000 generated values with a few digits among letters, spaces and punctuation. Wherever
    /// <see cref="Detector.CannotHoldCandidate"/> holds, the full scan finds nothing under no key and under keys naming
    /// every digit and word entity (the claim the role path rests on).
    /// </summary>
    [Fact]
    public void CannotHoldCandidate_GeneratedValues_FullScanFindsNothing()
    {
        Detector detector = s_fingerprinted.Detector;
        string[] keys = ["note", "mobile", "aadhaar", "card_number", "pincode", "ip", "date_of_birth", "account_number", "pan", "passport", "voter_id", "ifsc", "gstin", "iban"];
        KeyClass[] classes = [.. keys.Select(k => detector.Keywords.ClassifyKey(Encoding.UTF8.GetBytes(k)))];
        var random = new Random(20261125);
        var full = new List<RawMatch>();
        int held = 0;
        for (int n = 0; n < 100_000; n++)
        {
            var text = new StringBuilder();
            int length = random.Next(1, 24);
            for (int i = 0; i < length; i++)
            {
                text.Append(random.Next(6) switch
                {
                    0 => (char)('0' + random.Next(10)),
                    1 => ' ',
                    2 => Pick(random, "-", ".", "/", ",", "#", "+"),
                    _ => (char)('A' + random.Next(26) + (random.Next(2) * 32)),
                });
            }

            byte[] value = Encoding.UTF8.GetBytes(text.ToString());
            if (!Detector.CannotHoldCandidate(value))
            {
                continue;
            }

            held++;
            for (int k = 0; k < classes.Length; k++)
            {
                full.Clear();
                detector.Scan(value, classes[k], default, full);

                // Names after a salutation or honorific (" Dr Ab Cd") are read only under no key, never on the role path.
                full.RemoveAll(match => match.Recognizer == "name.salutation" && k == 0);
                Assert.True(full.Count == 0, $"key {keys[k]} value {text}: {KeyedMatchComparison.Describe(full)}");
            }
        }

        Assert.True(held > 20_000, $"only {held} values held no candidate");
    }

    [Theory]
    [InlineData("pan", "ABCPK1234X", true)]
    [InlineData("pan", "abcpk1234x", true)]
    [InlineData("passport", "J8369854", true)]
    [InlineData("voter_id", "ABC1234567", true)]
    [InlineData("ifsc", "SBIN0001234", true)]
    [InlineData("pan", "ABCPK1234", false)]
    [InlineData("pan", "ABCPK 1234X", false)]
    [InlineData("pan", "ABCPK_1234X", false)]
    [InlineData("pan", "ABCDEFGHIJ", false)]
    [InlineData("pan", "1BCPK1234X", false)]
    [InlineData("name", "Ravi Kumar", true)]
    [InlineData("name", " Ravi Kumar\t", true)]
    [InlineData("first_name", "Ravi", true)]
    [InlineData("name", "Ravi", true)]
    [InlineData("name", "Ravi Kumar 2", false)]
    [InlineData("name", "ravi@example.in", false)]
    [InlineData("name", "Mr: Ravi Kumar", false)]
    [InlineData("device_id", "a1b2-c3d4", false)]
    [InlineData("device_id", "abcd-efgh", true)]
    [InlineData("address", "12 MG Road, Indiranagar, Pune", true)]
    [InlineData("address", "123 MG Road, 5 Cross, Pune", false)]
    [InlineData("address", "Flat 4B, MG Road, Pune", false)]
    [InlineData("address", "12 MG Road, Indiranagar: Pune", false)]
    [InlineData("address", "[\"12 MG Road\"]", false)]
    [InlineData("name", "[\"Ravi Kumar\"]", false)]
    public void TryScanKeyed_KnownWordsAndRoleValues_TakenOnlyWhenNoOtherCandidate(string key, string value, bool taken)
    {
        Detector detector = Scanners.Guardian.Detector;
        KeyClass keyClass = detector.Keywords.ClassifyKey(Encoding.UTF8.GetBytes(key));
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        Assert.Equal(taken, detector.TryScanKeyed(bytes, keyClass, out RawMatch match));
        var full = new List<RawMatch>();
        detector.Scan(bytes, keyClass, default, full);
        if (taken)
        {
            Assert.Equal(KeyedMatchComparison.Describe(full), KeyedMatchComparison.Describe([match]));
        }
    }

    /// <summary>A JSON array of dense records: word and role values, some nested or escaped, and other keyed values.</summary>
    private static string Body(Random random) => DenseRecords.Json(random, s_keys, Member);

    /// <summary>A member value: a word or role value (or a keyed value of any generator) as a string or nested; quotes, some letters and tabs escaped.</summary>
    private static string Member(Random random)
    {
        string value = (random.Next(4) == 0 ? KeyedFastPathPropertyTests.Value(random) : Value(random))
            .Replace("\"", "\\\"", StringComparison.Ordinal);
        return random.Next(6) switch
        {
            0 => DenseRecords.InObject(value),
            1 => DenseRecords.InArray(value),
            2 => DenseRecords.Quoted(value.Replace("a", "\\u0061", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)),
            _ => DenseRecords.Quoted(value.Replace("\t", "\\t", StringComparison.Ordinal)),
        };
    }

    /// <summary>A value of one generator (identifier words, names, addresses, device IDs), valid or a near miss.</summary>
    internal static string Value(Random random)
    {
        string value = random.Next(9) switch
        {
            0 => Letters(random, 3) + Pick(random, "P", "C", "H", "F", "A", "T", "B", "L", "J", "G", "E", "K", "Z") + Letters(random, 1)
                + Pick(random, Digits(random, 4), "0000") + Letters(random, 1),
            1 => Letters(random, 1) + Digits(random, 7),
            2 => Letters(random, 3) + Digits(random, 7),
            3 => Letters(random, 4) + "0" + Pick(random, Digits(random, 6), Letters(random, 6), Letters(random, 2) + Digits(random, 4)),
            4 => Digits(random, 2) + Letters(random, 5) + Digits(random, 4) + Letters(random, 1) + Pick(random, "1", "2", "A") + "Z" + Pick(random, "5", "X"),
            5 => Pick(random, "GB82WEST12345698765432", "DE89370400440532013000", "GB82 WEST 1234 5698 7654 32", "IN12ABCD0123456789"),
            6 => Words(random, random.Next(1, 7)),
            7 => $"{Pick(random, "", "12 ", "Flat 4, ")}{Words(random, 2)}, {Pick(random, "Bengaluru", "Pune")}{Pick(random, "", " 560001", "-411001")}",
            // Embedded documents: the full scan reads ["12 MG Road"] as JSON, so the role path must not take it whole.
            _ => Pick(random, "a1b2-c3d4", "abcd-efgh", "ab", "x y z w", "AA:BB:CC:DD:EE:FF", "", " ", "\t", "n/a", Letters(random, random.Next(4, 18)),
                "[\"12 MG Road\"]", "[\"Ravi Kumar\", \"Priya\"]"),
        };

        return random.Next(5) switch
        {
            0 => Mutate(value, random),
            1 => value.ToLowerInvariant(),
            _ => value,
        };
    }

    private static string Mutate(string value, Random random)
    {
        if (value.Length == 0)
        {
            return "A";
        }

        int at = random.Next(value.Length);
        return random.Next(5) switch
        {
            0 => value.Remove(at, 1),
            1 => value.Insert(at, Pick(random, "0", "a", " ", "-", ".", "@", ":", "_", "é", "\t")),
            2 => Pick(random, " ", "\t", "1") + value,
            3 => value + Pick(random, " ", "x", "0", ".", "-"),
            _ => value[..at] + (char)('0' + random.Next(10)) + value[(at + 1)..],
        };
    }

    private static string Words(Random random, int count)
    {
        var words = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            words.Append(i > 0 ? Pick(random, " ", " ", " ", "  ", "-", ". ") : "").Append(Pick(random, s_words));
        }

        return words.ToString();
    }
}
