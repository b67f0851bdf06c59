namespace PiiExtProc.Scanning.Matching;

/// <summary>
/// ASCII-only case folding over bytes: 'A'-'Z' map to 'a'-'z', every other byte (including all non-ASCII UTF-8
/// bytes) maps to itself. Folding never changes a byte's UTF-8 role, so folded text is still valid UTF-8.
/// </summary>
internal static class AsciiCaseFolding
{
    /// <summary>Returns <paramref name="value"/> with 'A'-'Z' mapped to 'a'-'z'.</summary>
    /// <param name="value">One byte.</param>
    public static byte ToLower(byte value) => (uint)(value - 'A') <= 'Z' - 'A' ? (byte)(value | 0x20) : value;

    /// <summary>Returns <paramref name="value"/> with 'a'-'z' mapped to 'A'-'Z'.</summary>
    /// <param name="value">One byte.</param>
    public static byte ToUpper(byte value) => (uint)(value - 'a') <= 'z' - 'a' ? (byte)(value & 0xDF) : value;
}
