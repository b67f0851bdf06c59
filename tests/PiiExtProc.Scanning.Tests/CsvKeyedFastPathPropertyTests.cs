using System.Text;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Recognition;
using PiiExtProc.Scanning.Tests.Support;
using static PiiExtProc.Scanning.Tests.Support.GeneratedText;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Equivalence of the keyed fast path (<see cref="Detector.TryScanKeyed"/>) in CSV fields with the full scan: over
/// generated CSV bodies whose columns name entities and roles (mobile, aadhaar, pan, email, name, address, ...) and
/// whose fields come from the keyed value generators (valid and near-miss identifiers, names, addresses, embedded
/// documents), some quoted with delimiters, doubled quotes and line breaks, sessions with the fast path on and off give
/// the same output, findings (fingerprints included) and is_pii, whole and chunked, under policies it applies to and
/// policies it does not (allow list, custom recognizer, deny list).
/// </summary>
public sealed class CsvKeyedFastPathPropertyTests
{
    private static readonly string[] s_columns =
    [
        "mobile", "Mobile No", "phone", "aadhaar", "card_number", "pincode", "last_login_ip", "date_of_birth", "email",
        "upi_id", "account_number", "pan", "passport", "voter_id", "gstin", "ifsc", "iban", "name", "Customer Name",
        "first_name", "last_name", "address", "shipping_address", "city", "device_id", "note", "order_id", "customer_id",
    ];

    private static readonly PiiScanner s_fingerprinted = PiiScanner.Create(
        Scanners.GuardianOptions(RedactOperator.Instance) with { FingerprintKey = new byte[32] });

    private static readonly PiiScanner s_smallRecords = PiiScanner.Create(
        Scanners.GuardianOptions(DefaultMaskOperator.Instance, maxRecordBytes: 1024) with { FingerprintKey = new byte[32] });

    private static readonly PiiScanner s_allowList = PiiScanner.Create(Scanners.GuardianOptions() with
    {
        AllowList = [new AllowListEntry("ABCPK1234X", IsPattern: false), new AllowListEntry("Ravi Kumar", IsPattern: false)],
    });

    private static readonly PiiScanner s_custom = PiiScanner.Create(Scanners.GuardianOptions() with
    {
        CustomRecognizers = [new CustomRecognizerDefinition("ref_number", PiiEntity.BankAccount, "98765", 0.9f, [], null)],
    });

    private static readonly PiiScanner s_deny = PiiScanner.Create(Scanners.GuardianOptions() with
    {
        DenyList = [new DenyListEntry("kumar", PiiEntity.PersonName)],
    });

    /// <summary>Seeded: 3000 CSV bodies, each whole and in one random chunking, under six policies.</summary>
    [Fact]
    public void Process_CsvFastPathOnOrOff_SameOutputFindingsAndPii()
    {
        Assert.True(s_fingerprinted.Detector.KeyedFastPathApplies);
        PiiScanner[] scanners = [s_fingerprinted, s_smallRecords, s_allowList, s_custom, s_deny, Scanners.Guardian];
        ScanComparison.AssertKeyedFastPathChangesNothing(scanners, 20261124, 3000, Body, "keyed fast path in CSV", BodyFormat.Csv);
    }

    /// <summary>A row of keyed columns: each field is its column's one finding, a quoted address inside its quotes.</summary>
    [Fact]
    public void Process_KeyedColumns_EachFieldItsColumnsEntity()
    {
        byte[] body = Encoding.UTF8.GetBytes(
            "name,mobile,aadhaar,pan,email,address\r\nRavi Kumar,9876543210,2345 6789 0124,ABCPK1234F,ravi.k@example.com,\"12 MG Road, Indiranagar, Bengaluru\"\r\n");
        ScanResult result = Scanners.Run(s_fingerprinted, BodyFormat.Csv, body, [0]);
        Assert.Equal(
            ["PERSON_NAME", "IN_MOBILE", "IN_AADHAAR", "IN_PAN", "EMAIL_ADDRESS", "POSTAL_ADDRESS"],
            result.Findings.Select(f => f.Entity.Name));
        PiiFinding address = result.Findings[^1];
        Assert.Equal("12 MG Road, Indiranagar, Bengaluru", Encoding.UTF8.GetString(body, (int)address.Offset, address.Length));
    }

    /// <summary>A CSV body: a header of 1-10 columns (one of them keyless), then 1-8 rows of generated fields.</summary>
    private static string Body(Random random)
    {
        char delimiter = random.Next(4) == 0 ? ';' : ',';
        string newline = random.Next(3) == 0 ? "\n" : "\r\n";
        int columns = random.Next(1, 11);
        var csv = new StringBuilder();
        for (int c = 0; c < columns; c++)
        {
            csv.Append(c > 0 ? delimiter.ToString() : "").Append(Pick(random, s_columns));
        }

        csv.Append(newline);
        int rows = random.Next(1, 9);
        for (int r = 0; r < rows; r++)
        {
            // Some rows are short or long: the missing fields have no value, the extra ones no key.
            int fields = random.Next(6) == 0 ? random.Next(1, columns + 3) : columns;
            for (int f = 0; f < fields; f++)
            {
                string value = random.Next(3) == 0 ? KeyedWordAndRolePropertyTests.Value(random) : KeyedFastPathPropertyTests.Value(random);
                if (random.Next(8) == 0)
                {
                    // A quoted word in the value (a nickname, a quoted reference): doubled in the field.
                    value = random.Next(2) == 0 ? $"{value} \"{Pick(random, "Ravs", "Kumar", "9876543210")}\"" : $"\"{value}\"";
                }

                csv.Append(f > 0 ? delimiter.ToString() : "").Append(Field(value, delimiter, random));
            }

            csv.Append(newline);
        }

        return csv.ToString();
    }

    /// <summary>The field for <paramref name="value"/>: quoted (quotes doubled) when it must be or at random, else as it is.</summary>
    private static string Field(string value, char delimiter, Random random)
    {
        bool mustQuote = value.IndexOfAny(['"', delimiter, '\r', '\n']) >= 0;
        return mustQuote || random.Next(5) == 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
