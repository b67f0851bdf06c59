namespace PiiExtProc.Scanning;

/// <summary>ASCII byte classes shared by the tokenizers, recognizers and validators (bytes, not chars).</summary>
internal static class Ascii
{
    public static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    public static bool IsUpper(byte b) => (uint)(b - 'A') <= 'Z' - 'A';

    public static bool IsLetter(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';

    public static bool IsLetterOrDigit(byte b) => IsLetter(b) || IsDigit(b);

    /// <summary>Letters, digits and underscore: the bytes of one word for boundary purposes.</summary>
    public static bool IsWordByte(byte b) => IsLetterOrDigit(b) || b == '_';

    public static bool IsHex(byte b) => IsDigit(b) || (uint)((b | 0x20) - 'a') <= 'f' - 'a';

    public static byte ToUpper(byte b) => (uint)(b - 'a') <= 'z' - 'a' ? (byte)(b - 0x20) : b;

    /// <summary>True when every byte is an upper-case letter 'A'-'Z' (vectorised; true for an empty span).</summary>
    public static bool AllUpper(ReadOnlySpan<byte> s) => s.IndexOfAnyExceptInRange((byte)'A', (byte)'Z') < 0;

    /// <summary>True when <paramref name="text"/> starts with <paramref name="prefix"/>, ASCII case-insensitively.</summary>
    public static bool StartsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix) =>
        text.Length >= prefix.Length && System.Text.Ascii.EqualsIgnoreCase(text[..prefix.Length], prefix);

    /// <summary>True when <paramref name="text"/> ends with <paramref name="suffix"/>, ASCII case-insensitively.</summary>
    public static bool EndsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> suffix) =>
        text.Length >= suffix.Length && System.Text.Ascii.EqualsIgnoreCase(text[^suffix.Length..], suffix);

    /// <summary>True when every byte is a digit '0'-'9' (vectorised; true for an empty span).</summary>
    public static bool AllDigits(ReadOnlySpan<byte> s) => s.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;
}
