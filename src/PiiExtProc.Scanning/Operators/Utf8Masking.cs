using System.Buffers;
using System.Diagnostics;
using System.Text;

namespace PiiExtProc.Scanning.Operators;

/// <summary>
/// Masking primitives over UTF-8 text, one Unicode scalar value (rune) at a time, so a multi-byte character is
/// masked as one character and no UTF-8 sequence is ever split.
/// </summary>
/// <remarks>
/// A "maskable" rune is a letter or digit or a combining mark (<see cref="IsWordRune"/>), or every rune when separators are
/// not kept. Invalid UTF-8 bytes
/// are maskable and are never copied to the output, even inside a kept range.
/// Safety rule: when the kept runes would cover every maskable rune, nothing is kept, so a mask never
/// writes a short value back unchanged.
/// </remarks>
internal static class Utf8Masking
{
    /// <summary>Largest UTF-8 encoding of one rune, bytes.</summary>
    internal const int MaxBytesPerRune = 4;

    /// <summary>Bytes to ask the destination for: every input byte may become a 4-byte mask rune, plus a margin.</summary>
    internal static int MaxOutputBytes(int valueLength, int extraBytes = 0) => (valueLength * MaxBytesPerRune) + extraBytes + 16;

    /// <summary>Counts the maskable runes of <paramref name="value"/>.</summary>
    internal static int CountMaskable(ReadOnlySpan<byte> value, bool keepSeparators) =>
        CountMaskable(value, keepSeparators, System.Text.Ascii.IsValid(value));

    /// <summary>Counts the maskable runes of <paramref name="value"/>; <paramref name="ascii"/> tells whether it is all ASCII.</summary>
    internal static int CountMaskable(ReadOnlySpan<byte> value, bool keepSeparators, bool ascii)
    {
        if (ascii)
        {
            return keepSeparators ? CountAsciiLettersAndDigits(value) : value.Length;
        }

        var count = 0;
        while (!value.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(value, out var rune, out var consumed);
            if (IsMaskable(status, rune, keepSeparators))
            {
                count++;
            }

            value = value[consumed..];
        }

        return count;
    }

    /// <summary>
    /// Counts the maskable runes of <paramref name="value"/> with separators kept (its letters and digits) and tells
    /// whether it is all ASCII (<paramref name="ascii"/>), in one pass over an ASCII value.
    /// </summary>
    internal static int CountLettersAndDigits(ReadOnlySpan<byte> value, out bool ascii)
    {
        ReadOnlySpan<byte> classes = LetterOrDigitBytes;
        int count = 0;
        int high = 0;
        foreach (byte b in value)
        {
            count += classes[b];
            high |= b;
        }

        ascii = high < 0x80;
        return ascii ? count : CountMaskable(value, keepSeparators: true, ascii: false);
    }

    /// <summary>
    /// Writes <paramref name="value"/> with every maskable rune outside the first <paramref name="keepFirst"/>
    /// and the last <paramref name="keepLast"/> maskable runes replaced by <paramref name="mask"/>, into
    /// <paramref name="span"/>, which holds at least <see cref="MaxOutputBytes"/> of the value's length; returns the bytes
    /// written. The caller gives whether the value is all ASCII and its maskable rune <paramref name="count"/>
    /// (<see cref="CountMaskable(ReadOnlySpan{byte}, bool, bool)"/>), so the value is not read again for them.
    /// </summary>
    internal static int WriteMasked(
        ReadOnlySpan<byte> value, int keepFirst, int keepLast, ReadOnlySpan<byte> mask, bool keepSeparators, Span<byte> span,
        bool ascii, int count)
    {
        Debug.Assert(keepFirst >= 0 && keepLast >= 0, "Keep counts are validated by the operator constructors.");
        if ((long)keepFirst + keepLast >= count)
        {
            keepFirst = 0;
            keepLast = 0;
        }

        if (mask.Length == 1 && ascii)
        {
            // ASCII: one byte per character, the same decisions without decoding runes.
            // Each byte is masked when it is maskable (a letter or digit, or any byte without kept separators) and its
            // ordinal among the maskable bytes is in [keepFirst, count - keepLast): a select per byte, no branch.
            var maskByte = mask[0];
            var at = 0;
            var lastMasked = count - keepLast;
            ReadOnlySpan<byte> classes = LetterOrDigitBytes;
            span = span[..value.Length];
            for (var i = 0; i < value.Length; i++)
            {
                var b = value[i];
                int maskable = keepSeparators ? classes[b] : 1;
                span[i] = maskable != 0 && at >= keepFirst && at < lastMasked ? maskByte : b;
                at += maskable;
            }

            return value.Length;
        }

        var written = 0;
        var index = 0;
        while (!value.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(value, out var rune, out var consumed);
            if (!IsMaskable(status, rune, keepSeparators))
            {
                value[..consumed].CopyTo(span[written..]);
                written += consumed;
            }
            else
            {
                var keep = status == OperationStatus.Done && (index < keepFirst || index >= count - keepLast);
                var source = keep ? value[..consumed] : mask;
                source.CopyTo(span[written..]);
                written += source.Length;
                index++;
            }

            value = value[consumed..];
        }

        return written;
    }

