namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// The markup label pass of a <see cref="Detector"/>: HTML order confirmations, invoices and admin pages lay a customer's
/// data out as a label and a value in neighbouring elements (<c>&lt;td&gt;Name&lt;/td&gt;&lt;td&gt;Ravi Kumar&lt;/td&gt;</c>,
/// <c>&lt;b&gt;Name:&lt;/b&gt; Ravi Kumar&lt;br&gt;</c>, <c>&lt;dt&gt;Shipping address&lt;/dt&gt;&lt;dd&gt;...&lt;/dd&gt;</c>),
/// where no element name or <c>key: value</c> pair names the value.
/// </summary>
internal sealed partial class Detector
{
    /// <summary>Most bytes of tags and whitespace between a label's text and its value's text.</summary>
    public const int MaxMarkupLabelGapBytes = 128;

    /// <summary>Longest label text, bytes (the text pair key phrase limit).</summary>
    private const int MaxMarkupLabelBytes = 40;

    /// <summary>
    /// Names and addresses in label/value markup: a text node (the bytes between a tag's <c>&gt;</c> and the next
    /// <c>&lt;</c>, without surrounding whitespace and <c>&amp;nbsp;</c>) that is only a key phrase naming a text pair
    /// role (<see cref="MarkupLabelRole"/>: <c>Name</c>, <c>Customer Name:</c>, <c>Delivery address</c>), followed by the
    /// next text node with at most <see cref="MaxMarkupLabelGapBytes"/> bytes of tags and whitespace between: that node
    /// is read under the role (the shape of a text key-value pair's value). A node inside an element whose attributes
    /// label it (<c>&lt;span class="customer-name"&gt;</c>; <see cref="TagLabelRole"/>) is read the same way. Runs on text
    /// records and embedded documents that hold a <c>&lt;</c>.
    /// </summary>
    private void ScanMarkupLabels(ReadOnlySpan<byte> text, List<RawMatch> output, int first)
    {
        ValueRole pending = ValueRole.None;
        int pendingEnd = 0;
        int previousEnd = 0;
        int i = 0;

        // One walk over the text's attributes first: most texts have no attribute that labels a value, and then no
        // node's tags need to be walked; a node before the first such attribute is in no labelled element either.
        int firstLabel = -1;
        bool labelledTags = text.IndexOf((byte)'=') >= 0 && AttributeLabelRole(text, out firstLabel) != ValueRole.None;
        while (NextTextNode(text, ref i, out int start, out int end))
        {
            // A label's text names the node after it; else the attributes of the element the node is in may
            // (<span class="customer-name">Ravi Kumar</span>: Detector.MarkupAttributeLabels.cs).
            ValueRole role = pending != ValueRole.None && start - pendingEnd <= MaxMarkupLabelGapBytes
                ? pending
                : labelledTags && start > firstLabel ? TagLabelRole(text, previousEnd, start, out _) : ValueRole.None;
            previousEnd = end;
            if (role != ValueRole.None && IsMarkupValue(text, start, end))
            {
                // "Shipping address:<br>Ravi Kumar<br>12 MG Road, Koramangala<br>Bengaluru - 560034": lines of one address.
                int linesEnd = role is ValueRole.PostalAddress or ValueRole.PlaceAddress or ValueRole.PartyName
                    ? AddLineBrokenAddress(text, start, end, role, output, first)
                    : end;
                if (linesEnd > end)
                {
                    i = Math.Max(i, linesEnd);
                    previousEnd = linesEnd;
                }
                else
                {
                    AddRoleValue(text, start, end, role, output, first);
                }

                pending = ValueRole.None;
                continue;
            }

            pending = MarkupLabelRole(text[start..end], _keywords);
            pendingEnd = end;
        }
    }

