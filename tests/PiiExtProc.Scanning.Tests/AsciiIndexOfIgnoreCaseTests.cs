using System.Text;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// <see cref="Ascii.IndexOfIgnoreCase"/> against a plain reference (every start, ASCII letters folded) on random texts
/// over a small alphabet (so matches, near misses and case variants are frequent), at every length up to several times the 32-byte
/// vector width, with the needle at the very end of the text.
/// </summary>
public sealed class AsciiIndexOfIgnoreCaseTests
{
    private static int Reference(ReadOnlySpan<byte> text, ReadOnlySpan<byte> needle)
    {
        bool ascii = System.Text.Ascii.IsValid(needle);
        for (int i = 0; i + needle.Length <= text.Length; i++)
        {
            bool equal = true;
            for (int j = 0; j < needle.Length && equal; j++)
            {
                byte a = text[i + j], b = needle[j];
                equal = a == b || (ascii && Ascii.IsLetter(a) && Ascii.IsLetter(b) && (a | 0x20) == (b | 0x20));
            }

            if (equal)
            {
                return i;
            }
        }

        return -1;
    }

    [Fact]
    public void RandomTexts_SameAsReference()
    {
        // '@' and '`' differ from each other only in bit 0x20, like a letter's cases: they must not match.
        byte[] alphabet = "aAbB @`-\u00e9"u8.ToArray();
        var random = new Random(20261124);
        for (int round = 0; round < 20_000; round++)
        {
            byte[] text = new byte[random.Next(0, 150)];
            for (int i = 0; i < text.Length; i++)
            {
                text[i] = alphabet[random.Next(alphabet.Length)];
            }

            byte[] needle;
            if (text.Length > 0 && random.Next(3) == 0)
            {
                // A slice of the text, its letters' case flipped at random: present at least once.
                int start = random.Next(text.Length);
                needle = text[start..Math.Min(text.Length, start + 1 + random.Next(6))];
                for (int i = 0; i < needle.Length; i++)
                {
                    if (Ascii.IsLetter(needle[i]) && random.Next(2) == 0)
                    {
                        needle[i] ^= 0x20;
                    }
                }
            }
            else
            {
                needle = new byte[1 + random.Next(5)];
                for (int i = 0; i < needle.Length; i++)
                {
                    needle[i] = alphabet[random.Next(alphabet.Length)];
                }
            }

            Assert.True(Reference(text, needle) == Ascii.IndexOfIgnoreCase(text, needle),
                $"text '{Encoding.Latin1.GetString(text)}', needle '{Encoding.Latin1.GetString(needle)}'");
        }
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(64)]
    [InlineData(100)]
    public void NeedleAtTheEnd_Found(int length)
    {
        byte[] text = Encoding.ASCII.GetBytes(new string('x', length - 10) + "RAVI KUMAR");

        Assert.Equal(length - 10, Ascii.IndexOfIgnoreCase(text, "Ravi Kumar"u8));
        Assert.Equal(-1, Ascii.IndexOfIgnoreCase(text.AsSpan(0, length - 1), "Ravi Kumar"u8));
    }

    [Fact]
    public void NonAsciiNeedle_ExactBytesOnly()
    {
        Assert.Equal(4, Ascii.IndexOfIgnoreCase("see Ren\u00e9e"u8, "Ren\u00e9e"u8));
        Assert.Equal(-1, Ascii.IndexOfIgnoreCase("see REN\u00e9E"u8, "Ren\u00e9e"u8));
    }
}
