using System.Text;
using PiiExtProc.Scanning.Operators;

namespace PiiExtProc.Scanning.Tests.Operators;

/// <summary>
/// The ASCII paths of <see cref="Utf8Masking"/> (one byte per character, a class table, a select per byte) against the
/// rune-by-rune path they shortcut: same counts, same output bytes, over seeded generated values.
/// </summary>
public sealed class Utf8MaskingAsciiPathTests
{
    private const string AsciiAlphabet = "aZk09 -.@_/+:'";

    private static readonly string[] s_pieces = ["a", "Z", "7", " ", "-", "é", "ह", "😀", "٣", "_", "@", "'"];

    [Fact]
    public void WriteMasked_AsciiValues_SameAsRunePath()
    {
        var random = new Random(20261123);
        var fast = new byte[256];
        var reference = new byte[256];
        for (int n = 0; n < 20_000; n++)
        {
            byte[] value = Encoding.ASCII.GetBytes(Ascii(random, random.Next(0, 30)));
            int keepFirst = random.Next(0, 6);
            int keepLast = random.Next(0, 6);
            bool keepSeparators = random.Next(2) == 0;
            int fastLength = Utf8Masking.WriteMasked(value, keepFirst, keepLast, "X"u8, keepSeparators, fast, ascii: true,
                Utf8Masking.CountMaskable(value, keepSeparators, ascii: true));
            int referenceLength = Utf8Masking.WriteMasked(value, keepFirst, keepLast, "X"u8, keepSeparators, reference, ascii: false,
                Utf8Masking.CountMaskable(value, keepSeparators, ascii: false));
            Assert.True(
                fast.AsSpan(0, fastLength).SequenceEqual(reference.AsSpan(0, referenceLength)),
                $"{Encoding.ASCII.GetString(value)} keep {keepFirst}/{keepLast} separators {keepSeparators}");
        }
    }

    [Fact]
    public void CountLettersAndDigits_MixedValues_SameAsCountMaskable()
    {
        var random = new Random(8675309);
        for (int n = 0; n < 20_000; n++)
        {
            var text = new StringBuilder();
            int pieces = random.Next(0, 12);
            for (int p = 0; p < pieces; p++)
            {
                text.Append(s_pieces[random.Next(s_pieces.Length)]);
            }

            byte[] value = Encoding.UTF8.GetBytes(text.ToString());
            if (random.Next(8) == 0 && value.Length > 0)
            {
                // An invalid UTF-8 byte.
                value[random.Next(value.Length)] = 0xFF;
            }

            int count = Utf8Masking.CountLettersAndDigits(value, out bool ascii);
            Assert.Equal(System.Text.Ascii.IsValid(value), ascii);
            Assert.Equal(Utf8Masking.CountMaskable(value, keepSeparators: true), count);
        }
    }

    private static string Ascii(Random random, int length)
    {
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            text.Append(AsciiAlphabet[random.Next(AsciiAlphabet.Length)]);
        }

        return text.ToString();
    }
}
