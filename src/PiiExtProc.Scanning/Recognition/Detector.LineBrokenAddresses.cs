using static PiiExtProc.Scanning.Recognition.BuiltInId;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// Addresses broken into lines after their label: in an HTML mail (<c>&lt;b&gt;Shipping address:&lt;/b&gt;&lt;br&gt;Ravi
/// Kumar&lt;br&gt;12 MG Road, Koramangala&lt;br&gt;Bengaluru - 560034</c>, as order confirmations and invoices write them)
/// and in plain text after a label alone on its line (<c>Ship to:\nRavi Kumar\n12 MG Road...</c>).
/// </summary>
internal sealed partial class Detector
{
    /// <summary>Most text nodes read as the lines of one address.</summary>
    private const int MaxAddressLines = 6;

    /// <summary>Longest text line read as a line of an address after a label alone on its line, bytes (a longer one is prose).</summary>
    private const int MaxAddressLineBytes = 100;

    /// <summary>
    /// Reads the text nodes from [<paramref name="start"/>, <paramref name="end"/>) on that only <c>&lt;br&gt;</c> tags
    /// and whitespace separate (at most <see cref="MaxAddressLines"/>) as the lines of one address under an address or
    /// party label (<paramref name="role"/>; <see cref="AddAddressLines"/>). Returns the index after the last line read,
    /// or <paramref name="end"/> when nothing was added.
    /// </summary>
    private int AddLineBrokenAddress(ReadOnlySpan<byte> text, int start, int end, ValueRole role, List<RawMatch> output, int first)
    {
        Span<(int Start, int End)> lines = stackalloc (int, int)[MaxAddressLines];
        lines[0] = (start, end);
        int count = 1;
        int i = end;
        while (count < MaxAddressLines && OnlyLineBreaksUntilText(text, i, out int nextStart))
        {
            int j = i;
            if (!NextTextNode(text, ref j, out int lineStart, out int lineEnd) || lineStart != nextStart)
            {
                break;
            }

            lines[count++] = (lineStart, lineEnd);
            i = j;
        }

        return AddAddressLines(text, lines[..count], role, output, first) ? lines[count - 1].End : end;
    }

    /// <summary>
    /// Reads the lines that follow a text label alone on its line (<c>Shipping address:</c>, <c>Ship to:</c>), from
    /// <paramref name="start"/> (the next line's start) as the lines of one address under the label's
    /// <paramref name="role"/> (<see cref="AddAddressLines"/>), as plain-text order mails, SMS and notes write an
    /// address. The lines end where a text body's address block ends (<see cref="IsAddressBlockLine"/>: at a blank line,
    /// a <c>Key: value</c> line such as <c>Phone: 98765 43210</c>, a line longer than <see cref="MaxAddressLineBytes"/>,
    /// or after the PIN code's line at anything but a state's or a country's: <c>Thanks for shopping with us</c>), at the
    /// text's end or after <see cref="MaxAddressLines"/>. Returns the index after the last line read, or -1 when nothing
    /// was added.
    /// </summary>
    private int AddAddressLinesAfterLabel(ReadOnlySpan<byte> text, int start, ValueRole role, List<RawMatch> output, int first)
    {
        Span<(int Start, int End)> lines = stackalloc (int, int)[MaxAddressLines];
        int count = 0;
        int i = start;
        bool pinCodeRead = false;
        while (count < MaxAddressLines && i < text.Length)
        {
            int lineFeed = text[i..].IndexOf((byte)'\n');
            int next = lineFeed < 0 ? text.Length : i + lineFeed + 1;
            ReadOnlySpan<byte> line = text[i..(lineFeed < 0 ? text.Length : i + lineFeed)].TrimEnd((byte)'\r');
            if (!IsAddressBlockLine(line, pinCodeRead))
            {
                break;
            }

            int indent = line.IndexOfAnyExcept((byte)' ', (byte)'\t');
            int end = line.TrimEnd(" \t"u8).Length;
            pinCodeRead |= HasPinCode(line[indent..end]);
            lines[count++] = (i + indent, i + end);
            i = next;
        }

        return AddAddressLines(text, lines[..count], role, output, first) ? lines[count - 1].End : -1;
    }

