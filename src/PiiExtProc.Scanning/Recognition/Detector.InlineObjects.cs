namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// Objects printed into text as a pair's value (on a log line, or over lines in a free-text value): what code logs when
/// it logs an object whose members are an address or a name. Java's <c>toString</c> (<c>address=Address{line1='12 MG Road', city='Pune'}</c>), Lombok
/// and Kotlin data classes (<c>address=Address(line1=12 MG Road, city=Pune)</c>), .NET records
/// (<c>Address = Address { Line1 = 12 MG Road, City = Pune }</c>), Go's <c>%+v</c> (<c>Address:{Line1:12 MG Road
/// City:Pune}</c>) and Python's dicts (<c>'address': {'line1': '12 MG Road', 'city': 'Pune'}</c>). A member takes its
/// part role in the object as in a JSON object (<see cref="KeyClass.TakesPartRoleIn"/>): <c>line1</c> names nothing on
/// its own but is a street part inside an address.
/// </summary>
internal sealed partial class Detector
{
    /// <summary>Most bytes from an inline object's opening bracket to its closing one; a longer value is not read as one.</summary>
    private const int MaxInlineObjectBytes = 1024;

    /// <summary>Most bytes of the type name before an inline object's bracket (<c>Address</c>, <c>com.shop.Address</c>).</summary>
    private const int MaxInlineTypeNameBytes = 64;

    /// <summary>Most bytes of an inline object's member key, as of a text pair's key phrase.</summary>
    private const int MaxInlineKeyBytes = 40;

    /// <summary>Most inline objects nested in one another that are read (<c>Order{address=Address{...}}</c> is two).</summary>
    private const int MaxInlineObjectDepth = 4;

    /// <summary>
    /// Reads the value at <paramref name="valueStart"/> of a text pair whose key names <paramref name="role"/> when it is
    /// an inline object (<see cref="InlineObjectClose"/>) and <paramref name="role"/> is one whose members take part roles
    /// (an address, a name, a party): adds its members' values under their roles and returns the index after the object's
    /// closing bracket; -1 (nothing added) otherwise. A member that is an object itself is read the same way under its
    /// own key's role (<c>name=Name{first=...}</c> in a party), or passed over whole when its key names none of those
    /// roles (<c>store={'name': ..., 'city': ...}</c> in an address: no member of the address).
    /// </summary>
    private int AddInlineObject(ReadOnlySpan<byte> text, int valueStart, ValueRole role, List<RawMatch> output, int first, int depth = 1)
    {
        if (role is not (ValueRole.PostalAddress or ValueRole.PersonName or ValueRole.PartyName)
            || InlineObjectClose(text, valueStart, out int open) is not (int close and >= 0))
        {
            return -1;
        }

        // The members' values end at the object's closing bracket at the latest: Address(line1=12 MG Road, city=Pune).
        ReadOnlySpan<byte> members = text[..close];
        int i = open + 1;
        while (i < close)
        {
            int k = members[i..].IndexOfAny((byte)':', (byte)'=');
            if (k < 0)
            {
                break;
            }

            int separator = i + k;
            int memberStart = ValueStart(members, separator);
            ValueRole memberRole = InlineMemberRole(members, open + 1, separator, role);
            if (InlineObjectClose(members, memberStart, out _) is int nestedClose and >= 0)
            {
                if (depth < MaxInlineObjectDepth)
                {
                    AddInlineObject(members, memberStart, memberRole, output, first, depth + 1);
                }

                i = nestedClose + 1;
            }
            else if (IsTextPairRole(memberRole))
            {
                i = Math.Max(separator + 1, AddTextPairValue(members, memberStart, memberRole, output, first));
            }
            else
            {
                i = separator + 1;
            }
        }

        return close + 1;
    }

