namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// The text pair passes of a <see cref="Detector"/>: names and addresses in <c>key: value</c> / <c>key=value</c> pairs
/// and in XML elements of text records, embedded documents and free-text values.
/// </summary>
internal sealed partial class Detector
{
    /// <summary>
    /// Names and addresses in text key-value pairs: a key phrase of one to three words (ASCII letters, <c>_</c>,
    /// <c>-</c>, joined by single spaces, at most 40 bytes, at the line start or after a space, tab, <c>, ; &amp; ? | ( [ {</c>,
    /// a quote or a tag's <c>&gt;</c>) that classifies like a
    /// JSON key as a person name, first/last name, postal address or flat street or city field (<c>name</c>,
    /// <c>Customer Name</c>, <c>first_name</c>, <c>shipping address</c>, <c>street</c>, <c>city</c>; not <c>file name</c>,
    /// <c>email address</c>), optionally closed by a
    /// quote (<c>"name":</c>, JSON written into a log line), then optional spaces, <c>:</c> or <c>=</c> (not
    /// <c>://</c>), optional spaces, and the value. A value in double or single quotes that close on the same line is
    /// the text between them (<c>customer_name="Ravi Kumar"</c>). Otherwise the value ends at a line end, tab,
    /// <c>&amp;</c>, <c>;</c>, <c>|</c>, <c>&lt;</c> (a tag: <c>&lt;p&gt;Name: Ravi Kumar&lt;/p&gt;</c>), before the next <c>word:</c> / <c>word=</c> pair, and for names also at
    /// <c>,</c> (except the comma of a surname-first name: <c>Name: Kumar, Ravi</c>); trailing spaces and commas are dropped. It must have the same shape as under a JSON key (2-5 name
    /// words without digits, 1-3 for a first or last name; an address of 10+ bytes with a comma and a 6-digit PIN or
    /// two commas). A value that is a printed object (<c>address=Address{line1='12 MG Road', city='Pune'}</c>) is read by
    /// its members (<see cref="AddInlineObject"/>). A name value that runs on without a comma (<c>Name: Ravi Kumar placed order OD1</c>,
    /// <c>Name: Anita Desai anita@example.com</c>) is its first 2-4 capitalized words when a word that is not capitalized
    /// follows them (<see cref="LeadingCapitalizedNameEnd"/>). URL-encoded values (<c>+</c>, <c>%20</c>) are not decoded
    /// and so not detected.
    /// </summary>
    private void ScanKeyValuePairs(ReadOnlySpan<byte> text, List<RawMatch> output, int first)
    {
        int i = 0;
        int separator;
        while ((separator = NextTextPair(text, i, _keywords, out ValueRole role)) >= 0)
        {
            int valueStart = ValueStart(text, separator);
            int objectEnd = AddInlineObject(text, valueStart, role, output, first);
            i = objectEnd >= 0 ? objectEnd : Math.Max(separator + 1, AddTextPairValue(text, valueStart, role, output, first));
        }
    }

    /// <summary>
    /// The value of a text pair of role <paramref name="role"/> starting at <paramref name="valueStart"/> (see
    /// <see cref="ScanKeyValuePairs"/>: quoted, a party block, or up to its end), added when it has the role's shape;
    /// returns the index where the value (or the party block) ends.
    /// </summary>
    private int AddTextPairValue(ReadOnlySpan<byte> text, int valueStart, ValueRole role, List<RawMatch> output, int first)
    {
        int valueEnd = QuotedValueEnd(text, ref valueStart);
        bool quoted = valueEnd >= 0;
        if (!quoted && role is ValueRole.PostalAddress or ValueRole.PlaceAddress or ValueRole.PartyName
            && NextLineIfBlank(text, valueStart) is int nextLine and > 0
            && AddAddressLinesAfterLabel(text, nextLine, role, output, first) is int linesEnd and > 0)
        {
            // "Shipping address:" alone on its line: the address (and the addressee's name) is the lines after it.
            return linesEnd;
        }

        if (role == ValueRole.PartyName
            && AddPartyValue(text, valueStart, quoted ? valueEnd : KeyValueEnd(text, valueStart, stopAtComma: false), fromText: true, output, first) is int blockEnd and > 0)
        {
            // "Deliver to: Ravi Kumar, 12 MG Road, Pune 411001": a name and an address, or an address alone.
            return blockEnd;
        }

        if (!quoted)
        {
            bool address = role is ValueRole.PostalAddress or ValueRole.PlaceAddress or ValueRole.StreetPart or ValueRole.CityPart;
            valueEnd = KeyValueEnd(text, valueStart, stopAtComma: !address);
            if (!address)
            {
                valueEnd = SurnameFirstEnd(text, valueStart, valueEnd);
            }
        }

        if (!AddWholeValue(text, valueStart, valueEnd, role, fromText: true, output, first)
            && !quoted && role is ValueRole.PersonName or ValueRole.PartyName
            && LeadingCapitalizedNameEnd(text, valueStart, valueEnd) is int nameEnd and > 0)
        {
            AddWholeValue(text, valueStart, nameEnd, role, fromText: true, output, first);
        }

        return valueEnd;
    }

    /// <summary>
    /// The <c>:</c> or <c>=</c> at or after <paramref name="from"/> that ends a key phrase naming a text pair role (see
    /// <see cref="ScanKeyValuePairs"/>), with that role in <paramref name="role"/>; -1 when there is none. Whether the
    /// value after it has the role's shape is not checked.
    /// </summary>
    /// <param name="text">UTF-8 text.</param>
    /// <param name="from">Index to search from.</param>
    /// <param name="keywords">The scanner's keywords (key classification).</param>
    /// <param name="role">The key phrase's role when found, else <see cref="ValueRole.None"/>.</param>
    internal static int NextTextPair(ReadOnlySpan<byte> text, int from, KeywordTable keywords, out ValueRole role)
    {
        role = ValueRole.None;
        int i = from;
        while (i < text.Length)
        {
            int k = text[i..].IndexOfAny((byte)':', (byte)'=');
            if (k < 0)
            {
                return -1;
            }

            int separator = i + k;
            role = TextPairRoleAt(text, separator, keywords);
            if (role != ValueRole.None)
            {
                return separator;
            }

            i = separator + 1;
        }

        return -1;
    }

