namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// IN_BANK_ACCOUNT: 9-18 digits without separators (RBI: length depends on the bank, no national checksum;
/// pii-detection.md §3), recognized only with a context word (account, acct, a/c) or a key naming an account, like
/// Presidio's <c>US_BANK_NUMBER</c> whose pattern score (0.05) is useless without context.
/// </summary>
internal static class BankAccountRecognizer
{
    public const string Name = "bank_account.context";

    public static float Score(in DigitSpan span, Evidence evidence)
    {
        ReadOnlySpan<byte> d = span.Digits;
        if (evidence == Evidence.Pattern || span.Groups != 1 || span.Plus || span.DotAdjacent || d.Length is < 9 or > 18
            || span.AllSameDigit())
        {
            return 0;
        }

        return Scores.WithEvidence(0.25f, evidence);
    }
}