    /// <summary>
    /// Writes <paramref name="value"/> keeping the first letter or digit of each word and masking the other
    /// letters and digits; separators are kept ("Rahul Kumar" → "RXXXX KXXXX", "D'Souza" → "D'XXXXX"). Into
    /// <paramref name="span"/>, which holds at least <see cref="MaxOutputBytes"/> of the value's length; returns the bytes
    /// written.
    /// </summary>
    internal static int WriteInitials(ReadOnlySpan<byte> value, ReadOnlySpan<byte> mask, Span<byte> span)
    {
        if (mask.Length == 1 && System.Text.Ascii.IsValid(value))
        {
            // ASCII: one byte per character, the same decisions without decoding runes.
            var wordStart = true;
            span = span[..value.Length];
            for (var i = 0; i < value.Length; i++)
            {
                var b = value[i];
                if (!Ascii.IsLetterOrDigit(b))
                {
                    span[i] = b;
                    wordStart |= b != '\'';
                }
                else
                {
                    span[i] = wordStart ? b : mask[0];
                    wordStart = false;
                }
            }

            return value.Length;
        }

        var written = 0;
        var atWordStart = true;
        while (!value.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(value, out var rune, out var consumed);
            ReadOnlySpan<byte> source;
            if (!IsMaskable(status, rune, keepSeparators: true))
            {
                source = value[..consumed];

                // An apostrophe continues the word ("D'Souza" keeps only the D).
                atWordStart |= rune.Value is not ('\'' or '\u2019');
            }
            else
            {
                source = atWordStart && status == OperationStatus.Done ? value[..consumed] : mask;
                atWordStart = false;
            }

            source.CopyTo(span[written..]);
            written += source.Length;
            value = value[consumed..];
        }

        return written;
    }

    /// <summary>
    /// Writes an address of the form <c>local@domain</c> keeping up to two runes of the local part (at most half
    /// of it), then three mask runes whatever the local part's length, then <c>@domain</c> unchanged
    /// ("rahul.kumar@email.com" → "raXXX@email.com"). Without an '@' the whole value is masked keeping the first two
    /// letters or digits. Into <paramref name="span"/>, which holds at least <see cref="MaxOutputBytes"/> of the value's
    /// length plus three masks; returns the bytes written.
    /// </summary>
    internal static int WriteLocalPartMasked(ReadOnlySpan<byte> value, ReadOnlySpan<byte> mask, Span<byte> span)
    {
        var at = value.LastIndexOf((byte)'@');
        if (at < 0)
        {
            var ascii = System.Text.Ascii.IsValid(value);
            return WriteMasked(value, 2, 0, mask, keepSeparators: true, span, ascii, CountMaskable(value, keepSeparators: true, ascii));
        }

        var local = value[..at];
        var domain = value[at..];
        if (mask.Length == 1 && System.Text.Ascii.IsValid(local))
        {
            // ASCII local part: one byte per rune, every one decoded Done.
            var kept = Math.Min(2, local.Length / 2);
            span = span[..(kept + 3 + domain.Length)];
            local[..kept].CopyTo(span);
            span.Slice(kept, 3).Fill(mask[0]);
            domain.CopyTo(span[(kept + 3)..]);
            return span.Length;
        }

        var localRunes = CountMaskable(local, keepSeparators: false);
        var keep = Math.Min(2, localRunes / 2);
        var written = 0;
        for (var i = 0; i < keep; i++)
        {
            var status = Rune.DecodeFromUtf8(local, out _, out var consumed);
            var source = status == OperationStatus.Done ? local[..consumed] : mask;
            source.CopyTo(span[written..]);
            written += source.Length;
            local = local[consumed..];
        }

        for (var i = 0; i < 3; i++)
        {
            mask.CopyTo(span[written..]);
            written += mask.Length;
        }

        domain.CopyTo(span[written..]);
        written += domain.Length;
        return written;
    }

    /// <summary>Copies <paramref name="bytes"/> to <paramref name="destination"/>.</summary>
    internal static void WriteBytes(ReadOnlySpan<byte> bytes, IBufferWriter<byte> destination)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        bytes.CopyTo(destination.GetSpan(bytes.Length));
        destination.Advance(bytes.Length);
    }

    /// <summary>Copies <paramref name="bytes"/> to <paramref name="span"/>; returns the bytes written.</summary>
    internal static int WriteBytes(ReadOnlySpan<byte> bytes, Span<byte> span)
    {
        bytes.CopyTo(span);
        return bytes.Length;
    }

    private static int CountAsciiLettersAndDigits(ReadOnlySpan<byte> value)
    {
        ReadOnlySpan<byte> classes = LetterOrDigitBytes;
        var count = 0;
        foreach (var b in value)
        {
            count += classes[b];
        }

        return count;
    }

    /// <summary>By byte value: 1 for an ASCII letter or digit, else 0 (a load per byte instead of range tests and a branch).</summary>
    private static ReadOnlySpan<byte> LetterOrDigitBytes =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    private static bool IsMaskable(OperationStatus status, Rune rune, bool keepSeparators) =>
        status != OperationStatus.Done || !keepSeparators || IsWordRune(rune);

    /// <summary>
    /// A letter or digit, or a rune that belongs to the letter before it: a combining mark (categories Mn, Mc, Me: the
    /// vowel signs and viramas of Devanagari, Tamil, Bengali and the other Indic scripts, Latin accents written apart) or
    /// a zero-width joiner or non-joiner. <c>कुमार</c> is ka, u sign, ma, aa sign, ra: with the signs taken for
    /// separators, every consonant started a new word, so its initial was kept and the name stayed readable.
    /// </summary>
    internal static bool IsWordRune(Rune rune) =>
        Rune.IsLetterOrDigit(rune)
        || rune.Value is 0x200C or 0x200D
        || Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark;
}
