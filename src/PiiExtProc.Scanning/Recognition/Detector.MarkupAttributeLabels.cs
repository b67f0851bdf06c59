namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// Elements whose attributes say what their text is: server-rendered account pages, order mails and admin panels mark a
/// customer's data with a <c>class</c>, <c>id</c>, <c>name</c>, <c>itemprop</c> or <c>data-*</c> attribute and show no
/// label (<c>&lt;span class="customer-name"&gt;Ravi Kumar&lt;/span&gt;</c>, <c>&lt;div id="shippingAddress"&gt;</c>,
/// <c>&lt;td data-field="billing_name"&gt;</c>, schema.org's <c>itemprop="givenName"</c>).
/// </summary>
/// <remarks>
/// A token labels the element only when it says whose value it is: it classifies like a JSON key as a text pair role
/// (<see cref="IsTextPairRole"/>) and is a first, last or full name key (<c>first-name</c>, <c>surname</c>,
/// <c>fullName</c>), or a word before its last is a person qualifier, an address qualifier or a party word
/// (<c>customer-name</c>, <c>shipping-address</c>, <c>billing_city</c>, <c>ship-to</c>). Style classes of one generic
/// word (<c>name</c>, <c>address</c>, <c>city</c>, <c>customer</c>) and other owners' fields (<c>product-name</c>,
/// <c>store-address</c>, <c>streetAddress</c>) label nothing: a product card, a store locator or a Magento listing
/// (<c>class="product name product-item-name"</c>) uses them for data that is no person's.
/// </remarks>
internal sealed partial class Detector
{
    /// <summary>Longest attribute value whose tokens are read, bytes.</summary>
    private const int MaxLabellingAttributeBytes = 256;

    /// <summary>Longest token of an attribute value that is classified, bytes (a text pair key's limit).</summary>
    private const int MaxLabellingTokenBytes = 40;

