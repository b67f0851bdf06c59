using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// The detector skips a word of letters and digits that starts with a digit unless it has a GSTIN's length, without
/// looking up its context: every other word recognizer rejects such a word whatever its evidence. These tests hold
/// that rule to the recognizers, so a new word shape that starts with a digit shows up here.
/// </summary>
public sealed class DigitFirstWordTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void WordRecognizers_DigitFirstWordOfAnyOtherLength_NoScore(int evidenceValue)
    {
        var evidence = (Evidence)evidenceValue;
        var random = new Random(20261124);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        for (int length = 4; length <= IbanRecognizer.MaxLength; length++)
        {
            for (int n = 0; n < 500; n++)
            {
                byte[] word = new byte[length];
                word[0] = (byte)('0' + random.Next(10));
                for (int i = 1; i < length; i++)
                {
                    // Mostly the shapes the recognizers look for after the first character: digits, or letters then digits.
                    word[i] = (byte)(n % 3 == 0 ? '0' + random.Next(10) : alphabet[random.Next(alphabet.Length)]);
                }

                string shown = System.Text.Encoding.ASCII.GetString(word);
                Assert.True(PassportRecognizer.Score(word, evidence) == 0, shown);
                Assert.True(PanRecognizer.Score(word, evidence) == 0, shown);
                Assert.True(VoterIdRecognizer.Score(word, evidence, out _) == 0, shown);
                Assert.True(IfscRecognizer.Score(word, evidence) == 0, shown);
                Assert.True(IbanRecognizer.Score(word) == 0, shown);
                if (length != GstinRecognizer.Length)
                {
                    Assert.True(GstinRecognizer.Score(word, evidence, out _) == 0, shown);
                }
            }
        }
    }

    [Fact]
    public void Scan_DigitFirstGstin_StillFound()
    {
        // The one digit-first word shape: a valid GSTIN in free text (state code 27, PAN AAPFU0939F, entity 1, Z, check V).
        var findings = Support.Scanners.Run(Support.Scanners.Guardian, BodyFormat.Text, "invoice from seller GSTIN 27AAPFU0939F1ZV today\n").Findings;

        Assert.Contains(findings, f => f.Entity == PiiEntity.Gstin);
    }
}
