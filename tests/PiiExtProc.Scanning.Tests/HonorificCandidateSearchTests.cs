using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// The in-line honorific search of <see cref="SalutationName"/> (32- and 16-byte vector steps, then bytes) against a
/// plain reference on random texts over a small alphabet: <see cref="SalutationName.MayHoldInLineName"/> is true exactly
/// when a space or <c>(</c> precedes an <c>M D S K P</c> (in text long enough to hold a name), and
/// <see cref="SalutationName.TryFindNextInLine"/> finds the names the reference finds, in order.
/// </summary>
public sealed class HonorificCandidateSearchTests
{
    /// <summary>The byte before the honorific, the honorific, a space, two one-letter words: the shortest possible name.</summary>
    private const int ShortestName = 7;

    private static bool ReferenceMayHold(ReadOnlySpan<byte> text)
    {
        for (int i = 1; i < text.Length; i++)
        {
            if (text[i - 1] is (byte)' ' or (byte)'(' && text[i] is (byte)'M' or (byte)'D' or (byte)'S' or (byte)'K' or (byte)'P'
                && text.Length - i >= ShortestName - 1)
            {
                return true;
            }
        }

        return false;
    }

    [Fact]
    public void RandomTexts_CandidateSearchSameAsReference()
    {
        byte[] alphabet = " (MDSKPrsx.\n"u8.ToArray();
        var random = new Random(20261124);
        for (int round = 0; round < 20_000; round++)
        {
            var text = new byte[random.Next(0, 150)];
            for (int i = 0; i < text.Length; i++)
            {
                text[i] = alphabet[random.Next(alphabet.Length)];
            }

            Assert.True(ReferenceMayHold(text) == SalutationName.MayHoldInLineName(text), $"round {round}: '{System.Text.Encoding.ASCII.GetString(text)}'");
        }
    }

    [Fact]
    public void RandomTexts_NamesFoundAtEveryOffsetAsWithPadding()
    {
        // The same name at every offset of texts around the vector widths: found once, at its offset, whatever the step.
        const string name = " Mr. Ravi Kumar,";
        for (int length = 0; length < 100; length++)
        {
            for (int at = 0; at + name.Length <= length; at++)
            {
                byte[] text = new byte[length];
                Array.Fill(text, (byte)'x');
                System.Text.Encoding.ASCII.GetBytes(name).CopyTo(text, at);
                int position = 0;
                Assert.True(SalutationName.TryFindNextInLine(text, ref position, out int start, out int end), $"length {length} at {at}");
                Assert.Equal((at + 5, at + 15), (start, end));
                Assert.False(SalutationName.TryFindNextInLine(text, ref position, out _, out _));
            }
        }
    }
}