    /// <summary>Keys that name a person's first, last or full name in one word (<c>firstname</c>, <c>surname</c>).</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_oneWordPersonNameKeys = new HashSet<string>(
        ["firstname", "fname", "givenname", "forename", "lastname", "lname", "surname", "familyname", "fullname", "customername",
            "custname", "nameoncard"], StringComparer.Ordinal)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The role the tags in <paramref name="text"/>[<paramref name="from"/>..<paramref name="to"/>) (the tags and
    /// whitespace before a text node) give the text node at <paramref name="to"/>: the role of the innermost start tag
    /// the node is inside (no end tag closes it before the node) whose attributes label its content
    /// (<see cref="AttributeLabelRole(ReadOnlySpan{byte})"/>) and whose <c>&gt;</c> is at most <see cref="MaxMarkupLabelGapBytes"/> before
    /// the node; else <see cref="ValueRole.None"/>. <paramref name="labelEnd"/> is the index
    /// after that start tag's <c>&gt;</c>.
    /// </summary>
    /// <remarks>
    /// Walks the tags back from the node, so only the node's own ancestors (at most
    /// <see cref="MaxLabelledAncestors"/>) have their attributes read: an element closed before the node (an end tag,
    /// then its start tag) and void elements (<c>&lt;br&gt;</c>, <c>&lt;img&gt;</c>) are passed over.
    /// </remarks>
    private ValueRole TagLabelRole(ReadOnlySpan<byte> text, int from, int to, out int labelEnd)
    {
        labelEnd = to;
        int closed = 0;
        int ancestors = 0;
        int i = to;
        int near = Math.Max(from, to - MaxMarkupLabelGapBytes);
        if (text[from..to].IndexOf((byte)'=') < 0)
        {
            // No attribute value at all (</td><td>, <br>): nothing to walk.
            return ValueRole.None;
        }

        while (i > near)
        {
            int gt = text[near..i].LastIndexOf((byte)'>');
            if (gt < 0)
            {
                break;
            }

            gt += near;
            int lt = text[from..gt].LastIndexOf((byte)'<');
            if (lt < 0)
            {
                break;
            }

            lt += from;
            i = lt;
            ReadOnlySpan<byte> tag = text[(lt + 1)..gt];
            if (tag.IsEmpty)
            {
                continue;
            }

            if (tag[0] == '/')
            {
                closed++;
                continue;
            }

            if (!Ascii.IsLetter(tag[0]) || tag[^1] == '/' || IsVoidElement(tag[..TagNameLength(tag)]))
            {
                continue;
            }

            if (closed > 0)
            {
                closed--;
                continue;
            }

            if (tag.IndexOf((byte)'=') >= 0 && AttributeLabelRole(tag) is var role and not ValueRole.None)
            {
                labelEnd = gt + 1;
                return role;
            }

            if (++ancestors == MaxLabelledAncestors)
            {
                break;
            }
        }

        return ValueRole.None;
    }

    /// <summary>Most ancestors of a text node whose attributes are read (<see cref="TagLabelRole"/>).</summary>
    private const int MaxLabelledAncestors = 4;

    /// <summary>True for the HTML elements that have no end tag (<c>br</c>, <c>img</c>, <c>input</c>...), any case.</summary>
    private static bool IsVoidElement(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 => Ascii.StartsWithIgnoreCase(name, "br"u8) || Ascii.StartsWithIgnoreCase(name, "hr"u8),
        3 => Ascii.StartsWithIgnoreCase(name, "img"u8) || Ascii.StartsWithIgnoreCase(name, "col"u8) || Ascii.StartsWithIgnoreCase(name, "wbr"u8),
        4 => Ascii.StartsWithIgnoreCase(name, "meta"u8) || Ascii.StartsWithIgnoreCase(name, "link"u8)
            || Ascii.StartsWithIgnoreCase(name, "area"u8) || Ascii.StartsWithIgnoreCase(name, "base"u8),
        5 => Ascii.StartsWithIgnoreCase(name, "input"u8) || Ascii.StartsWithIgnoreCase(name, "embed"u8) || Ascii.StartsWithIgnoreCase(name, "track"u8),
        6 => Ascii.StartsWithIgnoreCase(name, "source"u8),
        _ => false,
    };

    /// <summary>Bytes of a tag's element name at its start (letters, digits, <c>-</c>, <c>:</c>).</summary>
    private static int TagNameLength(ReadOnlySpan<byte> tag)
    {
        int n = 0;
        while (n < tag.Length && (Ascii.IsLetterOrDigit(tag[n]) || tag[n] is (byte)'-' or (byte)':'))
        {
            n++;
        }

        return n;
    }

    /// <summary>
    /// The role that the <c>class</c>, <c>id</c>, <c>name</c>, <c>itemprop</c> and <c>data-*</c> attributes of a start
    /// tag (<paramref name="tag"/>: the bytes between its <c>&lt;</c> and <c>&gt;</c>) give its content: the first of
    /// their whitespace-separated tokens that labels a value (<see cref="LabellingTokenRole"/>); else
    /// <see cref="ValueRole.None"/>. Values may be in double or single quotes or unquoted; values longer than
    /// <see cref="MaxLabellingAttributeBytes"/> are passed over.
    /// </summary>
    /// <remarks>Walks from <c>=</c> to <c>=</c>: each attribute's name is read back from its <c>=</c>, and only a labelling
    /// attribute's value is read (one search for its closing quote). A <c>=</c> inside another attribute's value (a URL's
    /// query) is read as a name that labels nothing.</remarks>
    private ValueRole AttributeLabelRole(ReadOnlySpan<byte> tag) => AttributeLabelRole(tag, out _);

    /// <summary>As <see cref="AttributeLabelRole(ReadOnlySpan{byte})"/>; <paramref name="at"/> is the index of the labelling
    /// attribute's <c>=</c> (-1 when none labels).</summary>
    private ValueRole AttributeLabelRole(ReadOnlySpan<byte> tag, out int at)
    {
        at = -1;
        int i = 0;
        while (i < tag.Length)
        {
            int equals = tag[i..].IndexOf((byte)'=');
            if (equals < 0)
            {
                break;
            }

            equals += i;
            int nameEnd = equals;
            while (nameEnd > i && tag[nameEnd - 1] is (byte)' ' or (byte)'\t')
            {
                nameEnd--;
            }

            int nameStart = nameEnd;
            while (nameStart > i && (Ascii.IsLetterOrDigit(tag[nameStart - 1]) || tag[nameStart - 1] is (byte)'-' or (byte)'_' or (byte)':' or (byte)'.'))
            {
                nameStart--;
            }

            if (nameStart == nameEnd || !IsLabellingAttribute(tag[nameStart..nameEnd]))
            {
                // Its value is not read: a '=' inside it (a URL's query) names no labelling attribute either.
                i = equals + 1;
                continue;
            }

            int valueStart = equals + 1;
            while (valueStart < tag.Length && tag[valueStart] is (byte)' ' or (byte)'\t')
            {
                valueStart++;
            }

            int valueEnd;
            if (valueStart < tag.Length && tag[valueStart] is (byte)'"' or (byte)'\'')
            {
                byte quote = tag[valueStart++];
                int close = tag[valueStart..].IndexOf(quote);
                valueEnd = close < 0 ? tag.Length : valueStart + close;
                i = valueEnd + 1;
            }
            else
            {
                int space = tag[valueStart..].IndexOfAny(s_unquotedValueEnd);
                valueEnd = space < 0 ? tag.Length : valueStart + space;
                i = valueEnd;
            }

            if (valueEnd - valueStart <= MaxLabellingAttributeBytes)
            {
                ValueRole role = ValueTokensRole(tag[valueStart..valueEnd]);
                if (role != ValueRole.None)
                {
                    at = equals;
                    return role;
                }
            }
        }

        return ValueRole.None;
    }

    private static readonly System.Buffers.SearchValues<byte> s_unquotedValueEnd = System.Buffers.SearchValues.Create(" \t\r\n>"u8);

    /// <summary>True for the attributes that say what an element holds: <c>class</c>, <c>id</c>, <c>name</c>,
    /// <c>itemprop</c> and any <c>data-*</c> attribute (case-insensitive).</summary>
    private static bool IsLabellingAttribute(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 => Ascii.StartsWithIgnoreCase(name, "id"u8),
        4 => Ascii.StartsWithIgnoreCase(name, "name"u8),
        5 => Ascii.StartsWithIgnoreCase(name, "class"u8) || Ascii.StartsWithIgnoreCase(name, "data-"u8),
        8 => Ascii.StartsWithIgnoreCase(name, "itemprop"u8) || Ascii.StartsWithIgnoreCase(name, "data-"u8),
        _ => Ascii.StartsWithIgnoreCase(name, "data-"u8),
    };

    /// <summary>
    /// Cheap check before classifying a token: it is longer than its last word, and that word can end a labelling
    /// token: a name or address key's (<c>name</c>, <c>address</c>, <c>addr</c>, <c>street</c>, <c>city</c>, <c>town</c>,
    /// <c>village</c>, <c>district</c>, <c>landmark</c>) or a two-word party key's (<c>ship-to</c>, <c>billTo</c>,
    /// <c>delivery-agent</c>, <c>account-holder</c>, <c>contact-person</c>). A token of one such word alone labels
    /// nothing (see the remarks), and <c>to</c> must be a word of its own (not <c>photo</c>).
    /// </summary>
    private static bool MayLabelByToken(ReadOnlySpan<byte> token) => token.Length > 4 && (token[^1] | 0x20) switch
    {
        'e' => EndsLonger(token, "name"u8) || EndsLonger(token, "village"u8) || EndsLonger(token, "executive"u8),
        'r' => EndsLonger(token, "addr"u8) || EndsLonger(token, "holder"u8),
        's' => EndsLonger(token, "address"u8),
        't' => EndsLonger(token, "street"u8) || EndsLonger(token, "district"u8) || EndsLonger(token, "agent"u8),
        'y' => EndsLonger(token, "city"u8) || EndsLonger(token, "boy"u8),
        'n' => EndsLonger(token, "town"u8) || EndsLonger(token, "person"u8),
        'k' => EndsLonger(token, "landmark"u8),
        'o' => token[^2] == 'T' ? Ascii.IsLower(token[^3]) : token[^2] == 't' && token[^3] is (byte)'-' or (byte)'_',
        _ => false,
    };

    /// <summary>True when <paramref name="token"/> ends with <paramref name="word"/> (ASCII case-insensitive) and is longer.</summary>
    private static bool EndsLonger(ReadOnlySpan<byte> token, ReadOnlySpan<byte> word) =>
        token.Length > word.Length && Ascii.EndsWithIgnoreCase(token, word);

    /// <summary>
    /// The role of the first whitespace-separated token of an attribute value that labels a value; values of up to
    /// <see cref="AttributeValueMemo.MaxValueBytes"/> bytes are remembered per thread (a page repeats them).
    /// </summary>
    private ValueRole ValueTokensRole(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty || value.Length > AttributeValueMemo.MaxValueBytes)
        {
            return value.IsEmpty ? ValueRole.None : ReadValueTokens(value);
        }

        AttributeValueMemo memo = AttributeValueMemo.For(_keywords);
        if (!memo.TryGet(value, out ValueRole role, out int entry))
        {
            role = ReadValueTokens(value);
            memo.Set(entry, value, role);
        }

        return role;
    }

    /// <summary>As <see cref="ValueTokensRole"/>, read token by token.</summary>
    /// <remarks>A byte loop, not a search per token: class lists are many short tokens.</remarks>
    private ValueRole ReadValueTokens(ReadOnlySpan<byte> value)
    {
        int start = 0;
        for (int i = 0; i <= value.Length; i++)
        {
            if (i < value.Length && value[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                continue;
            }

            if (i > start && MayLabelByToken(value[start..i]))
            {
                ValueRole role = LabellingTokenRole(value[start..i], _keywords);
                if (role != ValueRole.None)
                {
                    return role;
                }
            }

            start = i + 1;
        }

        return ValueRole.None;
    }

    /// <summary>
    /// The role one token of a labelling attribute gives the element's text (see the remarks of this file's part): a
    /// text pair role when the token says whose value it is, else <see cref="ValueRole.None"/>.
    /// </summary>
    /// <param name="token">One token: letters, digits, <c>_</c> and <c>-</c>, at most <see cref="MaxLabellingTokenBytes"/> bytes.</param>
    /// <param name="keywords">The scanner's keywords (key classification).</param>
    internal static ValueRole LabellingTokenRole(ReadOnlySpan<byte> token, KeywordTable keywords)
    {
        if (token.IsEmpty || token.Length > MaxLabellingTokenBytes || !Ascii.IsLetter(token[0])
            || token.IndexOfAnyExcept(s_labellingTokenBytes) >= 0)
        {
            return ValueRole.None;
        }

        // The token's words, as the key classification splits them (at '_', '-' and where a lower-case letter meets a
        // capital). Whose value it names is checked before the token is classified: most tokens that pass
        // MayLabelByToken (name, product-item-name) say no owner.
        Span<char> lower = stackalloc char[MaxLabellingTokenBytes];
        Span<byte> lowerBytes = stackalloc byte[MaxLabellingTokenBytes];
        Span<int> starts = stackalloc int[8];
        Span<int> lengths = stackalloc int[8];
        int count = KeywordTable.SplitKey(token, lower, lowerBytes, starts, lengths, out int n, out bool moreWords);
        if (moreWords)
        {
            return ValueRole.None;
        }

        bool saysWhose = count == 1 && s_oneWordPersonNameKeys.Contains(lower[..n]);
        for (int w = 0; w < count - 1 && !saysWhose; w++)
        {
            ReadOnlySpan<char> word = lower.Slice(starts[w], lengths[w]);

            // A person qualifier (customer, billing, recipient; not "by", which names a person in a key such as
            // createdByName but sorts and filters in a class such as sort-by-name), a part of a person's name
            // (first-name, family_name, surname's "sur"), a party word or an address qualifier.
            saysWhose = ((keywords.Exact(lowerBytes.Slice(starts[w], lengths[w])).Flags & KeywordFlags.PersonQualifier) != 0 && word is not "by")
                || Recognition.Keywords.NamePartRoleOf(word) != ValueRole.None || word is "sur"
                || Recognition.Keywords.IsPartyWord(word)
                || (Recognition.Keywords.IsAddressQualifier(word) && word is not ("address" or "addr"));
        }

        ValueRole role = saysWhose ? keywords.ClassifyKey(token).Role : ValueRole.None;
        return IsTextPairRole(role) ? role : ValueRole.None;
    }

    private static readonly System.Buffers.SearchValues<byte> s_labellingTokenBytes =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"u8);
}
