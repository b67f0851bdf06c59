using System.Text;
using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// The introduction cue search of <see cref="SalutationName"/> (32- and 16-byte vector steps, then bytes): the same
/// introduced name at every offset is found once, at its offset; and the per-chunk check
/// <see cref="SalutationName.MayHoldIntroduction"/> is true for a text whenever any slice of it holds an introduced
/// name, so a session that skips the per-line and per-value searches on its false never loses one.
/// </summary>
public sealed class IntroductionCueSearchTests
{
    [Theory]
    [InlineData(" my name is Ravi Kumar,", 12)]
    [InlineData(" mera naam Ravi Kumar hai", 11)]
    public void NameAtEveryOffset_FoundOnceAtItsOffset(string introduction, int nameOffset)
    {
        for (int length = 0; length < 100; length++)
        {
            for (int at = 0; at + introduction.Length <= length; at++)
            {
                byte[] text = new byte[length];
                Array.Fill(text, (byte)'x');
                Encoding.ASCII.GetBytes(introduction).CopyTo(text, at);
                int position = 0;
                Assert.True(SalutationName.TryFindNextIntroduction(text, ref position, out int start, out int end), $"length {length} at {at}");
                Assert.Equal((at + nameOffset, at + nameOffset + "Ravi Kumar".Length), (start, end));
                Assert.False(SalutationName.TryFindNextIntroduction(text, ref position, out _, out _));
                Assert.True(SalutationName.MayHoldIntroduction(text));
            }
        }
    }

    [Fact]
    public void RandomTexts_EverySliceWithAnIntroductionIsInATextThatMayHoldOne()
    {
        // Words that build cues and near-misses; slices cut them anywhere.
        string[] words = ["my", "name", "Name", "is", "is:", "naam", "mera", "Mera", "same", "am", "Ravi", "Kumar", "Anita", "x", "\n", "hai", "username"];
        var random = new Random(20261125);
        int withIntroduction = 0;
        for (int round = 0; round < 3_000; round++)
        {
            var builder = new StringBuilder();
            int count = random.Next(0, 14);
            for (int w = 0; w < count; w++)
            {
                builder.Append(words[random.Next(words.Length)]).Append(random.Next(4) == 0 ? "  " : " ");
            }

            byte[] text = Encoding.ASCII.GetBytes(builder.ToString());
            bool mayHold = SalutationName.MayHoldIntroduction(text);
            for (int start = 0; start < text.Length; start++)
            {
                for (int end = start; end <= text.Length; end++)
                {
                    if (SalutationName.AnyIntroduction(text.AsSpan(start, end - start)))
                    {
                        withIntroduction++;
                        Assert.True(mayHold, $"round {round}: '{builder}' [{start}..{end})");
                    }
                }
            }
        }

        Assert.True(withIntroduction > 1_000, $"only {withIntroduction} slices held an introduction: the generator does not reach the case");
    }
}