    /// <summary>
    /// Reads labels and values across the lines of a markup body, where a pretty-printed document puts them
    /// (<c>&lt;td&gt;Name&lt;/td&gt;</c> on one line, <c>&lt;td&gt;Ravi Kumar&lt;/td&gt;</c> on the next, or the label and
    /// value text each on a line of its own). Call for every line in order, after <see cref="Scan"/> of the line:
    /// when <paramref name="carry"/> holds a label from the lines before and the line's first text node comes within
    /// <see cref="MaxMarkupLabelGapBytes"/> bytes of tags and whitespace after it, the node is read under the label's role
    /// and its match added in order to <paramref name="output"/> (this line's matches); then <paramref name="carry"/>
    /// takes the line's last text node when it is a label with only tags and whitespace after it, or else a start tag
    /// after that node whose attributes label its content (<c>&lt;div class="customer-name"&gt;</c>, the name on the next
    /// line; an end tag before the next text drops it).
    /// </summary>
    /// <param name="line">One line of a markup body, UTF-8, with its line end.</param>
    /// <param name="carry">The label carried between lines; starts empty for each body.</param>
    /// <param name="output">This line's matches from <see cref="Scan"/>, in order.</param>
    public void ContinueMarkupLabel(ReadOnlySpan<byte> line, ref MarkupLabelCarry carry, List<RawMatch> output)
    {
        // An element whose attributes label it is closed by an end tag before its text (<div class="customer-name"></div>).
        int i = 0;
        bool hasText = NextTextNode(line, ref i, out int start, out int end);
        if (carry.FromTag && line[..start].IndexOf("</"u8) >= 0)
        {
            carry = default;
        }

        if (!hasText)
        {
            carry = carry.Role == ValueRole.None || carry.GapBytes + line.Length > MaxMarkupLabelGapBytes
                ? default
                : carry with { GapBytes = carry.GapBytes + line.Length };
            if (carry.Role == ValueRole.None)
            {
                carry = TaggedCarry(line, 0);
            }

            return;
        }

        if (carry.Role != ValueRole.None && carry.GapBytes + start <= MaxMarkupLabelGapBytes && IsMarkupValue(line, start, end))
        {
            AddRoleValue(line, start, end, carry.Role, output, 0);
        }

        int lastStart = start;
        int lastEnd = end;
        while (NextTextNode(line, ref i, out start, out end))
        {
            lastStart = start;
            lastEnd = end;
        }

        ValueRole role = line.Length - lastEnd <= MaxMarkupLabelGapBytes ? MarkupLabelRole(line[lastStart..lastEnd], _keywords) : ValueRole.None;
        carry = role != ValueRole.None ? new MarkupLabelCarry(role, line.Length - lastEnd) : TaggedCarry(line, lastEnd);
    }

    /// <summary>
    /// The carry for a line whose tags after <paramref name="from"/> open an element that its attributes label, with no
    /// text after it on the line (<c>&lt;div class="customer-name"&gt;</c>, its text on the next line); else empty.
    /// </summary>
    private MarkupLabelCarry TaggedCarry(ReadOnlySpan<byte> line, int from)
    {
        ValueRole role = TagLabelRole(line, from, line.Length, out int labelEnd);
        return role != ValueRole.None && line.Length - labelEnd <= MaxMarkupLabelGapBytes
            ? new MarkupLabelCarry(role, line.Length - labelEnd, FromTag: true)
            : default;
    }

    /// <summary>
    /// False when the text node [<paramref name="start"/>, <paramref name="end"/>) after a label is no value: it ends in
    /// <c>:</c> or <c>:-</c> or is itself a label (<c>Name</c> then <c>Shipping Address</c>), or it is a <c>th</c> header cell (a table's
    /// header row: <c>&lt;th&gt;Customer Name&lt;/th&gt;&lt;th&gt;Order Status&lt;/th&gt;</c>).
    /// </summary>
    private bool IsMarkupValue(ReadOnlySpan<byte> text, int start, int end)
    {
        ReadOnlySpan<byte> node = text[start..end];
        if (LabelColonLength(node) > 0 || MarkupLabelRole(node, _keywords) != ValueRole.None)
        {
            return false;
        }

        int tagStart = text[..start].LastIndexOf((byte)'<');
        return tagStart < 0 || !(Ascii.StartsWithIgnoreCase(text[(tagStart + 1)..], "th"u8)
            && tagStart + 3 < text.Length && !Ascii.IsLetterOrDigit(text[tagStart + 3]));
    }

