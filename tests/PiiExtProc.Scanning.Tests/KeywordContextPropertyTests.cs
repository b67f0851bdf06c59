using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Equivalence of the backward nearest-word search for context words (<see cref="KeywordTable.Context"/>) with the
/// forward search of the whole window (<see cref="KeywordTable.ContextByWindowSearch"/>): for generated texts dense in
/// context words, negative words, plurals, upper case, camelCase humps, words cut by the window start and words joined
/// to letters or digits, every position gives the same answer.
/// </summary>
public sealed class KeywordContextPropertyTests
{
    private static readonly KeywordTable s_table = new([new DenyListEntry("Project Falcon", PiiEntity.PersonName)]);

    private static readonly string[] s_words = BuildWords();

    private static readonly string[] s_separators = [" ", " ", " ", "  ", "_", "-", ":", "=", ",", "\n", ". ", "/", "s ", "S", "x", "9", "(", "", ""];

    /// <summary>Seeded (FsCheck replay), 3000 texts, every position of each.</summary>
    [Fact]
    public void Context_ForwardPass_SameAsWindowSearch()
    {
        Arbitrary<int> seeds = Arb.From(Gen.Choose(0, int.MaxValue - 1));
        Property property = Prop.ForAll(seeds, seed =>
        {
            byte[] text = Text(new Random(seed));
            for (int position = 0; position <= text.Length; position++)
            {
                Compare(text, position);
            }
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3000).WithReplay(20251123UL, 4243UL), property);
    }

    /// <summary>Every position of texts with many, overlapping, plural, joined and cut context words.</summary>
    [Theory]
    [InlineData("no ac no ac no ac no ac no ac no ac no ac no ac no ac no ac no ac no ac 9876543210 ph ph ph 1234")]
    [InlineData("phone phones mobile mobiles order orders otp otps card cards pan pans ip ips upi id ids 98765 43210")]
    [InlineData("xphone phonex phone_no mobile-no mob:9876543210 order/phone ORDER PHONE 9876543210 s phone")]
    [InlineData("customerMobile=9876543210 orderNumber 9876543210 customerOrderNumber: 1 phoneNo mobileVerified CUSTOMERMobile aB")]
    public void Context_EveryPosition_SameAsWindowSearch(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        for (int position = 0; position <= bytes.Length; position++)
        {
            Compare(bytes, position);
        }
    }

    private static void Compare(byte[] text, int position)
    {
        s_table.Context(text, position, Detector.ContextWindow, out uint entities, out bool negative);
        s_table.ContextByWindowSearch(text, position, Detector.ContextWindow, out uint expectedEntities, out bool expectedNegative);
        if (entities != expectedEntities || negative != expectedNegative)
        {
            Assert.Fail($"position {position} of \"{Encoding.UTF8.GetString(text)}\": "
                + $"backward search {entities:x}/{negative}, window search {expectedEntities:x}/{expectedNegative}");
        }
    }

    private static string Capitalized(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private static byte[] Text(Random random)
    {
        var text = new StringBuilder();
        int tokens = random.Next(0, 60);
        for (int t = 0; t < tokens; t++)
        {
            string word = random.Next(6) switch
            {
                0 => random.Next(100_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                1 => s_words[random.Next(s_words.Length)].ToUpperInvariant(),
                2 => Capitalized(s_words[random.Next(s_words.Length)]), // camelCase humps with the empty separator
                _ => s_words[random.Next(s_words.Length)],
            };
            text.Append(word).Append(s_separators[random.Next(s_separators.Length)]);
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string[] BuildWords()
    {
        var words = new List<string>(Keywords.ContextWords().Keys);
        words.AddRange(Keywords.NegativeWords);
        words.AddRange(["name", "the", "customer", "falcon", "a", "is", "at"]);
        words.RemoveAll(w => w.Length > 30);
        return [.. words];
    }
}