    /// <summary>
    /// The text pair role (see <see cref="ScanKeyValuePairs"/>) of the key phrase that the <c>:</c> or <c>=</c> at
    /// <paramref name="separator"/> ends, or <see cref="ValueRole.None"/>. Also used by
    /// <see cref="Sessions.CleanValueRules"/>: a value holding such a pair is never clean.
    /// </summary>
    /// <param name="text">UTF-8 text.</param>
    /// <param name="separator">Index of a <c>:</c> or <c>=</c> in <paramref name="text"/>.</param>
    /// <param name="keywords">The scanner's keywords (key classification).</param>
    internal static ValueRole TextPairRoleAt(ReadOnlySpan<byte> text, int separator, KeywordTable keywords)
    {
        if (text[separator] == ':' && text[(separator + 1)..].StartsWith("//"u8))
        {
            return ValueRole.None;
        }

        int keyEnd = separator;
        while (keyEnd > 0 && text[keyEnd - 1] == ' ')
        {
            keyEnd--;
        }

        if (keyEnd > 0 && text[keyEnd - 1] is (byte)'"' or (byte)'\'' or (byte)']')
        {
            // A quoted key ("name": ..., as JSON written into a log line), or a bracketed one (PHP's print_r: [name] => ...).
            keyEnd--;
        }

        // A key's trailing digits (address1, address_line2) are part of it; the checks read the words before them (a
        // number's digits leave no key word before them: 10:05).
        int wordsEnd = KeyDigitsStart(text, 0, keyEnd);

        // The phrase's suffix check first, on the bytes before the separator (it needs no phrase start): most pairs
        // (status=200, ts: 10:05) end otherwise and are not walked back. A party key (Customer:, passenger=) is looked
        // for only before a value that can start a name, or after a colon before an address or the line's end (Ship to:
        // alone on its line, the address on the lines after): its word lookup would otherwise run at most pairs of a log
        // line (status=200).
        bool party = false;
        if (!MayNameRole(text[..wordsEnd]))
        {
            if (wordsEnd < keyEnd || keyEnd == 0 || !Ascii.IsLetter(text[keyEnd - 1]))
            {
                // A party word ends a party key (a time's 10:05 has none).
                return ValueRole.None;
            }

            int valueStart = ValueStart(text, separator);
            party = (ValueMayBeFullName(text, valueStart) || (text[separator] == ':' && ValueMayStartAddressOrLines(text, valueStart))
                    || InlineObjectOpen(text, valueStart) >= 0)
                && MayNamePartyRole(text[..wordsEnd]);
            if (!party)
            {
                return ValueRole.None;
            }
        }

        int keyStart = KeyPhraseStart(text, wordsEnd);
        if (keyStart < 0 || (!party && !MayNameRole(text[keyStart..wordsEnd])))
        {
            return ValueRole.None;
        }

        ValueRole role = keywords.ClassifyKey(text[keyStart..keyEnd]).Role;
        if (IsTextPairRole(role))
        {
            return role;
        }

        // Prose before a capitalized key (order for Name:, shipped to Name:) is not part of it.
        int titleStart = CapitalizedKeyStart(text, keyStart, keyEnd);
        if (titleStart >= 0)
        {
            role = keywords.ClassifyKey(text[titleStart..keyEnd]).Role;
            if (IsTextPairRole(role))
            {
                return role;
            }
        }

        // A log line's words before a party key (INFO checkout customer="Ravi Kumar") are not part of it either: the
        // party word alone, only for a party key (a last word such as name would make "file name" a person's name);
        // and on a line with another key=value pair, before or after this one, the words before a key= are the end of
        // the earlier pair's value (name=Ravi Kumar address1=12 MG Road) or the line's message (INFO notify name=Ravi
        // Kumar email=...): logfmt keys are one word.
        int lastWordStart = text[keyStart..keyEnd].LastIndexOf((byte)' ') + 1;
        bool afterPair = lastWordStart > 0 && !party && text[separator] == '=' && HasOtherPairOnItsLine(text, keyStart, separator)
            && !NamesAThing(text[keyStart..(keyStart + lastWordStart)]);
        if (party || afterPair)
        {
            role = lastWordStart > 0 ? keywords.ClassifyKey(text[(keyStart + lastWordStart)..keyEnd]).Role : ValueRole.None;
            if (role == ValueRole.PartyName || (afterPair && IsTextPairRole(role)))
            {
                return role;
            }
        }

        // Prose that ends with a party phrase (Your order will be delivered to: ...): its last two words.
        int lastTwoStart = LastTwoWordsStart(text[keyStart..keyEnd]);
        if (party && lastTwoStart > 0)
        {
            role = keywords.ClassifyKey(text[(keyStart + lastTwoStart)..keyEnd]).Role;
            if (role == ValueRole.PartyName)
            {
                return role;
            }
        }

        return ValueRole.None;
    }

    /// <summary>
    /// Names and addresses in XML and HTML elements that hold only text: <c>&lt;name&gt;Ravi Kumar&lt;/name&gt;</c>,
    /// <c>&lt;cust:shippingAddress&gt;...&lt;/cust:shippingAddress&gt;</c> (a namespace prefix is ignored). The element
    /// name classifies like a JSON key (person name, first/last name, postal address) and the text, up to its own end
    /// tag on the same line, must have the same shape as in a text key-value pair. Inside an element that names an
    /// address or a name and holds elements (<c>&lt;address&gt;&lt;line1&gt;12 MG Road&lt;/line1&gt;&lt;city&gt;Pune&lt;/city&gt;&lt;/address&gt;</c>),
    /// a member takes its part role as in a JSON object (<see cref="ReadXmlElements"/>). Attributes are read by
    /// <see cref="ScanKeyValuePairs"/> (<c>FirstName="Ravi"</c>).
    /// </summary>
    private void ScanXmlElements(ReadOnlySpan<byte> text, List<RawMatch> output, int first)
    {
        if (text.IndexOf("</"u8) >= 0)
        {
            MarkupContainerCarry container = default;
            ReadXmlElements(text, ref container, output, first, ownRoles: true);
        }
    }

