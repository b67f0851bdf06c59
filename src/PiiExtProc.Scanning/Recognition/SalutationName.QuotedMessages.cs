using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// Names after a salutation that opens a message quoted inside a line, as SMS, WhatsApp and e-mail gateways log what
/// they sent: <c>INFO sms sent: Dear Ravi Kumar, your order ...</c>, <c>text="Hi Ravi Kumar, your OTP ..."</c>,
/// <c>body: 'Hello Anita Desai, ...'</c>.
/// </summary>
/// <remarks>
/// The cue is a salutation (<see cref="s_salutations"/>) with a capital first letter, right after <c>: </c> (a colon and
/// one space) or after a quote (<c>"</c> or <c>'</c>) that follows <c>=</c> or a space (<c>text="</c>, <c>msg: "</c>,
/// <c>said "</c>). The name after it is read as at a line start: an optional comma and spaces, a greeting's optional
/// self-introduction, an optional honorific, then 2-4 capitalized words (see <see cref="SalutationName"/>). A quote
/// after a colon (<c>"text":"Dear</c>: compact JSON) is no cue: a JSON value's own start is a line start already, and
/// every compact JSON string would otherwise be a candidate. Markup (a text with a <c>&lt;</c>) is not searched: its
/// attribute values are quoted after <c>=</c> (<c>alt="Cotton kurta"</c>: a search per element), and a mail greets after
/// a tag, which starts a line (<c>&lt;p&gt;Dear Ravi Kumar,</c>). Lower-case salutations (<c>sms sent: dear ravi kumar</c>)
/// are no cue: the name after them is lower case too, which is not read without NER.
/// </remarks>
internal static partial class SalutationName
{
    /// <summary>Fewest bytes from a cue's first byte to the end of its name (<c>: Hi A B</c>).</summary>
    private const int MinQuotedNameBytes = 9;

    /// <summary>True when <paramref name="text"/> (UTF-8) holds a name after a quoted salutation (see the remarks).</summary>
    public static bool AnyQuoted(ReadOnlySpan<byte> text)
    {
        int position = 0;
        return TryFindNextQuoted(text, ref position, out _, out _);
    }

    /// <summary>
    /// False when neither <paramref name="text"/> (UTF-8) nor any slice of it holds a name after a quoted salutation: no
    /// cue (see the remarks) is followed by a salutation word. Looser than <see cref="TryFindNextQuoted"/> (the name
    /// after the salutation is not read), so a slice's cue is always the text's.
    /// </summary>
    public static bool MayHoldQuotedSalutation(ReadOnlySpan<byte> text)
    {
        int position = 0;
        while (true)
        {
            int at = NextQuotedCue(text, position);
            if (at < 0)
            {
                return false;
            }

            position = at + 1;
            if (SalutationEnd(text, at) > 0)
            {
                return true;
            }
        }
    }

    /// <summary>
    /// The next name at or after <paramref name="position"/> (0, or where the previous call left it) after a quoted
    /// salutation (see the remarks), as [<paramref name="start"/>, <paramref name="end"/>) in bytes;
    /// <paramref name="position"/> moves past it. False when no later one exists.
    /// </summary>
    public static bool TryFindNextQuoted(ReadOnlySpan<byte> text, ref int position, out int start, out int end)
    {
        start = end = 0;
        while (true)
        {
            int at = NextQuotedCue(text, position);
            if (at < 0)
            {
                position = text.Length;
                return false;
            }

            position = at + 1;
            int wordEnd = SalutationEnd(text, at);
            int nameStart = wordEnd > 0 ? AfterSalutation(text, text[at..wordEnd], wordEnd) : -1;
            if (nameStart > 0 && TryReadName(text, nameStart, out start, out end))
            {
                position = end;
                return true;
            }
        }
    }

    /// <summary>
    /// End of the salutation word at <paramref name="at"/> (a cue's capital letter, <see cref="NextQuotedCue"/>), or -1
    /// when the word there is no salutation. Reads only the word.
    /// </summary>
    private static int SalutationEnd(ReadOnlySpan<byte> text, int at)
    {
        int wordEnd = LetterWordEnd(text, at);
        int length = wordEnd - at;
        return length <= 15 && (s_lengthsByFirstLetter[text[at] - 'A'] & (1 << length)) != 0
            && Ascii.IsListedLowercase(text[at..wordEnd], s_salutationLookup) ? wordEnd : -1;
    }

