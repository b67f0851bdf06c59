using static PiiExtProc.Scanning.Recognition.BuiltInId;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// Address blocks of plain-text bodies, read across the body's lines: an address or party label alone on its line
/// (<c>Shipping address:</c>, <c>Ship to:</c>), then the address's lines, as plain-text order mails, packing slips and
/// support notes write it (<c>Ship to:\nRavi Kumar\n12, 3rd Cross, HSR Layout\nBengaluru, Karnataka 560102</c>). A text
/// body is read one line at a time, so each line of the block is a part of one record (<c>Sessions.RecordParts</c>) that
/// the session keeps open across the block: no line decides alone whether the block is an address.
/// </summary>
internal sealed partial class Detector
{
    /// <summary>First words of a message's closing lines, which end an address block.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_closingWords = new HashSet<string>(
        ["thanks", "thank", "thankyou", "regards", "sincerely", "cheers", "best", "warm", "kind", "yours", "team", "note", "please"],
        StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The carry after <paramref name="line"/>, a text line that does not continue an address block: the role of an
    /// address or party label alone on it (a key phrase as <see cref="IsKeyValueLine"/> reads it, then <c>:</c> and only
    /// spaces, tabs and the line end: <c>Shipping address:</c>, <c>Delivery Address:</c>, <c>Ship to:</c>), else
    /// <c>default</c>.
    /// </summary>
    /// <param name="line">One text line, UTF-8, with or without its line end.</param>
    public AddressBlockCarry StartAddressBlock(ReadOnlySpan<byte> line)
    {
        int keyEnd = LineKeyEnd(line, out int keyStart, out _);
        if (keyEnd < 0)
        {
            return default;
        }

        ReadOnlySpan<byte> trimmed = line.TrimEnd(" \t\r\n"u8);
        if (trimmed.Length <= MaxAddressLineBytes && trimmed.EndsWith(":"u8) && PartyPhraseBeforeColon(trimmed))
        {
            // Prose that ends with a party phrase, the address on the lines after: "Your order will be delivered to:".
            return new AddressBlockCarry(ValueRole.PartyName, 0);
        }

        ValueRole role = LabelAloneRole(line, keyStart, keyEnd);
        return role is ValueRole.PostalAddress or ValueRole.PlaceAddress or ValueRole.PartyName ? new AddressBlockCarry(role, 0) : default;
    }

    /// <summary>
    /// The role of the key phrase <paramref name="line"/>[<paramref name="keyStart"/>..<paramref name="keyEnd"/>) (from
    /// <see cref="LineKeyEnd"/>) when it is a label alone on its line: optional spaces, a <c>:</c>, then only spaces, tabs
    /// and the line end (<c>Shipping address:</c>, <c>address:</c>); <see cref="ValueRole.None"/> otherwise. Shared by the
    /// address blocks after a label and the indented objects under a key (<see cref="StartIndentedObject"/>).
    /// </summary>
    private ValueRole LabelAloneRole(ReadOnlySpan<byte> line, int keyStart, int keyEnd)
    {
        int colon = keyEnd;
        while (colon < line.Length && line[colon] == ' ')
        {
            colon++;
        }

        return colon >= line.Length || line[colon] != ':' || line[(colon + 1)..].IndexOfAnyExcept(" \t\r\n"u8) >= 0
            ? ValueRole.None
            : _keywords.ClassifyKey(line[keyStart..keyEnd]).Role;
    }

    /// <summary>
    /// True when the last two words before the final <c>:</c> of <paramref name="line"/> are a party phrase
    /// (<c>delivered to</c>, <c>shipping to</c>, <c>Ship To</c>: <see cref="Keywords.IsPartyWord"/>).
    /// </summary>
    private bool PartyPhraseBeforeColon(ReadOnlySpan<byte> line)
    {
        ReadOnlySpan<byte> phrase = line[..^1].TrimEnd((byte)' ');
        int start = LastTwoWordsStart(phrase);
        return start >= 0 && phrase.Length - start <= 24 && _keywords.ClassifyKey(phrase[start..]).Role == ValueRole.PartyName;
    }

    /// <summary>
    /// True when <paramref name="line"/> continues the block of <paramref name="carry"/>: the carry holds a label, fewer
    /// than <see cref="MaxAddressLines"/> lines were read under it, and the line has text, is at most
    /// <see cref="MaxAddressLineBytes"/> long (a longer one is prose) and is no <c>Key: value</c> line
    /// (<see cref="IsKeyValueLine"/>: <c>Phone: 98765 43210</c> ends the block). A blank line ends it too, and after a
    /// line with a PIN code only a line of one or two words without digits (a state, a country) continues it: prose
    /// after an address (<c>Thanks for shopping with us</c>) is no part of it.
    /// </summary>
    /// <param name="line">One text line, UTF-8, with or without its line end.</param>
    /// <param name="carry">The block so far.</param>
    public bool ContinuesAddressBlock(ReadOnlySpan<byte> line, in AddressBlockCarry carry)
    {
        if (carry.Role == ValueRole.None || carry.Lines >= MaxAddressLines)
        {
            return false;
        }

        return IsAddressBlockLine(line.TrimEnd("\r\n"u8), carry.PinCodeRead);
    }