    /// <summary>
    /// Reads the elements of <paramref name="text"/> in order. An element that holds only text up to its own end tag
    /// on the same line is read as a whole value: under its part role when it takes one in the open
    /// <paramref name="container"/> (<see cref="KeyClass.TakesPartRoleIn"/>: street, city, first and last name), else,
    /// when <paramref name="ownRoles"/>, under the role its name gives. A start tag with no text after it (its content
    /// is elements) that names an address or a name opens <paramref name="container"/>; its end tag closes it. One
    /// container at a time: the innermost opened.
    /// </summary>
    private void ReadXmlElements(ReadOnlySpan<byte> text, ref MarkupContainerCarry container, List<RawMatch> output, int first, bool ownRoles)
    {
        int i = 0;
        while (NextTag(text, ref i, out int nameStart, out int nameEnd, out bool endTag))
        {
            ReadOnlySpan<byte> name = text[nameStart..nameEnd];
            if (endTag)
            {
                if (container.Closes(name))
                {
                    container = default;
                }

                continue;
            }

            int colon = name.LastIndexOf((byte)':');
            ReadOnlySpan<byte> localName = colon >= 0 ? name[(colon + 1)..] : name;
            int valueStart = i;
            int valueLength = text[valueStart..].IndexOfAny((byte)'<', (byte)'\n');
            int valueEnd = valueLength < 0 ? text.Length : valueStart + valueLength;
            ReadOnlySpan<byte> after = text[valueEnd..];
            if (after.Length >= name.Length + 3 && after.StartsWith("</"u8) && after[2..].StartsWith(name) && after[2 + name.Length] == '>')
            {
                // An element of text: the prefilter spares the classification of names that give no role.
                if (container.Role != ValueRole.None || (ownRoles && MayNameAnyRole(localName)))
                {
                    KeyClass member = _keywords.ClassifyKey(localName);
                    ValueRole role = container.Role != ValueRole.None && member.Role == ValueRole.None && member.TakesPartRoleIn(container.Role)
                        ? member.MemberPartRole
                        : ownRoles ? member.Role : ValueRole.None;
                    if (IsTextPairRole(role))
                    {
                        AddRoleValue(text, valueStart, valueEnd, role, output, first);
                    }
                }

                i = valueEnd;
            }
            else if (text[valueStart..valueEnd].IndexOfAnyExcept(" \t\r"u8) < 0
                && _keywords.ClassifyKey(localName).Role is var opened
                && opened is ValueRole.PostalAddress or ValueRole.AddressHolder or ValueRole.PersonName or ValueRole.PartyName)
            {
                container = MarkupContainerCarry.Open(opened, name);
            }
        }
    }

    /// <summary>
    /// The next start or end tag in <paramref name="text"/> from <paramref name="i"/> (moved past its <c>&gt;</c>): the
    /// name's range and whether it is an end tag. Tags with attributes, comments and declarations are passed over.
    /// </summary>
    private static bool NextTag(ReadOnlySpan<byte> text, ref int i, out int nameStart, out int nameEnd, out bool endTag)
    {
        static bool IsNameByte(byte b) => Ascii.IsLetterOrDigit(b) || b is (byte)'_' or (byte)'-' or (byte)'.' or (byte)':';
        while (i < text.Length)
        {
            int k = text[i..].IndexOf((byte)'>');
            if (k < 0)
            {
                break;
            }

            int close = i + k;
            i = close + 1;
            int start = close;
            while (start > 0 && IsNameByte(text[start - 1]))
            {
                start--;
            }

            if (start == close || start == 0 || !Ascii.IsLetter(text[start]))
            {
                continue;
            }

            if (text[start - 1] == '<')
            {
                (nameStart, nameEnd, endTag) = (start, close, false);
                return true;
            }

            if (start >= 2 && text[start - 1] == '/' && text[start - 2] == '<')
            {
                (nameStart, nameEnd, endTag) = (start, close, true);
                return true;
            }
        }

        (nameStart, nameEnd, endTag) = (0, 0, false);
        return false;
    }