    /// <summary>
    /// The role a label text names: one to three words of ASCII letters, <c>_</c> and <c>-</c> joined by single spaces,
    /// at most <see cref="MaxMarkupLabelBytes"/> bytes, optionally ending in <c>:</c> or <c>:-</c> (<c>Name:-</c>), that
    /// classifies like a JSON key as a text pair role (person name, first/last name, postal address, street or city);
    /// or more words ending with a party phrase and a colon (<c>Your order will be delivered to:</c>), a party; else
    /// <see cref="ValueRole.None"/>.
    /// </summary>
    internal static ValueRole MarkupLabelRole(ReadOnlySpan<byte> label, KeywordTable keywords)
    {
        int colon = LabelColonLength(label);
        if (colon > 0)
        {
            label = label[..^colon].TrimEnd((byte)' ');
        }

        if (label.IsEmpty || label.Length > MaxMarkupLabelBytes || !MayNameAnyRole(label))
        {
            return ValueRole.None;
        }

        int spaces = 0;
        for (int j = 0; j < label.Length; j++)
        {
            byte b = label[j];
            if (b == ' ')
            {
                if (j == 0 || label[j - 1] == ' ')
                {
                    return ValueRole.None;
                }

                spaces++;
            }
            else if (!(Ascii.IsLetter(b) || b is (byte)'_' or (byte)'-'))
            {
                return ValueRole.None;
            }
        }

        if (spaces > 2)
        {
            // Prose that ends with a party phrase and a colon: "Your order will be delivered to:".
            return colon > 0 && keywords.ClassifyKey(label[LastTwoWordsStart(label)..]).Role == ValueRole.PartyName ? ValueRole.PartyName : ValueRole.None;
        }

        ValueRole role = keywords.ClassifyKey(label).Role;
        return IsTextPairRole(role) ? role : ValueRole.None;
    }

    /// <summary>The bytes of the <c>:</c> or <c>:-</c> (<c>Name:-</c>) that end <paramref name="text"/> as a label's
    /// text, else 0.</summary>
    private static int LabelColonLength(ReadOnlySpan<byte> text) =>
        text.EndsWith(":-"u8) ? 2 : text.EndsWith(":"u8) ? 1 : 0;

    /// <summary>
    /// The next text node at or after <paramref name="i"/>: bytes after a <c>&gt;</c> (or the line start when no tag
    /// came before) up to the next <c>&lt;</c> or the end, without surrounding whitespace and <c>&amp;nbsp;</c>;
    /// nodes that are empty after that are skipped. Advances <paramref name="i"/> past the node. False when none is left.
    /// </summary>
    private static bool NextTextNode(ReadOnlySpan<byte> text, ref int i, out int start, out int end)
    {
        while (i < text.Length)
        {
            int nodeStart = i;
            if (i > 0 || text[0] == '<')
            {
                int tagEnd = text[i..].IndexOf((byte)'>');
                if (tagEnd < 0)
                {
                    break;
                }

                nodeStart = i + tagEnd + 1;
            }

            int next = text[nodeStart..].IndexOf((byte)'<');
            int nodeEnd = next < 0 ? text.Length : nodeStart + next;
            i = nodeEnd;
            start = nodeStart;
            end = nodeEnd;
            TrimNode(text, ref start, ref end);
            if (start < end)
            {
                return true;
            }

            if (next < 0)
            {
                break;
            }
        }

        start = end = text.Length;
        i = text.Length;
        return false;
    }

    /// <summary>
    /// Scans the table cell text <paramref name="line"/>[<paramref name="start"/>..<paramref name="end"/>) under its
    /// column's key class <paramref name="column"/> (as a CSV field under its header) and adds its matches, at their
    /// positions in the line, to <paramref name="lineMatches"/> (the line's matches, in order; a match with key evidence
    /// replaces the overlapping pattern match of the line scan). <paramref name="scratch"/> is cleared and used.
    /// </summary>
    public void ScanMarkupCell(ReadOnlySpan<byte> line, int start, int end, KeyClass column, List<RawMatch> lineMatches, List<RawMatch> scratch)
    {
        scratch.Clear();
        Scan(line[start..end], column, default, scratch);
        foreach (RawMatch match in scratch)
        {
            RawMatch shifted = match;
            shifted.Start += start;
            Add(lineMatches, 0, shifted);
        }
    }

    /// <summary>Narrows [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="text"/> to a text node's
    /// content: without surrounding whitespace and <c>&amp;nbsp;</c>.</summary>
    internal static void TrimNode(ReadOnlySpan<byte> text, ref int start, ref int end)
    {
        while (true)
        {
            if (start < end && text[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                start++;
            }
            else if (text[start..end].StartsWith("&nbsp;"u8))
            {
                start += 6;
            }
            else
            {
                break;
            }
        }

        while (true)
        {
            if (end > start && text[end - 1] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                end--;
            }
            else if (text[start..end].EndsWith("&nbsp;"u8))
            {
                end -= 6;
            }
            else
            {
                break;
            }
        }
    }
}
