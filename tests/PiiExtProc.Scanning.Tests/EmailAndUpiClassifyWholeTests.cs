using System.Text;
using PiiExtProc.Scanning.Recognition;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// <see cref="EmailAndUpiRecognizer.ClassifyWhole"/> (one pass over a keyed value) against the checks it replaces: the
/// first <c>@</c> splits the value, every local byte and domain byte is checked, the ends are checked, then
/// <see cref="EmailAndUpiRecognizer.Classify"/>.
/// </summary>
public sealed class EmailAndUpiClassifyWholeTests
{
    private const string Alphabet = "aaaabbbzZ0019..--__%+@@ /é";

    private static readonly string[] s_tails = ["ybl", "oksbi", "paytm", "gmail.com", "co.in", "x", "in", "a.b", "c0m", "com-"];

    /// <summary>Seeded: 300,000 generated values near the <c>local@domain</c> shape.</summary>
    [Fact]
    public void ClassifyWhole_GeneratedValues_SameAsSplitChecksAndClassify()
    {
        KeywordTable keywords = Scanners.Guardian.Keywords;
        var random = new Random(20261123);
        var builder = new StringBuilder();
        int accepted = 0;
        for (int n = 0; n < 300_000; n++)
        {
            builder.Clear();
            int localLength = random.Next(0, 8) == 0 ? random.Next(60, 70) : random.Next(0, 8);
            for (int i = 0; i < localLength; i++)
            {
                builder.Append(Alphabet[random.Next(Alphabet.Length)]);
            }

            if (random.Next(4) != 0)
            {
                builder.Append('@');
                if (random.Next(2) == 0)
                {
                    builder.Append(s_tails[random.Next(s_tails.Length)]);
                }

                int domainLength = random.Next(0, 10);
                for (int i = 0; i < domainLength; i++)
                {
                    builder.Append(Alphabet[random.Next(Alphabet.Length)]);
                }

                if (random.Next(3) == 0)
                {
                    builder.Append(s_tails[random.Next(s_tails.Length)]);
                }
            }

            byte[] value = Encoding.UTF8.GetBytes(builder.ToString());
            int expected = Reference(value, keywords, out float expectedScore, out string expectedRecognizer);
            int actual = EmailAndUpiRecognizer.ClassifyWhole(value, keywords, out float score, out string recognizer);
            Assert.True(expected == actual, $"value #{n}: expected {expected}, got {actual}");
            if (expected >= 0)
            {
                accepted++;
                Assert.Equal(expectedScore, score);
                Assert.Equal(expectedRecognizer, recognizer);
            }
        }

        Assert.True(accepted > 1000, $"only {accepted} accepted values");
    }

    /// <summary>Known values: emails, UPI handles and near misses.</summary>
    [Theory]
    [InlineData("asha.k@gmail.com", BuiltInId.Email)]
    [InlineData("9876543210@ybl", BuiltInId.UpiVpa)]
    [InlineData("ab@unknownpsp", BuiltInId.UpiVpa)]
    [InlineData("x@.a.com", BuiltInId.Email)]
    [InlineData("a@b..com", -1)]
    [InlineData("a@b.c", -1)]
    [InlineData("a@b.co-", -1)]
    [InlineData(".a@b.com", -1)]
    [InlineData("a.@b.com", -1)]
    [InlineData("a@@b.com", -1)]
    [InlineData("a+b@ybl", -1)]
    [InlineData("a@-b.com", -1)]
    [InlineData("@b.com", -1)]
    [InlineData("a@", -1)]
    public void ClassifyWhole_KnownValues_SameAsSplitChecksAndClassify(string text, int id)
    {
        KeywordTable keywords = Scanners.Guardian.Keywords;
        byte[] value = Encoding.UTF8.GetBytes(text);
        Assert.Equal(id, Reference(value, keywords, out _, out _));
        Assert.Equal(id, EmailAndUpiRecognizer.ClassifyWhole(value, keywords, out _, out _));
    }

    private static int Reference(ReadOnlySpan<byte> text, KeywordTable keywords, out float score, out string recognizer)
    {
        score = 0;
        recognizer = string.Empty;
        int at = text.IndexOf((byte)'@');
        if (at <= 0 || at > EmailAndUpiRecognizer.MaxLocalLength || at + 1 >= text.Length
            || text.Length - at - 1 > EmailAndUpiRecognizer.MaxDomainLength)
        {
            return -1;
        }

        ReadOnlySpan<byte> local = text[..at];
        ReadOnlySpan<byte> domain = text[(at + 1)..];
        if (local[0] is (byte)'.' or (byte)'-' or (byte)'+' || domain[^1] is (byte)'.' or (byte)'-')
        {
            return -1;
        }

        foreach (byte b in local)
        {
            if (!EmailAndUpiRecognizer.IsLocalByte(b))
            {
                return -1;
            }
        }

        foreach (byte b in domain)
        {
            if (!EmailAndUpiRecognizer.IsDomainByte(b))
            {
                return -1;
            }
        }

        return EmailAndUpiRecognizer.Classify(local, domain, keywords, out score, out recognizer);
    }
}