    /// <summary>
    /// True when <paramref name="line"/> is a <c>Key: value</c> line of a form summary, a support ticket or a message's
    /// header block (<c>Name: Ravi Kumar</c>, <c>Order ID: OD1234</c>, <c>- Email: ...</c>): after optional spaces, tabs
    /// and a <c>-</c> or <c>*</c> bullet, one to three words of ASCII letters, <c>_</c> and <c>-</c> (digits inside or at
    /// a word's end: <c>Address1</c>) joined by single spaces (at most 40 bytes, starting with a letter), optional
    /// spaces, and a <c>:</c> followed by a space, a tab or
    /// the line end. A single word in capitals (<c>INFO:</c>, <c>WARN:</c>: a log level) counts only when it classifies
    /// as a key that names an entity or a role (<c>PAN:</c>, <c>DOB:</c>). A dash pair (<c>Name - Ravi Kumar</c>,
    /// <see cref="DashPairValueStart"/>) counts only when its key names an entity or a role: <c>Order shipped - see
    /// details</c> is prose. An entry of a dumped PHP array or Ruby hash (<see cref="IsArrayEntryLine"/>) counts too.
    /// </summary>
    /// <param name="line">One text line, UTF-8, with or without its line end.</param>
    /// <param name="keywords">The scanner's keywords (key classification).</param>
    internal static bool IsKeyValueLine(ReadOnlySpan<byte> line, KeywordTable keywords)
    {
        int keyEnd = LineKeyEnd(line, out int keyStart, out int words);
        if (keyEnd < 0)
        {
            return IsArrayEntryLine(line);
        }

        int i = keyEnd;
        while (i < line.Length && line[i] == ' ')
        {
            i++;
        }

        if (i >= line.Length || line[i] != ':')
        {
            return DashPairValueStart(line, keyEnd) >= 0 && NamesEntityOrRole(keywords.ClassifyKey(line[keyStart..keyEnd]));
        }

        // The value starts after ": " or ":- " (Name:- Ravi Kumar).
        i = ValueStart(line, i);
        if (!(i == line.Length || line[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            return false;
        }

        ReadOnlySpan<byte> key = line[keyStart..keyEnd];
        return words != 1 || !IsCapitalsWord(key) || NamesEntityOrRole(keywords.ClassifyKey(key));
    }

    /// <summary>
    /// True when <paramref name="line"/> is an entry of an array dumped by PHP's <c>print_r</c> or <c>var_export</c>, or a
    /// Ruby hash pretty-printed one entry a line (<c>    [name] =&gt; Ravi Kumar</c>, <c>  'email' =&gt; 'ravi@...',</c>):
    /// after spaces and tabs, a key of ASCII letters, digits, <c>_</c> and <c>-</c> (at most 40 bytes) in brackets or
    /// quotes, optional spaces, <c>=&gt;</c>, and a space or the line end.
    /// </summary>
    private static bool IsArrayEntryLine(ReadOnlySpan<byte> line)
    {
        int i = line.IndexOfAnyExcept((byte)' ', (byte)'\t');
        if (i < 0 || i + 2 >= line.Length || line[i] is not ((byte)'[' or (byte)'\'' or (byte)'"'))
        {
            return false;
        }

        byte closer = line[i] == '[' ? (byte)']' : line[i];
        int keyStart = ++i;
        while (i < line.Length && i - keyStart <= 40 && (Ascii.IsLetterOrDigit(line[i]) || line[i] is (byte)'_' or (byte)'-'))
        {
            i++;
        }

        if (i >= line.Length || i - keyStart > 40 || line[i] != closer)
        {
            return false;
        }

        i++;
        while (i < line.Length && line[i] == ' ')
        {
            i++;
        }

        return line[i..].StartsWith("=>"u8) && (i + 2 == line.Length || line[i + 2] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n');
    }

    /// <summary>True when a key class names an entity or a role other than an address holder.</summary>
    private static bool NamesEntityOrRole(KeyClass keyClass) =>
        keyClass.Entities != 0 || keyClass.Role is not (ValueRole.None or ValueRole.AddressHolder);

    /// <summary>
    /// The end of the key phrase at a line's start (after optional spaces, tabs and a <c>-</c> or <c>*</c> bullet): one
    /// to three words of ASCII letters, <c>_</c> and <c>-</c> (digits inside or at a word's end) joined by single
    /// spaces, starting with a letter, at most 40 bytes; -1 when the line does not start so. <paramref name="keyStart"/> is its start and
    /// <paramref name="words"/> its word count.
    /// </summary>
    private static int LineKeyEnd(ReadOnlySpan<byte> line, out int keyStart, out int words)
    {
        int i = 0;
        while (i < line.Length && line[i] is (byte)' ' or (byte)'\t')
        {
            i++;
        }

        if (i + 1 < line.Length && line[i] is (byte)'-' or (byte)'*' && line[i + 1] == ' ')
        {
            i += 2;
        }

        keyStart = i;
        words = 1;
        if (i >= line.Length || !Ascii.IsLetter(line[i]))
        {
            return -1;
        }

        while (i < line.Length && i - keyStart <= 40)
        {
            byte b = line[i];
            if (Ascii.IsLetter(b) || b is (byte)'_' or (byte)'-' || (Ascii.IsDigit(b) && Ascii.IsLetterOrDigit(line[i - 1])))
            {
                // Digits only inside or at the end of a word (Address1, line2).
                i++;
            }
            else if (b == ' ' && i + 1 < line.Length && Ascii.IsLetter(line[i + 1]) && words < 3)
            {
                words++;
                i++;
            }
            else
            {
                break;
            }
        }

        return i - keyStart > 40 ? -1 : i;
    }

    /// <summary>
    /// For a line whose key phrase ends at <paramref name="keyEnd"/> (<see cref="LineKeyEnd"/>): where the value of a
    /// dash pair starts (<c>Name - Ravi Kumar</c>, <c>Address – 12 MG Road, Pune 411001</c>, as order messages and
    /// mails write a form), or -1. The key is followed by one or more spaces, a hyphen, an en dash or an em dash, and
    /// one or more spaces before the value, which is not empty.
    /// </summary>
    private static int DashPairValueStart(ReadOnlySpan<byte> line, int keyEnd)
    {
        int i = keyEnd;
        while (i < line.Length && line[i] == ' ')
        {
            i++;
        }

        if (i == keyEnd || i >= line.Length)
        {
            return -1;
        }

        if (line[i] == '-')
        {
            i++;
        }
        else if (line[i..].StartsWith("\u2013"u8) || line[i..].StartsWith("\u2014"u8))
        {
            i += 3;
        }
        else
        {
            return -1;
        }

        int valueStart = i;
        while (i < line.Length && line[i] == ' ')
        {
            i++;
        }

        return i == valueStart || i >= line.Length || line[i] is (byte)'\r' or (byte)'\n' or (byte)'\t' ? -1 : valueStart;
    }

    /// <summary>
    /// Names and addresses in dash pairs (<c>Name - Ravi Kumar</c>, <c>Address – 12 MG Road, Pune 411001</c>;
    /// <see cref="DashPairValueStart"/>) at the start of a text record, of each of its lines and of each text after a
    /// tag's <c>&gt;</c> (<c>&lt;br&gt;Name - Ravi Kumar&lt;br&gt;</c>, an HTML order mail): the key phrase must classify as a
    /// text pair role (see <see cref="ScanKeyValuePairs"/>) and the value has that role's shape, read as after a
    /// <c>:</c>. Only in text records (text and markup bodies, embedded documents): a plain JSON value holding such a
    /// pair is read without it, as the value prefilter and the clean proofs treat a value without a trigger byte as
    /// clean (an embedded document is never clean to them).
    /// </summary>
    private void ScanDashPairs(ReadOnlySpan<byte> text, List<RawMatch> output, int first)
    {
        // The dashes are searched first (one vectorized pass each): most texts have none, and a markup line has many
        // tags whose ends would otherwise each be looked at.
        ScanDashPairs(text, " -"u8, output, first);
        if (text.IndexOf((byte)0xE2) >= 0)
        {
            ScanDashPairs(text, " \u2013"u8, output, first);
            ScanDashPairs(text, " \u2014"u8, output, first);
        }
    }

    /// <summary>The dash pairs of <see cref="ScanDashPairs(ReadOnlySpan{byte}, List{RawMatch}, int)"/> whose separator
    /// starts with <paramref name="spaceAndDash"/> (a space and a hyphen, en dash or em dash).</summary>
    private void ScanDashPairs(ReadOnlySpan<byte> text, ReadOnlySpan<byte> spaceAndDash, List<RawMatch> output, int first)
    {
        const int KeyReach = 128;
        int from = 0;
        int found;
        while ((found = text[from..].IndexOf(spaceAndDash)) >= 0)
        {
            int dash = from + found + 1;
            from = dash;

            // The key phrase starts the text, a line or the text after a tag.
            int reach = Math.Max(0, dash - KeyReach);
            int boundary = text[reach..dash].LastIndexOfAny((byte)'\n', (byte)'>');
            int at = boundary >= 0 ? reach + boundary + 1 : reach == 0 ? 0 : -1;
            if (at < 0)
            {
                continue;
            }

            ReadOnlySpan<byte> line = text[at..];
            int keyEnd = LineKeyEnd(line, out int keyStart, out _);
            if (keyEnd < 0 || keyEnd > dash - at || line[keyEnd..(dash - at)].IndexOfAnyExcept((byte)' ') >= 0)
            {
                continue;
            }

            int valueStart = DashPairValueStart(line, keyEnd);
            if (valueStart < 0)
            {
                continue;
            }

            ValueRole role = _keywords.ClassifyKey(line[keyStart..keyEnd]).Role;
            if (IsTextPairRole(role))
            {
                from = Math.Max(from, AddTextPairValue(text, at + valueStart, role, output, first));
            }
        }
    }

    /// <summary>
    /// Where the value after the <c>:</c> or <c>=</c> at <paramref name="separator"/> starts: right after it, after the
    /// <c>-</c> of <c>:-</c> (<c>Name:- Ravi Kumar</c>, as Indian English writes a form in a message or a mail), or after
    /// the <c>&gt;</c> of <c>=&gt;</c> (a Ruby hash in a Rails log's <c>Parameters: {"name"=&gt;"Ravi Kumar"}</c>, PHP's
    /// <c>print_r</c> and <c>var_export</c>).
    /// </summary>
    private static int ValueStart(ReadOnlySpan<byte> text, int separator)
    {
        int next = separator + 1;
        if (next >= text.Length)
        {
            return next;
        }

        return (text[separator], text[next]) is ((byte)':', (byte)'-') or ((byte)'=', (byte)'>') ? next + 1 : next;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_thingQualifiers =
        new HashSet<string>(Recognition.Keywords.ThingQualifiers, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// True when the last word of <paramref name="wordsBefore"/> (the words of a key phrase before its last word, with
    /// the space after them) makes the key a thing's (<see cref="Recognition.Keywords.ThingQualifiers"/>: <c>file name=</c>).
    /// </summary>
    private static bool NamesAThing(ReadOnlySpan<byte> wordsBefore)
    {
        ReadOnlySpan<byte> words = wordsBefore.TrimEnd((byte)' ');
        return Ascii.IsListedLowercase(words[(words.LastIndexOf((byte)' ') + 1)..], s_thingQualifiers);
    }

    /// <summary>
    /// True when the <c>=</c> at <paramref name="separator"/>, whose key phrase starts at <paramref name="keyStart"/>, is
    /// one of a logfmt line's pairs: another <c>=</c> stands before the phrase or after the separator on its line
    /// (<c>name=Ravi Kumar address1=...</c>, <c>INFO notify name=Ravi Kumar email=...</c>).
    /// </summary>
    private static bool HasOtherPairOnItsLine(ReadOnlySpan<byte> text, int keyStart, int separator)
    {
        ReadOnlySpan<byte> before = text[..keyStart];
        if (before[(before.LastIndexOf((byte)'\n') + 1)..].Contains((byte)'='))
        {
            return true;
        }

        ReadOnlySpan<byte> after = text[(separator + 1)..];
        int lineEnd = after.IndexOf((byte)'\n');
        return (lineEnd >= 0 ? after[..lineEnd] : after).Contains((byte)'=');
    }

    /// <summary>Most digits that end a key (<c>address1</c>, <c>line12</c>).</summary>
    private const int MaxKeyDigits = 2;

    /// <summary>
    /// Where the digits that end <paramref name="text"/>[<paramref name="floor"/>..<paramref name="end"/>) start, at most
    /// <see cref="MaxKeyDigits"/> of them (a key's: <c>address1</c>), or <paramref name="end"/> when it ends otherwise.
    /// </summary>
    private static int KeyDigitsStart(ReadOnlySpan<byte> text, int floor, int end)
    {
        int i = end;
        while (i > floor && end - i < MaxKeyDigits && Ascii.IsDigit(text[i - 1]))
        {
            i--;
        }

        return i;
    }

    /// <summary>
    /// The start of the second-to-last word of <paramref name="phrase"/> (words one space apart), or -1 when it has fewer
    /// than two words. A party phrase at the end of prose is read from there (<c>Your order will be delivered to</c>).
    /// </summary>
    private static int LastTwoWordsStart(ReadOnlySpan<byte> phrase)
    {
        int lastSpace = phrase.LastIndexOf((byte)' ');
        return lastSpace > 0 ? phrase[..lastSpace].LastIndexOf((byte)' ') + 1 : -1;
    }

    /// <summary>
    /// Start of the longest key phrase of one to three words ending at <paramref name="end"/> that starts at a
    /// boundary (line start, space, tab, <c>, ; &amp; ? | ( [ {</c>, a quote or <c>&gt;</c>) and is at most 40 bytes, or -1. A word
    /// in capitals before a key with small letters is not part of it (a log level: <c>WARN Name: ...</c>).
    /// </summary>
    private static int KeyPhraseStart(ReadOnlySpan<byte> text, int end)
    {
        static bool IsKeyByte(byte b) => Ascii.IsLetter(b) || b is (byte)'_' or (byte)'-';
        int start = end;
        int found = -1;
        for (int words = 0; words < 3; words++)
        {
            int wordStart = start;
            while (wordStart > 0 && IsKeyByte(text[wordStart - 1]))
            {
                wordStart--;
            }

            if (wordStart == start || end - wordStart > 40
                || (words > 0 && IsCapitalsWord(text[wordStart..start]) && text[start..end].IndexOfAnyInRange((byte)'a', (byte)'z') >= 0))
            {
                break;
            }

            start = wordStart;
            if (start == 0 || text[start - 1] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)',' or (byte)';'
                or (byte)'&' or (byte)'?' or (byte)'|' or (byte)'(' or (byte)'[' or (byte)'{' or (byte)'"' or (byte)'\'' or (byte)'>')
            {
                found = start;
            }

            if (start < 2 || text[start - 1] != ' ' || !IsKeyByte(text[start - 2]))
            {
                break;
            }

            start--;
        }

        return found;
    }

    /// <summary>
    /// Start of the first word of the key phrase [<paramref name="start"/>, <paramref name="end"/>) that begins with a
    /// capital letter right after a word in small letters (<c>Name</c> in <c>order for Name</c>, <c>Customer Name</c> in
    /// <c>for Customer Name</c>), or -1.
    /// </summary>
    private static int CapitalizedKeyStart(ReadOnlySpan<byte> text, int start, int end)
    {
        int wordStart = start;
        for (int i = start; i < end; i++)
        {
            if (text[i] != ' ')
            {
                continue;
            }

            if (i + 1 < end && text[i + 1] is >= (byte)'A' and <= (byte)'Z' && text[wordStart..i].IndexOfAnyInRange((byte)'A', (byte)'Z') < 0)
            {
                return i + 1;
            }

            wordStart = i + 1;
        }

        return -1;
    }

    /// <summary>True for a word of two or more letters, all capitals (hyphens and underscores allowed).</summary>
    private static bool IsCapitalsWord(ReadOnlySpan<byte> word) =>
        word.Length >= 2 && word.IndexOfAnyInRange((byte)'a', (byte)'z') < 0 && word.IndexOfAnyInRange((byte)'A', (byte)'Z') >= 0;

    /// <summary>
    /// Cheap check before classifying: the last word ends with <c>name</c>, <c>addr</c>, <c>address</c>, or a flat address
    /// field's word (<c>street</c>, <c>line</c>, <c>city</c>, <c>town</c>, <c>village</c>, <c>district</c>,
    /// <c>landmark</c>), or <c>location</c> (a place key, <see cref="ValueRole.PlaceAddress"/>). A key's trailing digits
    /// are not passed (<c>address_line1</c> is checked as <c>address_line</c>).
    /// </summary>
    /// <remarks>Dispatched on the last byte first: it runs at every <c>:</c> and <c>=</c> of a text body.</remarks>
    private static bool MayNameRole(ReadOnlySpan<byte> key) => !key.IsEmpty && (key[^1] | 0x20) switch
    {
        'e' => key.Length >= 4 && (key[^2] | 0x20) switch
        {
            'm' => Ascii.EndsWithIgnoreCase(key, "name"u8),
            'g' => Ascii.EndsWithIgnoreCase(key, "village"u8),
            'n' => Ascii.EndsWithIgnoreCase(key, "line"u8),
            _ => false,
        },
        'r' => Ascii.EndsWithIgnoreCase(key, "addr"u8),
        's' => Ascii.EndsWithIgnoreCase(key, "address"u8),
        't' => Ascii.EndsWithIgnoreCase(key, "street"u8) || Ascii.EndsWithIgnoreCase(key, "district"u8),
        'y' => Ascii.EndsWithIgnoreCase(key, "city"u8),
        'n' => Ascii.EndsWithIgnoreCase(key, "town"u8) || Ascii.EndsWithIgnoreCase(key, "location"u8),
        'k' => Ascii.EndsWithIgnoreCase(key, "landmark"u8),
        _ => false,
    };

    /// <summary><see cref="MayNameRole"/> or <see cref="MayNamePartyRole"/>: the check for labels and element names, which
    /// are classified once each, not at every separator.</summary>
    private static bool MayNameAnyRole(ReadOnlySpan<byte> key) => MayNameRole(key) || MayNamePartyRole(key);

    /// <summary>
    /// True when the value after a separator at <paramref name="from"/> - 1 can be a full name: after spaces and tabs, an
    /// optional quote and more spaces, a first word of ASCII letters or non-ASCII UTF-8 bytes (with <c>.</c>, <c>'</c>
    /// and <c>-</c> inside) that a space or a comma ends. A value without that start has fewer than two name words
    /// (<see cref="NameShape.Words"/>) and is no full name under any key (<c>status=200</c>, <c>cache=hit</c>,
    /// <c>user=ravi@example.com</c>).
    /// </summary>
    private static bool ValueMayBeFullName(ReadOnlySpan<byte> text, int from)
    {
        int i = from;
        while (i < text.Length && text[i] is (byte)' ' or (byte)'\t')
        {
            i++;
        }

        if (i < text.Length && text[i] is (byte)'"' or (byte)'\'')
        {
            i++;
            while (i < text.Length && text[i] is (byte)' ' or (byte)'\t')
            {
                i++;
            }
        }

        if (i >= text.Length || !(Ascii.IsLetter(text[i]) || text[i] >= 0x80))
        {
            return false;
        }

        while (++i < text.Length)
        {
            byte b = text[i];
            if (!(Ascii.IsLetter(b) || b >= 0x80 || b is (byte)'.' or (byte)'\'' or (byte)'-'))
            {
                return b is (byte)' ' or (byte)',';
            }
        }

        return false;
    }

    /// <summary>How far after a party key's value's leading digits a comma is looked for, bytes.</summary>
    private const int MaxCommaSearchBytes = 64;

    /// <summary>
    /// True when the value after a separator at <paramref name="from"/> - 1 can start an address after a party key, or
    /// the key is alone on its line: after spaces and tabs, a line end (<c>Ship to:</c>, the lines of a name and an
    /// address after it) or one to five digits and a space, comma, <c>/</c>, <c>-</c> or a letter (<c>12, 3rd Cross</c>,
    /// <c>221B Baker Street</c>, <c>4/12 MG Road</c>), with a comma within <see cref="MaxCommaSearchBytes"/> bytes before
    /// the line's end.
    /// </summary>
    private static bool ValueMayStartAddressOrLines(ReadOnlySpan<byte> text, int from)
    {
        int i = from;
        while (i < text.Length && text[i] is (byte)' ' or (byte)'\t')
        {
            i++;
        }

        if (i < text.Length && text[i] is (byte)'\r' or (byte)'\n')
        {
            return true;
        }

        int digits = 0;
        while (i < text.Length && Ascii.IsDigit(text[i]) && digits <= 5)
        {
            i++;
            digits++;
        }

        if (digits is 0 or > 5 || i >= text.Length || !(text[i] is (byte)' ' or (byte)',' or (byte)'/' or (byte)'-' || Ascii.IsLetter(text[i])))
        {
            return false;
        }

        // An address has a comma soon (NameShape.LooksLikeAddress): a log line's status=200 duration_ms=12 has none.
        ReadOnlySpan<byte> soon = text[i..Math.Min(text.Length, i + MaxCommaSearchBytes)];
        int comma = soon.IndexOfAny((byte)',', (byte)'\n');
        return comma >= 0 && soon[comma] == ',';
    }

    /// <summary>
    /// Cheap check before classifying: the last word (ASCII letters, at most 16) is a party word
    /// (<see cref="Recognition.Keywords.IsPartyWord"/>: <c>Customer</c>, <c>Passengers</c>) or the last word of a two-word one
    /// (<c>Ship To</c>, <c>Delivery Agent</c>, <c>Account Holder</c>, <c>Contact Person</c>).
    /// </summary>
    private static bool MayNamePartyRole(ReadOnlySpan<byte> key)
    {
        const int MaxWord = 16;
        int start = key.Length;
        while (start > 0 && key.Length - start < MaxWord && Ascii.IsLetter(key[start - 1]))
        {
            start--;
        }

        int length = key.Length - start;
        if (length < 2 || (start > 0 && Ascii.IsLetter(key[start - 1])))
        {
            return false;
        }

        Span<char> word = stackalloc char[MaxWord];
        for (int j = 0; j < length; j++)
        {
            word[j] = (char)(key[start + j] | 0x20);
        }

        word = word[..length];
        return Recognition.Keywords.IsPartyWord(word) || word is "to" or "agent" or "boy" or "person" or "executive" or "holder";
    }

    /// <summary>True for the key roles text key-value pairs and XML elements are read for: names (by a name key or a party
    /// key such as <c>Customer</c> or <c>Ship To</c>), addresses, the flat street and city parts of an address, and full
    /// addresses under a place key (<c>Delivery location:</c>).</summary>
    private static bool IsTextPairRole(ValueRole role) => role is ValueRole.PersonName or ValueRole.PartyName or ValueRole.FirstName or ValueRole.LastName
        or ValueRole.PostalAddress or ValueRole.StreetPart or ValueRole.CityPart or ValueRole.PlaceAddress;


    /// <summary>
    /// For a value in double or single quotes after optional spaces (<c>name="Ravi Kumar"</c>, <c>'name': 'Ravi Kumar'</c>):
    /// moves <paramref name="start"/> past the opening quote and returns the closing quote's index (the value is the bytes
    /// between, commas included); -1 when the value is not quoted or its quote does not close before the line end (the
    /// value then ends as <see cref="KeyValueEnd"/> says). A quote after a backslash does not close the value.
    /// </summary>
    private static int QuotedValueEnd(ReadOnlySpan<byte> text, ref int start)
    {
        int open = start;
        while (open < text.Length && text[open] == ' ')
        {
            open++;
        }

        if (open >= text.Length || text[open] is not ((byte)'"' or (byte)'\''))
        {
            return -1;
        }

        byte quote = text[open];
        for (int j = open + 1; j < text.Length; j++)
        {
            byte b = text[j];
            if (b is (byte)'\n' or (byte)'\r')
            {
                return -1;
            }

            if (b == quote && text[j - 1] != '\\')
            {
                start = open + 1;
                return j;
            }
        }

        return -1;
    }

    /// <summary>
    /// For a name value that ended at a comma after one word (<c>Name: Kumar, Ravi</c>): the end of the one or two name
    /// words after the comma, when they end the value as <see cref="KeyValueEnd"/> says (not a next pair's key:
    /// <c>Name: Kumar, Email: ...</c> keeps <c>Kumar</c>); otherwise <paramref name="end"/>.
    /// </summary>
    private static int SurnameFirstEnd(ReadOnlySpan<byte> text, int start, int end)
    {
        if (end >= text.Length || text[end] != ',' || NameShape.Words(text[start..end]) != 1)
        {
            return end;
        }

        int restEnd = KeyValueEnd(text, end + 1, stopAtComma: true);
        int words = restEnd > end + 1 ? NameShape.Words(text[(end + 1)..restEnd]) : 0;
        int next = restEnd;
        while (next < text.Length && (Ascii.IsLetter(text[next]) || text[next] is (byte)' ' or (byte)'_' or (byte)'-'))
        {
            next++;
        }

        // The words after the comma are not the start of a next pair's key (first Name: Arjun, last Name: Mehta).
        bool keyFollows = next < text.Length && text[next] is (byte)':' or (byte)'=';
        return words is 1 or 2 && !keyFollows ? restEnd : end;
    }

    /// <summary>
    /// For a name value [<paramref name="start"/>, <paramref name="end"/>) (a text pair's, or a JSON value's under a name
    /// or party key) that is not a name as a whole: the end
    /// of its first 2-4 words when each starts with an ASCII capital or a non-ASCII letter (letters, with <c>.</c>,
    /// <c>'</c>, <c>-</c> inside) and they are followed, after one or more spaces, by a word that does not (<c>Ravi Kumar
    /// placed ...</c>, <c>Anita Desai anita@...</c>, <c>Ravi Kumar (VIP)</c>); else -1. As for a salutation name
    /// (<see cref="SalutationName"/>), more than 4 capitalized words are title-case prose, not a name.
    /// </summary>
    private static int LeadingCapitalizedNameEnd(ReadOnlySpan<byte> text, int start, int end)
    {
        int i = start;
        while (i < end && text[i] == ' ')
        {
            i++;
        }

        int words = 0;
        int nameEnd = -1;
        while (i < end && (Ascii.IsUpper(text[i]) || text[i] >= 0x80))
        {
            int j = i + 1;
            while (j < end && NameShape.IsWordByte(text[j]))
            {
                j++;
            }

            if (++words > 4 || j >= end || text[j] != ' ')
            {
                // Too many words, the whole value (not a name by its shape), or a word running into a digit or symbol.
                return -1;
            }

            nameEnd = j;
            i = j;
            while (i < end && text[i] == ' ')
            {
                i++;
            }
        }

        return words >= 2 && i < end ? nameEnd : -1;
    }

    /// <summary>
    /// The start of the line after the one <paramref name="start"/> is in when the bytes from <paramref name="start"/> to
    /// that line's end are only spaces, tabs and a <c>\r</c> (a label alone on its line), else -1 (also at the text's end).
    /// </summary>
    private static int NextLineIfBlank(ReadOnlySpan<byte> text, int start)
    {
        int i = start;
        while (i < text.Length && text[i] is (byte)' ' or (byte)'\t' or (byte)'\r')
        {
            i++;
        }

        return i + 1 < text.Length && text[i] == '\n' ? i + 1 : -1;
    }

    /// <summary>End of a text key-value pair's value (see <see cref="ScanKeyValuePairs"/>).</summary>
    private static int KeyValueEnd(ReadOnlySpan<byte> text, int start, bool stopAtComma)
    {
        ReadOnlySpan<byte> stops = stopAtComma ? "\r\n\t&;|:=,<"u8 : "\r\n\t&;|:=<"u8;
        int k = text[start..].IndexOfAny(stops);
        int end = k < 0 ? text.Length : start + k;
        if (end < text.Length && text[end] is (byte)':' or (byte)'=')
        {
            // The next pair's key is not part of this value, nor its quotes or brackets ([email] => in PHP's print_r).
            while (end > start && text[end - 1] == ' ')
            {
                end--;
            }

            if (end > start && text[end - 1] is (byte)'"' or (byte)'\'' or (byte)']')
            {
                end--;
            }

            int digits = KeyDigitsStart(text, start, end);

            if (digits < end && digits > start && (Ascii.IsLetter(text[digits - 1]) || text[digits - 1] == '_'))
            {
                // The next key's digits (address2=).
                end = digits;
            }

            while (end > start && (Ascii.IsLetter(text[end - 1]) || text[end - 1] is (byte)'_' or (byte)'-'))
            {
                end--;
            }

            if (end > start && text[end - 1] is (byte)'"' or (byte)'\'' or (byte)'[')
            {
                end--;
            }
        }

        while (end > start && text[end - 1] is (byte)' ' or (byte)',')
        {
            end--;
        }

        return WithoutUnopenedClosers(text, start, end);
    }

    /// <summary>
    /// <paramref name="end"/> moved back past closing brackets that end the value
    /// <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>) without an opening one in it (and the spaces and commas before them): the end of the object a pair is printed in
    /// (<c>Consignee(name=Ravi Kumar, address=12 MG Road, Pune 411001)</c>, <c>Customer { Name = Ravi Kumar }</c>) is no
    /// part of its last value. A bracket the value opens stays (<c>12 MG Road (near temple)</c>).
    /// </summary>
    private static int WithoutUnopenedClosers(ReadOnlySpan<byte> text, int start, int end)
    {
        while (end > start && text[end - 1] is (byte)')' or (byte)'}' or (byte)']')
        {
            byte closer = text[end - 1];
            byte opener = closer == ')' ? (byte)'(' : closer == '}' ? (byte)'{' : (byte)'[';
            ReadOnlySpan<byte> value = text[start..end];
            if (value.Count(opener) >= value.Count(closer))
            {
                break;
            }

            end--;
            while (end > start && text[end - 1] is (byte)' ' or (byte)',')
            {
                end--;
            }
        }

        return end;
    }
}
