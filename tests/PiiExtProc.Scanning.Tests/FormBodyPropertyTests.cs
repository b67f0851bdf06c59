using System.Buffers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Sessions;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Generated form bodies (PII and plain values, <c>+</c> and <c>%20</c> spaces, percent-encoded bytes, malformed
/// <c>%</c> sequences, empty pairs, bracketed keys): any chunking gives the output and findings of the whole body, the
/// output keeps every key and every value that was not rewritten, and a rewritten value is canonically encoded.
/// </summary>
public sealed class FormBodyPropertyTests
{
    private static readonly PiiScanner s_masks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance));
    private static readonly PiiScanner s_smallRecords = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance, maxRecordBytes: 1024));

    private static readonly string[] s_keys =
    [
        "name", "firstname", "lastname", "email", "phone", "mobile", "address", "city", "street", "aadhaar", "comment", "q",
        "amount", "customer[email]", "shipping_address[line1]", "shipping_address[city]", "customer%5Bname%5D", "x", "upi",
    ];

    private static readonly string[] s_values =
    [
        "Ravi Kumar", "ravi.k@example.com", "+91 98765 43210", "9876543210", "12 MG Road, Indiranagar, Bengaluru 560038",
        "Bengaluru", "234567890124", "ravi.kumar@okicici", "call me on 9845012345 after 6pm!", "499.00", "Steel bottle",
        "OD1234567890", "\u0930\u0935\u093f", "a&b=c", "100%", "",
    ];

    [Fact]
    public void Process_AnyChunking_SameOutputAndFindingsAsWhole()
    {
        Arbitrary<(int Seed, int[] Cuts, bool Small)> cases = Arb.From(
            from seed in Gen.Choose(0, int.MaxValue - 1)
            from cuts in Gen.ArrayOf(Gen.Choose(0, 48))
            from small in Gen.Elements(false, false, true)
            select (seed, cuts, small));
        Property property = Prop.ForAll(cases, c =>
        {
            byte[] body = Generate(new Random(c.Seed));
            PiiScanner scanner = c.Small ? s_smallRecords : s_masks;
            ScanResult whole = Scanners.Run(scanner, BodyFormat.FormUrlEncoded, body, [body.Length]);
            ScanResult chunked = Scanners.Run(scanner, BodyFormat.FormUrlEncoded, body, c.Cuts.Append(0).ToArray());
            ScanComparison.AssertSameResult(whole, chunked, "chunking", c.Cuts, body);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000).WithReplay(20261123UL, 4211UL), property);
    }

    [Fact]
    public void Process_GeneratedForms_KeepKeysAndUnchangedValuesAndEncodeRewrittenOnes()
    {
        int rewritten = 0;
        for (int seed = 0; seed < 1500; seed++)
        {
            byte[] body = Generate(new Random(seed));
            ScanResult result = Scanners.Run(s_masks, BodyFormat.FormUrlEncoded, body, [body.Length]);
            string[] before = Encoding.Latin1.GetString(body).Split('&');
            string[] after = Encoding.Latin1.GetString(result.Output).Split('&');
            Assert.Equal(before.Length, after.Length);
            for (int p = 0; p < before.Length; p++)
            {
                int equals = before[p].IndexOf('=');
                if (equals < 0 || before[p] == after[p])
                {
                    Assert.Equal(before[p], after[p]);
                    continue;
                }

                rewritten++;
                Assert.Equal(before[p][..(equals + 1)], after[p][..(equals + 1)]);
                string value = after[p][(equals + 1)..];
                Assert.Equal(value, Encode(Decode(value)));
            }
        }

        Assert.True(rewritten > 1000, $"only {rewritten} values were rewritten: the generator no longer exercises rewriting");
    }

    [Fact]
    public void FormEncoding_WriteThenDecode_GivesTheBytesBack()
    {
        var random = new Random(7);
        for (int i = 0; i < 5000; i++)
        {
            byte[] bytes = new byte[random.Next(0, 40)];
            random.NextBytes(bytes);
            Assert.Equal(bytes, Decode(Encode(bytes)));
        }
    }

    private static byte[] Decode(string encoded) => Decode(Encoding.Latin1.GetBytes(encoded));

    private static byte[] Decode(byte[] encoded)
    {
        byte[] decoded = new byte[encoded.Length];
        return decoded[..FormEncoding.Decode(encoded, decoded)];
    }

    private static string Encode(byte[] decoded)
    {
        var writer = new ArrayBufferWriter<byte>();
        int written = FormEncoding.Write(decoded, writer);
        Assert.Equal(writer.WrittenCount, written);
        return Encoding.Latin1.GetString(writer.WrittenSpan);
    }

    /// <summary>A form of 1-12 pairs: known keys and values, encoded in varied but valid ways, with some malformed bits.</summary>
    private static byte[] Generate(Random random)
    {
        var body = new StringBuilder();
        int pairs = random.Next(1, 13);
        for (int p = 0; p < pairs; p++)
        {
            if (p > 0)
            {
                body.Append('&');
            }

            switch (random.Next(20))
            {
                case 0:
                    continue; // an empty pair
                case 1:
                    body.Append("flag");
                    continue;
                case 2:
                    body.Append("bad=%").Append(random.Next(2) == 0 ? "zz" : "4");
                    continue;
                default:
                    break;
            }

            body.Append(s_keys[random.Next(s_keys.Length)]).Append('=');
            foreach (byte b in Encoding.UTF8.GetBytes(s_values[random.Next(s_values.Length)]))
            {
                bool plain = char.IsAsciiLetterOrDigit((char)b) || b is (byte)'.' or (byte)'-' or (byte)'_' or (byte)'@';
                if (b == ' ')
                {
                    body.Append(random.Next(2) == 0 ? "+" : "%20");
                }
                else if (plain && random.Next(8) != 0)
                {
                    body.Append((char)b);
                }
                else
                {
                    body.Append('%').Append(random.Next(2) == 0 ? b.ToString("X2") : b.ToString("x2"));
                }
            }
        }

        return Encoding.ASCII.GetBytes(body.ToString());
    }
}
