namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// IN_PIN_CODE: 6 digits (or 3+3 with a space), first two digits an assigned postal circle (India Post table in
/// pii-detection.md §3: 11-28, 30-34, 36-53, 56-64, 67-85, 90-99), recognized only with a context word or key
/// (pin, pincode, postal, zip). Inside an address value it is part of the POSTAL_ADDRESS, not reported alone.
/// </summary>
internal static class PinCodeRecognizer
{
    public const string Name = "pin_code.context";

    public static float Score(in DigitSpan span, Evidence evidence)
    {
        ReadOnlySpan<byte> d = span.Digits;
        if (evidence == Evidence.Pattern || d.Length != 6 || span.Plus || span.DotAdjacent
            || !(span.Groups == 1 || (span.Groups == 2 && span.AllGroups(3) && span.Separators == DigitSpan.Space)))
        {
            return 0;
        }

        int circle = ((d[0] - '0') * 10) + (d[1] - '0');
        return IsAssignedCircle(circle) ? Scores.WithEvidence(0.25f, evidence) : 0;
    }

    /// <summary>True for the first two digits of an assigned PIN (postal circle), India Post.</summary>
    public static bool IsAssignedCircle(int circle) => circle switch
    {
        >= 11 and <= 28 => true,
        >= 30 and <= 34 => true,
        >= 36 and <= 53 => true,
        >= 56 and <= 64 => true,
        >= 67 and <= 85 => true,
        >= 90 and <= 99 => true,
        _ => false,
    };
}
