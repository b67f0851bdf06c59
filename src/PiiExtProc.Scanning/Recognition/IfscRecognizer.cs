using PiiExtProc.Scanning.Validators;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// IN_IFSC: four letters (bank), <c>0</c>, six letters or digits (branch) (RBI; pii-detection.md §3). A bank code from
/// the list of large banks scores <see cref="KnownBankScore"/>; any other bank code scores <see cref="PatternScore"/>
/// and needs a context word (ifsc, branch, neft, rtgs, imps) or key.
/// </summary>
internal static class IfscRecognizer
{
    public const string Name = "ifsc.pattern";

    /// <summary>Known bank code.</summary>
    public const float KnownBankScore = 0.85f;

    /// <summary>Format only.</summary>
    public const float PatternScore = 0.4f;

    private static readonly string[] s_bankCodes =
    [
        "SBIN", "HDFC", "ICIC", "UTIB", "PUNB", "BARB", "CNRB", "UBIN", "KKBK", "YESB", "IDIB", "BKID", "IOBA", "INDB",
        "FDRL", "KARB", "MAHB", "PSIB", "UCBA", "CBIN", "IDFB", "AUBL", "ALLA", "ANDB", "CORP", "VIJB", "SYNB", "ORBC",
        "DBSS", "HSBC", "SCBL", "CITI", "RATN", "DLXB", "SIBL", "TMBL", "KVBL", "JAKA", "CSBK", "BDBL", "ESFB", "UJVN",
        "PYTM", "AIRP", "FINO", "IPOS", "KVGB", "NKGS", "APGB", "SVCB", "COSB", "ABHY", "BACB", "SRCB", "TJSB",
    ];

    public static float Score(ReadOnlySpan<byte> word, Evidence evidence)
    {
        if (!IfscValidator.IsValid(word))
        {
            return 0;
        }

        float score = PatternScore;
        foreach (string code in s_bankCodes)
        {
            if (word[0] == code[0] && word[1] == code[1] && word[2] == code[2] && word[3] == code[3])
            {
                score = KnownBankScore;
                break;
            }
        }

        return Scores.WithEvidence(score, evidence);
    }
}