    /// <summary>
    /// Adds the <paramref name="lines"/> of one address under an address or party label (<paramref name="role"/>) when
    /// there are two or more and together they have an address's shape (<see cref="NameShape.LooksLikeAddress"/> with the
    /// line breaks as commas) and a PIN code or a house number (<see cref="HasPinCodeOrHouseNumber"/> of some line). A
    /// first line with a party name's shape is the addressee's name: under a party label
    /// (<c>Ship to:&lt;br&gt;Ravi Kumar&lt;br&gt;12 MG Road...</c>), and under an address label when it has no place word
    /// (<see cref="NameShape.HasPlaceWord"/>) and the lines after it are an address on their own (<c>Shipping
    /// address:&lt;br&gt;Ravi Kumar&lt;br&gt;12 MG Road, Koramangala&lt;br&gt;Bengaluru - 560034</c>). Every other line is a
    /// POSTAL_ADDRESS match (recognizer <c>address.text_key</c>), one per line so the tags or line breaks between stay.
    /// False when nothing was added.
    /// </summary>
    private bool AddAddressLines(ReadOnlySpan<byte> text, ReadOnlySpan<(int Start, int End)> lines, ValueRole role, List<RawMatch> output, int first)
    {
        if (lines.Length < 2 || !LinesLookLikeAddress(text, lines))
        {
            return false;
        }

        int firstAddressLine = 0;
        (int nameStart, int nameEnd) = lines[0];
        if ((role == ValueRole.PartyName || (!NameShape.HasPlaceWord(text[nameStart..nameEnd]) && LinesLookLikeAddress(text, lines[1..])))
            && WholeValue(text, nameStart, nameEnd, ValueRole.PartyName, fromText: true, out RawMatch name))
        {
            Add(output, first, name);
            firstAddressLine = 1;
        }

        if (!Passes(PiiEntity.PostalAddress, Of(PiiEntity.PostalAddress), Scores.KeyNamed))
        {
            return true;
        }

        foreach ((int lineStart, int lineEnd) in lines[firstAddressLine..])
        {
            Add(output, first, new RawMatch(PiiEntity.PostalAddress, lineStart, lineEnd - lineStart, Scores.KeyNamed, "address.text_key", Evidence.Key));
        }

        return true;
    }

    /// <summary>
    /// True when the bytes from <paramref name="i"/> are whitespace and one or more <c>&lt;br&gt;</c> tags
    /// (<c>&lt;br/&gt;</c>, <c>&lt;BR /&gt;</c>) up to a text byte at <paramref name="textStart"/>.
    /// </summary>
    private static bool OnlyLineBreaksUntilText(ReadOnlySpan<byte> text, int i, out int textStart)
    {
        textStart = -1;
        bool lineBreak = false;
        while (i < text.Length)
        {
            byte b = text[i];
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                i++;
            }
            else if (b == '<' && Ascii.StartsWithIgnoreCase(text[(i + 1)..], "br"u8)
                && i + 3 < text.Length && text[i + 3] is (byte)'>' or (byte)'/' or (byte)' ')
            {
                int close = text[i..].IndexOf((byte)'>');
                if (close < 0)
                {
                    return false;
                }

                i += close + 1;
                lineBreak = true;
            }
            else
            {
                textStart = i;
                return lineBreak && b != '<';
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="lines"/> joined by commas have an address's shape (<see cref="NameShape.LooksLikeAddress"/>:
    /// 10 bytes or more, and two commas or one and a PIN code) and some line has a PIN code or starts with a house number.
    /// </summary>
    private static bool LinesLookLikeAddress(ReadOnlySpan<byte> text, ReadOnlySpan<(int Start, int End)> lines)
    {
        int length = lines.Length - 1;
        int commas = lines.Length - 1;
        bool pinCode = false;
        bool houseNumber = false;
        foreach ((int start, int end) in lines)
        {
            ReadOnlySpan<byte> line = text[start..end];
            length += line.Length;
            commas += line.Count((byte)',');
            pinCode |= HasPinCode(line);
            houseNumber |= StartsWithHouseNumber(line);
        }

        return (pinCode || houseNumber) && length >= 10 && (commas >= 2 || pinCode);
    }
}
