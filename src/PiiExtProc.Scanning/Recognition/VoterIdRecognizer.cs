using PiiExtProc.Scanning.Validators;
namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// IN_VOTER_ID (EPIC): three letters and seven digits, the last a Luhn check digit over the serial (python-stdnum
/// <c>stdnum/in_/epic.py</c>; some validators say there is no checksum, pii-detection.md §3). Letter+digit codes of this
/// shape are common, so a context word (voter, epic, elector) or key is required; the checksum separates a context
/// match (certain) from a key-only format match.
/// </summary>
internal static class VoterIdRecognizer
{
    public const string ValidatedName = "voter_id.luhn";
    public const string KeyName = "voter_id.key";

    public static float Score(ReadOnlySpan<byte> word, Evidence evidence, out string recognizer)
    {
        recognizer = ValidatedName;
        if (word.Length != 10 || !Ascii.AllUpper(word[..3]) || !Ascii.AllDigits(word[3..]) || evidence == Evidence.Pattern)
        {
            return 0;
        }

        if (Luhn.IsValid(word[3..]))
        {
            return Scores.WithEvidence(0.55f, evidence);
        }

        recognizer = KeyName;
        return evidence == Evidence.Key ? Scores.KeyNamed : 0;
    }
}
