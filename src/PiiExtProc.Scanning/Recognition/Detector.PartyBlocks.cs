namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// Party blocks: a name and an address in one value under a party key, as courier labels, invoices and order
/// exports write the addressee: <c>"shipTo": "Ravi Kumar, 12 MG Road, Pune 411001"</c>,
/// <c>Deliver to: Ravi Kumar, 12 MG Road, Koramangala, Bengaluru 560034. Mob 98765 43210</c>.
/// </summary>
internal sealed partial class Detector
{
    /// <summary>Words a house number follows at an address's start (<c>Flat 4B</c>, <c>H.No 12</c>, <c>No. 7</c>).</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_houseWords = new HashSet<string>(
        ["flat", "house", "h.no", "hno", "plot", "door", "no", "shop", "room", "quarter", "qtr", "block", "unit", "apt"], StringComparer.Ordinal)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Adds the whole-value match of <paramref name="role"/> for <paramref name="text"/>[<paramref name="start"/>..
    /// <paramref name="end"/>) (<see cref="AddWholeValue"/>), or under a party role a party block's name and address
    /// (<see cref="AddPartyBlock"/>): how a markup label's, an XML element's and a form control's value is read. False
    /// when neither is there.
    /// </summary>
    private bool AddRoleValue(ReadOnlySpan<byte> text, int start, int end, ValueRole role, List<RawMatch> output, int first) =>
        (role is ValueRole.PostalAddress or ValueRole.PlaceAddress && AddAddresseeBlock(text, start, end, fromText: true, output, first))
        || AddWholeValue(text, start, end, role, fromText: true, output, first)
        || (role == ValueRole.PartyName && AddPartyValue(text, start, end, fromText: true, output, first) > 0);

    /// <summary>
    /// Adds what a value under a party key holds when it is no name alone: a party block's name and address
    /// (<see cref="AddPartyBlock"/>), else an address alone (<see cref="AddPartyAddress"/>: <c>"deliver_to": "12 MG Road,
    /// Pune 411001"</c>). Returns the address's end, or -1 (nothing added).
    /// </summary>
    private int AddPartyValue(ReadOnlySpan<byte> text, int start, int end, bool fromText, List<RawMatch> output, int first)
    {
        int blockEnd = AddPartyBlock(text, start, end, fromText, output, first);
        return blockEnd > 0 ? blockEnd : AddPartyAddress(text, start, end, fromText, output, first);
    }

    /// <summary>
    /// Adds the name and the address of a party block in <paramref name="text"/>[<paramref name="start"/>..
    /// <paramref name="end"/>) (the value of a <see cref="ValueRole.PartyName"/> key): the name is the text before its
    /// first comma or line feed (<c>Ravi Kumar\n12 MG Road\nPune 411001</c>, a courier label's lines) and must have a
    /// party name's shape (<see cref="WholeValue"/>: 2-5 name words, no organisation word);
    /// the address is the rest and must have an address's shape (<see cref="NameShape.LooksLikeAddress"/>) and a 6-digit
    /// PIN code or start with a house number (<c>12 MG Road, Pune</c>), so that a customer's tags after the name
    /// (<c>Ravi Kumar, Premium, Loyal, Since 2019</c>) are no address. The address
    /// ends right after its first 6-digit PIN code unless a comma follows the PIN (<c>Pune 411001, Maharashtra</c>), so
    /// the words after it in a line (<c>. Mob 98765 43210</c>) stay out. Returns the address's end, or -1 (nothing
    /// added) when the value is no party block.
    /// </summary>
    private int AddPartyBlock(ReadOnlySpan<byte> text, int start, int end, bool fromText, List<RawMatch> output, int first)
    {
        int comma = text[start..end].IndexOfAny((byte)',', (byte)'\n');
        if (comma < 0)
        {
            return -1;
        }

        comma += start;
        int addressEnd = TrimAddressEnd(text, comma + 1, AddressEndAfterPinCode(text, comma + 1, end));

        if (!HasPinCodeOrHouseNumber(text[(comma + 1)..addressEnd])
            || !WholeValue(text, start, comma, ValueRole.PartyName, fromText, out RawMatch name)
            || !WholeValue(text, comma + 1, addressEnd, ValueRole.PostalAddress, fromText, out RawMatch address))
        {
            return -1;
        }

        Add(output, first, name);
        Add(output, first, address);
        return addressEnd;
    }

    /// <summary>
    /// Adds the address of a value under a party key that is an address without a name (<c>Deliver to: 12, 3rd Cross, HSR
    /// Layout, Bengaluru 560102</c>): its text before the first comma or line feed is no name (it has a digit, a symbol or
    /// a place word: <see cref="NameShape.HasPlaceWord"/>), and the value has an address's shape and a PIN code or a house
    /// number (<see cref="ValueRole.PlaceAddress"/>), and a PIN code or a place word (<c>12 boxes, fragile, handle with
    /// care</c> is none). The address ends as a party block's does (after its PIN code unless a comma follows). Returns the
    /// address's end, or -1 (nothing added).
    /// </summary>
    private int AddPartyAddress(ReadOnlySpan<byte> text, int start, int end, bool fromText, List<RawMatch> output, int first)
    {
        int segmentEnd = text[start..end].IndexOfAny((byte)',', (byte)'\n');
        if (segmentEnd < 0)
        {
            return -1;
        }

        ReadOnlySpan<byte> segment = text[start..(start + segmentEnd)].Trim(" \t\r"u8);
        if (NameShape.Words(segment) > 0 && !NameShape.HasPlaceWord(segment))
        {
            return -1;
        }

        int addressEnd = TrimAddressEnd(text, start, AddressEndAfterPinCode(text, start, end));
        ReadOnlySpan<byte> address = text[start..addressEnd];
        if (!HasPinCode(address) && !NameShape.HasPlaceWord(address))
        {
            // A house number alone is too little here: "12 boxes, fragile, handle with care".
            return -1;
        }

        return AddWholeValue(text, start, addressEnd, ValueRole.PlaceAddress, fromText, output, first) ? addressEnd : -1;
    }

    /// <summary>
    /// Adds the addressee's name and the address of an address block under an address key or label
    /// (<see cref="ValueRole.PostalAddress"/>, <see cref="ValueRole.PlaceAddress"/>) in <paramref name="text"/>[
    /// <paramref name="start"/>..<paramref name="end"/>): its first line (up to the first line feed) is a name with a party
    /// name's shape and no place word (<see cref="NameShape.HasPlaceWord"/>: <c>Green Park Enclave</c> is the address's
    /// first line), and the lines after it are an address with an address's shape and a PIN code or a house number
    /// (<c>"shipping_address": "Ravi Kumar\n12 MG Road, Koramangala\nBengaluru 560034"</c>, as an address form's text area
    /// or a courier label writes it). False (nothing added) otherwise.
    /// </summary>
    private bool AddAddresseeBlock(ReadOnlySpan<byte> text, int start, int end, bool fromText, List<RawMatch> output, int first)
    {
        int lineFeed = text[start..end].IndexOf((byte)'\n');
        if (lineFeed < 0)
        {
            return false;
        }

        lineFeed += start;
        if (!HasPinCodeOrHouseNumber(text[(lineFeed + 1)..end].TrimStart(" \t\r\n"u8))
            || NameShape.HasPlaceWord(text[start..lineFeed])
            || !WholeValue(text, start, lineFeed, ValueRole.PartyName, fromText, out RawMatch name)
            || !WholeValue(text, lineFeed + 1, end, ValueRole.PostalAddress, fromText, out RawMatch address)
            || address.NamePart != ValueRole.None)
        {
            // Not a full address after the first line (a street part is too little): the whole value is read as usual.
            return false;
        }

        Add(output, first, name);
        Add(output, first, address);
        return true;
    }

    /// <summary>The index before the <c>. , space tab</c> bytes that end <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>).</summary>
    private static int TrimAddressEnd(ReadOnlySpan<byte> text, int start, int end)
    {
        while (end > start && text[end - 1] is (byte)'.' or (byte)',' or (byte)' ' or (byte)'\t')
        {
            end--;
        }

        return end;
    }

    /// <summary>
    /// True when <paramref name="address"/> (spaces first allowed) starts with a house number
    /// (<see cref="StartsWithHouseNumber"/>) or holds a PIN code (<see cref="HasPinCode"/>).
    /// </summary>
    private static bool HasPinCodeOrHouseNumber(ReadOnlySpan<byte> address) => StartsWithHouseNumber(address) || HasPinCode(address);

    /// <summary>
    /// True when <paramref name="address"/> (spaces first allowed) starts with a digit (after a <c>#</c>: <c>#45, 2nd
    /// Main</c>), with a block's capital letter or two and a hyphen or slash before a digit (<c>B-204 Galaxy Heights</c>,
    /// <c>C/12</c>, <c>DS-4</c>, as Indian flats are numbered), or with a house word such as <c>Flat</c>, <c>House</c>,
    /// <c>H.No</c>, <c>Plot</c>, <c>Door</c>, <c>No.</c> and a word that starts with a digit (<c>Flat 4B</c>,
    /// <c>H.No 12-3</c>).
    /// </summary>
    private static bool StartsWithHouseNumber(ReadOnlySpan<byte> address)
    {
        address = address.TrimStart((byte)' ');
        if (address.Length >= 2 && address[0] == '#')
        {
            address = address[1..];
        }

        if (!address.IsEmpty && Ascii.IsDigit(address[0]))
        {
            return true;
        }

        int letters = address.IndexOfAnyExceptInRange((byte)'A', (byte)'Z');
        if (letters is 1 or 2 && address.Length > letters + 1 && address[letters] is (byte)'-' or (byte)'/' && Ascii.IsDigit(address[letters + 1]))
        {
            return true;
        }

        int wordEnd = address.IndexOfAny((byte)' ', (byte)',');
        if (wordEnd <= 0 || !Ascii.IsListedLowercase(address[..wordEnd].TrimEnd((byte)'.'), s_houseWords))
        {
            return false;
        }

        ReadOnlySpan<byte> number = address[(wordEnd + 1)..].TrimStart((byte)' ');
        return !number.IsEmpty && Ascii.IsDigit(number[0]);
    }

    /// <summary>True when <paramref name="address"/> holds a run of exactly 6 ASCII digits (an Indian PIN code).</summary>
    private static bool HasPinCode(ReadOnlySpan<byte> address) => PinCodeEnd(address) >= 0;

    /// <summary>The index after the first run of exactly 6 ASCII digits in <paramref name="text"/> (a PIN code), or -1.</summary>
    private static int PinCodeEnd(ReadOnlySpan<byte> text)
    {
        int run = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && Ascii.IsDigit(text[i]))
            {
                run++;
                continue;
            }

            if (run == 6)
            {
                return i;
            }

            run = 0;
        }

        return -1;
    }

    /// <summary>
    /// Where an address that starts at <paramref name="start"/> ends, at most at <paramref name="end"/>: right after its
    /// first PIN code (<see cref="PinCodeEnd"/>), or after the comma-separated parts that follow it while each is a
    /// state's or country's words (<see cref="IsRegionPart"/>: <c>Pune 411001, Maharashtra, India</c>), so that what a
    /// line says after the address (<c>, email ravi@example.com</c>, <c>, Mob 98765 43210</c>) stays out of it;
    /// <paramref name="end"/> when it has no PIN code.
    /// </summary>
    private static int AddressEndAfterPinCode(ReadOnlySpan<byte> text, int start, int end)
    {
        int pinCodeEnd = PinCodeEnd(text[start..end]);
        if (pinCodeEnd < 0)
        {
            return end;
        }

        int addressEnd = start + pinCodeEnd;
        while (true)
        {
            int after = addressEnd;
            while (after < end && text[after] == ' ')
            {
                after++;
            }

            if (after >= end || text[after] != ',')
            {
                return addressEnd;
            }

            int partEnd = text[(after + 1)..end].IndexOfAny((byte)',', (byte)'\n');
            partEnd = partEnd < 0 ? end : after + 1 + partEnd;
            if (!IsRegionPart(text[(after + 1)..partEnd]))
            {
                return addressEnd;
            }

            addressEnd = partEnd;
        }
    }

    /// <summary>Most words of a part after an address's PIN code that names its state or country (<c>Tamil Nadu</c>,
    /// <c>Andaman and Nicobar Islands</c>).</summary>
    private const int MaxRegionPartWords = 4;

    /// <summary>
    /// True when <paramref name="part"/> (spaces around allowed) is 1 to <see cref="MaxRegionPartWords"/> words of ASCII
    /// letters, dots and hyphens (<c>Maharashtra</c>, <c>India</c>, <c>J&amp;K</c> is not), as a state or country after a
    /// PIN code is written; an email, a number or a label and its value (<c>Mob 98765 43210</c>) is not.
    /// </summary>
    private static bool IsRegionPart(ReadOnlySpan<byte> part)
    {
        part = part.Trim((byte)' ');
        return !part.IsEmpty && part.Count((byte)' ') < MaxRegionPartWords
            && part.IndexOfAnyExcept(s_regionPartBytes) < 0 && Ascii.IsLetter(part[0]);
    }

    private static readonly System.Buffers.SearchValues<byte> s_regionPartBytes =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .-"u8);
}
