namespace PiiExtProc.Scanning.Validators;

/// <summary>
/// Validates the Indian Permanent Account Number (PAN), <c>AAAAA9999A</c>: five upper-case letters, four digits,
/// one upper-case letter. The 4th letter is the holder type (P individual, C company, H HUF, F firm, A AOP, T trust,
/// B BOI, L local authority, J artificial juridical person, G government, K Krish, E LLP); the serial (characters
/// 6-9) is 0001-9999. The 10th character is a check letter whose algorithm is undocumented, so it is not checked.
/// Sources: python-stdnum <c>stdnum/in_/pan.py</c> (holder types, serial ≠ 0000); Income Tax Department PAN
/// tutorial; E = LLP per officeanywhere.io PAN validation notes (pii-detection.md §3).
/// </summary>
internal static class PanValidator
{
    /// <summary>Length of a PAN, characters.</summary>
    public const int Length = 10;

    /// <summary>
    /// Returns true for a structurally valid PAN in upper-case ASCII (callers upper-case first if they accept
    /// lower case).
    /// </summary>
    /// <param name="tenUpperAscii">Ten ASCII bytes.</param>
    public static bool IsValid(ReadOnlySpan<byte> tenUpperAscii) =>
        tenUpperAscii.Length == Length
        && Ascii.AllUpper(tenUpperAscii[..5])
        && IsHolderType(tenUpperAscii[3])
        && Ascii.AllDigits(tenUpperAscii.Slice(5, 4))
        && !tenUpperAscii.Slice(5, 4).SequenceEqual("0000"u8)
        && Ascii.IsUpper(tenUpperAscii[9]);

    /// <summary>True when <paramref name="letter"/> is a PAN holder-type letter: A B C F G H J L P T E K.</summary>
    /// <param name="letter">The 4th character of the PAN.</param>
    public static bool IsHolderType(byte letter) =>
        letter is (byte)'A' or (byte)'B' or (byte)'C' or (byte)'F' or (byte)'G' or (byte)'H'
            or (byte)'J' or (byte)'L' or (byte)'P' or (byte)'T' or (byte)'E' or (byte)'K';
}