    /// <summary>
    /// The role of the member whose key the <c>:</c> or <c>=</c> at <paramref name="separator"/> ends, inside an inline
    /// object of role <paramref name="containerRole"/> whose members start at <paramref name="membersStart"/>: the key's
    /// part role in the object when its own key names nothing (<c>line1</c>, <c>first</c>), else its own role
    /// (<c>city</c>, <c>name</c>); <see cref="ValueRole.None"/> when no key (ASCII letters, digits, <c>_</c> and
    /// <c>-</c>, starting with a letter, optionally quoted) ends there.
    /// </summary>
    private ValueRole InlineMemberRole(ReadOnlySpan<byte> text, int membersStart, int separator, ValueRole containerRole)
    {
        int keyEnd = separator;
        while (keyEnd > membersStart && text[keyEnd - 1] == ' ')
        {
            keyEnd--;
        }

        if (keyEnd > membersStart && text[keyEnd - 1] is (byte)'"' or (byte)'\'')
        {
            keyEnd--;
        }

        int keyStart = keyEnd;
        while (keyStart > membersStart && keyEnd - keyStart <= MaxInlineKeyBytes
            && (Ascii.IsLetterOrDigit(text[keyStart - 1]) || text[keyStart - 1] is (byte)'_' or (byte)'-'))
        {
            keyStart--;
        }

        if (keyStart == keyEnd || keyEnd - keyStart > MaxInlineKeyBytes || !Ascii.IsLetter(text[keyStart]))
        {
            return ValueRole.None;
        }

        KeyClass member = _keywords.ClassifyKey(text[keyStart..keyEnd]);
        return member.Role == ValueRole.None && member.TakesPartRoleIn(containerRole) ? member.MemberPartRole : member.Role;
    }

    /// <summary>
    /// The index of the opening bracket of the inline object a value at <paramref name="valueStart"/> starts, or -1: after
    /// optional spaces, an optional <c>&amp;</c> (Go's pointer), an optional type name of ASCII letters, digits,
    /// <c>_</c>, <c>.</c> and <c>$</c> starting with a capital letter, as class names do (at most
    /// <see cref="MaxInlineTypeNameBytes"/>; a lower-case value such as <c>hit</c> is passed at its first byte), then
    /// <c>{</c> or <c>(</c> (a space between a type name and <c>{</c> allowed). An address with a remark in brackets
    /// (<c>MG Road (near temple)</c>) starts none: its bracket follows a space. Whether the object closes is not checked
    /// (<see cref="InlineObjectClose"/>).
    /// </summary>
    private static int InlineObjectOpen(ReadOnlySpan<byte> text, int valueStart)
    {
        int i = valueStart;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        if (i < text.Length && text[i] == '&')
        {
            i++;
        }

        int nameStart = i;
        if (i < text.Length && Ascii.IsUpper(text[i]))
        {
            while (i < text.Length && i - nameStart <= MaxInlineTypeNameBytes
                && (Ascii.IsLetterOrDigit(text[i]) || text[i] is (byte)'_' or (byte)'.' or (byte)'$'))
            {
                i++;
            }
        }

        bool typeName = i > nameStart;
        if (typeName && i + 1 < text.Length && text[i] == ' ' && text[i + 1] == '{')
        {
            // A .NET record: Address { Line1 = ... }.
            i++;
        }

        return i < text.Length && i - nameStart <= MaxInlineTypeNameBytes && text[i] is (byte)'{' or (byte)'(' ? i : -1;
    }

    /// <summary>
    /// The index of the bracket that closes the inline object a value at <paramref name="valueStart"/> is
    /// (<see cref="InlineObjectOpen"/>), with its opening bracket's index in <paramref name="open"/>; -1 when the value is
    /// none, or the object holds no <c>:</c> or <c>=</c>, or it does not close within
    /// <see cref="MaxInlineObjectBytes"/>. Brackets nest; quoted strings are passed over (a quote after a letter or digit
    /// is an apostrophe: <c>D'Souza</c>).
    /// </summary>
    private static int InlineObjectClose(ReadOnlySpan<byte> text, int valueStart, out int open)
    {
        open = InlineObjectOpen(text, valueStart);
        if (open < 0)
        {
            return -1;
        }

        int depth = 0;
        bool hasSeparator = false;
        int limit = Math.Min(text.Length, open + MaxInlineObjectBytes);
        for (int j = open; j < limit; j++)
        {
            byte b = text[j];
            switch (b)
            {
                case (byte)'{' or (byte)'(' or (byte)'[':
                    depth++;
                    break;
                case (byte)'}' or (byte)')' or (byte)']':
                    if (--depth == 0)
                    {
                        return hasSeparator ? j : -1;
                    }

                    break;
                case (byte)':' or (byte)'=':
                    hasSeparator = true;
                    break;
                case (byte)'"' or (byte)'\'' when !Ascii.IsLetterOrDigit(text[j - 1]):
                    int quoteEnd = text[(j + 1)..limit].IndexOfAny(b, (byte)'\n');
                    if (quoteEnd >= 0 && text[j + 1 + quoteEnd] == b)
                    {
                        j += 1 + quoteEnd;
                    }

                    break;
            }
        }

        return -1;
    }
}
