using PiiExtProc.Scanning.Validators;
namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// CREDIT_CARD: 12-19 digits written whole or in groups of four (or 4-6-5 / 4-6-4 for Amex and Diners), Luhn check
/// digit and a known issuer prefix (Visa 4, Mastercard 51-55 and 2221-2720, Amex 34/37, Diners 30/36/38, JCB 35,
/// Discover/RuPay/Maestro/UnionPay 5x and 6x). Presidio <c>CreditCardRecognizer</c> (pii-detection.md §1.3) validates Luhn
/// only; the IIN check removes the 13-digit millisecond timestamps (leading 1) and most private IDs (§3, zaproxy#8986).
/// </summary>
internal static class PaymentCardRecognizer
{
    public const string ValidatedName = "card.luhn";
    public const string KeyName = "card.key";
    public const string ContextName = "card.context";

    public static float Score(in DigitSpan span, Evidence evidence, out string recognizer)
    {
        recognizer = ValidatedName;
        ReadOnlySpan<byte> d = span.Digits;
        if (d.Length is < 12 or > 19 || (span.Groups > 1 && span.GroupAdjacent) || span.Plus || span.DotAdjacent || !span.SpaceOrHyphenOnly || !IsCardGrouping(span)
            || span.AllSameDigit())
        {
            return 0;
        }

        bool luhn = Luhn.IsValid(d);
        if (luhn && HasKnownIssuer(d))
        {
            return Scores.Validated;
        }

        if (evidence == Evidence.Key)
        {
            recognizer = KeyName;
            return Scores.KeyNamed;
        }

        if (luhn && evidence == Evidence.ContextWord)
        {
            recognizer = ContextName;
            return Scores.WithEvidence(0.3f, evidence);
        }

        return 0;
    }

    private static bool IsCardGrouping(in DigitSpan span)
    {
        ReadOnlySpan<int> g = span.GroupLengths;
        if (g.Length == 1)
        {
            return true;
        }

        if (span.Separators is not (DigitSpan.Space or DigitSpan.Hyphen))
        {
            return false;
        }

        if (g.Length == 3 && g[0] == 4 && g[1] == 6 && g[2] is 4 or 5)
        {
            return true;
        }

        for (int i = 0; i < g.Length - 1; i++)
        {
            if (g[i] != 4)
            {
                return false;
            }
        }

        return g[^1] is >= 1 and <= 4;
    }

    private static bool HasKnownIssuer(ReadOnlySpan<byte> d)
    {
        int two = ((d[0] - '0') * 10) + (d[1] - '0');
        int four = (two * 100) + ((d[2] - '0') * 10) + (d[3] - '0');
        return d[0] switch
        {
            (byte)'4' => d.Length is 13 or 16 or 19,
            (byte)'5' => d.Length >= 12,
            (byte)'2' => four is >= 2221 and <= 2720 && d.Length == 16,
            (byte)'3' => two is 34 or 37 or 36 or 38 or 30 or 35,
            (byte)'6' => true,
            _ => false,
        };
    }
}