    /// <summary>
    /// True when <paramref name="line"/> (without its line end) can be the next line of an address block, in a text body
    /// (<see cref="ContinuesAddressBlock"/>) as in free text (<see cref="AddAddressLinesAfterLabel"/>): it has text, is at
    /// most <see cref="MaxAddressLineBytes"/> long, is no <c>Key: value</c> line, and after a line with a PIN code
    /// (<paramref name="pinCodeRead"/>) is a state's or a country's (<see cref="IsStateOrCountryLine"/>).
    /// </summary>
    private bool IsAddressBlockLine(ReadOnlySpan<byte> line, bool pinCodeRead) =>
        line.Length <= MaxAddressLineBytes && line.IndexOfAnyExcept(" \t"u8) >= 0
            && (!pinCodeRead || IsStateOrCountryLine(line.Trim(" \t"u8)))
            && !IsKeyValueLine(line, _keywords);

    /// <summary>
    /// True when a line after an address's PIN code can be its state's or country's (<c>Karnataka</c>, <c>Tamil Nadu,
    /// India</c>): one or two words, no digit, and no closing word of a message (<c>Thanks</c>, <c>Regards</c>).
    /// </summary>
    private static bool IsStateOrCountryLine(ReadOnlySpan<byte> line)
    {
        if (line.Count((byte)' ') > 1 || line.IndexOfAnyInRange((byte)'0', (byte)'9') >= 0)
        {
            return false;
        }

        int wordEnd = line.IndexOfAny((byte)' ', (byte)',');
        return !Ascii.IsListedLowercase(wordEnd < 0 ? line : line[..wordEnd], s_closingWords);
    }


    /// <summary>
    /// Adds the match of <paramref name="line"/>, which continues the block of <paramref name="carry"/>
    /// (<see cref="ContinuesAddressBlock"/>), to <paramref name="output"/> (the line's own matches, in order; overlaps
    /// resolved as in a scan), and counts the line into <paramref name="carry"/>:
    /// <list type="bullet">
    /// <item>the block's first line, under a party label: a party block's name and address (<c>Ravi Kumar, 12 MG Road,
    /// Pune 411001</c>, <see cref="AddPartyValue"/>), or a full name;</item>
    /// <item>the block's first line, under an address label, with a party name's shape and no place word
    /// (<see cref="NameShape.HasPlaceWord"/>): an addressee's name, <see cref="ValueRole.AddresseeName"/>, a full name
    /// only when the record holds a full address too;</item>
    /// <item>the address's first line, when it is a full address on its own (an address's shape and a PIN code:
    /// <c>12 MG Road, Pune 411001</c>): POSTAL_ADDRESS;</item>
    /// <item>any other line: a POSTAL_ADDRESS part, the city part when it holds a PIN code, else the street part, so
    /// that the lines are a full address only with a PIN code and another line (Guardian rule B.3: street, city and PIN
    /// code).</item>
    /// </list>
    /// </summary>
    /// <param name="line">One text line, UTF-8, with or without its line end.</param>
    /// <param name="carry">The block so far; its line count grows by one.</param>
    /// <param name="output">The line's matches (offsets relative to <paramref name="line"/>).</param>
    public void AddAddressBlockLine(ReadOnlySpan<byte> line, ref AddressBlockCarry carry, List<RawMatch> output)
    {
        int start = line.IndexOfAnyExcept(" \t"u8);
        int end = line.TrimEnd(" \t\r\n"u8).Length;
        bool firstLine = carry.Lines == 0;
        carry = carry with { Lines = carry.Lines + 1 };
        if (firstLine && carry.Role == ValueRole.PartyName && AddPartyValue(line, start, end, fromText: true, output, 0) > 0)
        {
            carry = carry with { AddressLines = 1, PinCodeRead = HasPinCode(line[start..end]) };
            return;
        }

        if (firstLine && (carry.Role == ValueRole.PartyName || !NameShape.HasPlaceWord(line[start..end]))
            && WholeValue(line, start, end, ValueRole.PartyName, fromText: true, out RawMatch name))
        {
            if (carry.Role != ValueRole.PartyName)
            {
                name.NamePart = ValueRole.AddresseeName;
                name.Recognizer = "name.parts";
            }

            Add(output, 0, name);
            return;
        }

        if (!Passes(PiiEntity.PostalAddress, Of(PiiEntity.PostalAddress), Scores.KeyNamed))
        {
            return;
        }

        ReadOnlySpan<byte> text = line[start..end];
        bool pinCode = HasPinCode(text);
        bool firstAddressLine = carry.AddressLines == 0;
        carry = carry with { AddressLines = carry.AddressLines + 1, PinCodeRead = carry.PinCodeRead || pinCode };
        var address = new RawMatch(PiiEntity.PostalAddress, start, end - start, Scores.KeyNamed, "address.text_key", Evidence.Key);
        if (!firstAddressLine || !pinCode || !NameShape.LooksLikeAddress(text))
        {
            address.NamePart = pinCode ? ValueRole.CityPart : ValueRole.StreetPart;
            address.Recognizer = "address.parts";
        }

        Add(output, 0, address);
    }
}