    /// <summary>
    /// The first index at or after <paramref name="from"/> of a capital letter after a cue: <c>: </c>, or a quote after
    /// <c>=</c> or a space; -1 when there is none with room for a name after it (<see cref="MinQuotedNameBytes"/>). 32
    /// bytes at a time (then 16): three loads, the cue's two bytes and the letter.
    /// </summary>
    private static int NextQuotedCue(ReadOnlySpan<byte> text, int from)
    {
        // i is the cue's first byte; the letter is at i + 2.
        int i = Math.Max(from - 2, 0);
        int last = text.Length - MinQuotedNameBytes;
        if (i > last)
        {
            return -1;
        }

        if (Vector256.IsHardwareAccelerated)
        {
            ref byte origin = ref MemoryMarshal.GetReference(text);
            while (i + 2 <= text.Length - Vector256<byte>.Count)
            {
                // In bounds: the loads at i + 1 and i + 2 end at or before the text's end.
                Vector256<byte> first = Vector256.LoadUnsafe(ref origin, (nuint)i);
                Vector256<byte> second = Vector256.LoadUnsafe(ref origin, (nuint)(i + 1));
                Vector256<byte> letter = Vector256.LoadUnsafe(ref origin, (nuint)(i + 2));
                Vector256<byte> quote = Vector256.Equals(second, Vector256.Create((byte)'"')) | Vector256.Equals(second, Vector256.Create((byte)'\''));
                Vector256<byte> cue = (Vector256.Equals(first, Vector256.Create((byte)':')) & Vector256.Equals(second, Vector256.Create((byte)' ')))
                    | (quote & (Vector256.Equals(first, Vector256.Create((byte)'=')) | Vector256.Equals(first, Vector256.Create((byte)' '))));
                Vector256<byte> capital = Vector256.LessThan(letter - Vector256.Create((byte)'A'), Vector256.Create((byte)26));
                uint hits = (cue & capital).ExtractMostSignificantBits();
                if (hits != 0)
                {
                    int at = i + BitOperations.TrailingZeroCount(hits);
                    return at <= last ? at + 2 : -1;
                }

                i += Vector256<byte>.Count;
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            // 16 bytes at a time for the rest of a short text (a log line's last bytes, most JSON values).
            ref byte origin = ref MemoryMarshal.GetReference(text);
            while (i + 2 <= text.Length - Vector128<byte>.Count)
            {
                Vector128<byte> first = Vector128.LoadUnsafe(ref origin, (nuint)i);
                Vector128<byte> second = Vector128.LoadUnsafe(ref origin, (nuint)(i + 1));
                Vector128<byte> letter = Vector128.LoadUnsafe(ref origin, (nuint)(i + 2));
                Vector128<byte> quote = Vector128.Equals(second, Vector128.Create((byte)'"')) | Vector128.Equals(second, Vector128.Create((byte)'\''));
                Vector128<byte> cue = (Vector128.Equals(first, Vector128.Create((byte)':')) & Vector128.Equals(second, Vector128.Create((byte)' ')))
                    | (quote & (Vector128.Equals(first, Vector128.Create((byte)'=')) | Vector128.Equals(first, Vector128.Create((byte)' '))));
                Vector128<byte> capital = Vector128.LessThan(letter - Vector128.Create((byte)'A'), Vector128.Create((byte)26));
                uint hits = (cue & capital).ExtractMostSignificantBits();
                if (hits != 0)
                {
                    int at = i + BitOperations.TrailingZeroCount(hits);
                    return at <= last ? at + 2 : -1;
                }

                i += Vector128<byte>.Count;
            }
        }

        for (; i <= last; i++)
        {
            if (IsQuotedCue(text[i], text[i + 1]) && Ascii.IsUpper(text[i + 2]))
            {
                return i + 2;
            }
        }

        return -1;
    }

    /// <summary>True when <paramref name="first"/> and <paramref name="second"/> are a cue: <c>: </c>, or a quote after
    /// <c>=</c> or a space.</summary>
    private static bool IsQuotedCue(byte first, byte second) =>
        (first == ':' && second == ' ') || (second is (byte)'"' or (byte)'\'' && first is (byte)'=' or (byte)' ');
}
