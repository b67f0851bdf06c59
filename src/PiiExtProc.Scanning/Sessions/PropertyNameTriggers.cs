using System.Buffers;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// Which JSON property names may be data (a map keyed by mobile numbers, emails, Aadhaar numbers) and are scanned as
/// values: the session (BodyScanSession.Names.cs) and <see cref="CleanJsonProof"/> use the same test.
/// </summary>
internal static class PropertyNameTriggers
{
    /// <summary>Trailing bytes whose digits alone make no entity: every built-in one needs four digits or more, or an IFSC's
    /// <c>0</c> with six characters after it.</summary>
    private const int HarmlessDigitTail = 3;

    private static readonly SearchValues<byte> s_always = SearchValues.Create("@:=?"u8);

    /// <summary>
    /// True when <paramref name="name"/> (raw or unescaped UTF-8) holds <c>@</c>, <c>:</c>, <c>=</c> or <c>?</c>, or a
    /// digit before its last three bytes; false for labels such as <c>line1</c>, <c>address_line2</c> or <c>sha256</c>,
    /// in which no built-in recognizer can match (their digits are too few: see <see cref="CleanValueRules"/>).
    /// </summary>
    public static bool MayHoldEntity(ReadOnlySpan<byte> name) =>
        name.IndexOfAny(s_always) >= 0
        || (name.Length > HarmlessDigitTail && name[..^HarmlessDigitTail].IndexOfAnyInRange((byte)'0', (byte)'9') >= 0);
}
