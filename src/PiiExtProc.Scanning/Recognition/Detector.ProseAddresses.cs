using static PiiExtProc.Scanning.Recognition.BuiltInId;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// Addresses written into prose without a label, ended by their PIN code: notification texts (an SMS gateway's
/// <c>message</c>, a WhatsApp template's parameters, a mail's body) and log messages write a customer's address inline
/// (<c>Your order will be delivered to 12 MG Road, Koramangala, Bengaluru 560034 today.</c>); not markup, whose labels
/// say whose an address is and whose pages list stores' and couriers' addresses. Read backwards from a PIN
/// code over the comma-separated parts before it, to the farthest part that starts an address: a house number or a
/// house word (<c>12</c>, <c>3rd Cross</c>, <c>Flat 4B</c>), or a short capitalized part with a place word
/// (<c>HSR Layout</c>).
/// </summary>
internal sealed partial class Detector
{
    /// <summary>Longest address read back from its PIN code, bytes.</summary>
    private const int MaxProseAddressBytes = 160;

    /// <summary>Longest comma-separated part of an address in prose, bytes; a longer one is prose that may end with the
    /// address's start (<c>will be delivered to 12 MG Road</c>).</summary>
    private const int MaxProseAddressPartBytes = 48;

    /// <summary>Most comma-separated parts read back from a PIN code.</summary>
    private const int MaxProseAddressParts = 6;

    /// <summary>Most words of a part without a house number that starts an address (<c>Near Wipro Park</c>).</summary>
    private const int MaxPlacePartWords = 4;

    /// <summary>The bytes that end the reading back from a PIN code over an address's parts (<see cref="ProseAddressStart"/>).</summary>
    private static readonly System.Buffers.SearchValues<byte> s_proseAddressBoundaries = System.Buffers.SearchValues.Create(",\n\r:;|\"()\t"u8);

    /// <summary>Longest part that is a house number alone (<c>12</c>, <c>4B</c>, <c>12/3A</c>), bytes; a longer number
    /// alone (<c>9876543210</c>, a CSV row's field) starts no address.</summary>
    private const int MaxBareHouseNumberBytes = 5;

    /// <summary>
    /// True when <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>), a run of digits, can be an
    /// address's PIN code: exactly 6 digits, not 0 first, no letter, digit or <c>_</c> beside it, and not joined to
    /// another group of digits by one space, hyphen, dot or slash (as <see cref="DigitRun"/> joins them: <c>12 560034</c>,
    /// <c>411001-1234</c>). Also the value prefilter's test (<see cref="Sessions.CleanValueRules"/>): a value with such a
    /// run and a comma is never clean.
    /// </summary>
    internal static bool IsPinCodeCandidate(ReadOnlySpan<byte> text, int start, int end) =>
        end - start == 6 && text[start] != '0'
        && (start == 0 || !(Ascii.IsWordByte(text[start - 1]) || DigitRun.JoinsPrevious(text, start)))
        && (end == text.Length || !(Ascii.IsWordByte(text[end]) || DigitRun.JoinsNext(text, end)));

    /// <summary>The start of the first PIN code candidate (<see cref="IsPinCodeCandidate"/>) at or after
    /// <paramref name="from"/>, with its end in <paramref name="end"/>; -1 when there is none.</summary>
    private static int NextPinCodeCandidate(ReadOnlySpan<byte> text, int from, out int end)
    {
        int i = from;
        while (i < text.Length)
        {
            int k = text[i..].IndexOfAnyInRange((byte)'0', (byte)'9');
            if (k < 0)
            {
                break;
            }

            int start = i + k;
            i = start;
            while (i < text.Length && Ascii.IsDigit(text[i]))
            {
                i++;
            }

            if (IsPinCodeCandidate(text, start, i))
            {
                end = i;
                return start;
            }
        }

        end = -1;
        return -1;
    }

    /// <summary>
    /// Adds, to <paramref name="output"/>, each address in <paramref name="text"/> (16 bytes or more) that ends with a PIN
    /// code after a comma (<see cref="IsPinCodeCandidate"/>) and starts at the farthest of the comma-separated parts
    /// before it (<see cref="ProseAddressStart"/>), when it has a place word (<see cref="NameShape.HasPlaceWord"/>) and a
    /// comma, or two commas and a start that is more than a house number alone (<c>12 MG Road</c>, <c>Flat 4B</c>; not
    /// <c>12</c>: a quantity in a CSV row). An address another pass found there too (a pair's value, with key evidence)
    /// wins the overlap.
    /// </summary>
    private void AddProseAddresses(ReadOnlySpan<byte> text, List<RawMatch> output, int first)
    {
        int firstComma = text.IndexOf((byte)',');
        if (text.Length < 16 || firstComma < 0 || !Passes(PiiEntity.PostalAddress, Of(PiiEntity.PostalAddress), Scores.KeyNamed))
        {
            return;
        }

        // An address's PIN code follows at least one of its commas.
        int pinStart;
        int i = firstComma + 1;
        while ((pinStart = NextPinCodeCandidate(text, i, out int pinEnd)) >= 0)
        {
            i = pinEnd;
            int start = ProseAddressStart(text, pinStart, out int commas, out bool bareStart);
            if (start >= 0 && (NameShape.HasPlaceWord(text[start..pinEnd]) ? commas >= 1 : commas >= 2 && !bareStart))
            {
                Add(output, first, new RawMatch(PiiEntity.PostalAddress, start, pinEnd - start, Scores.KeyNamed, "address.prose", Evidence.ContextWord));
                AddAddresseeBeforeProseAddress(text, start, output, first);
            }
        }
    }

    /// <summary>Longest addressee's name read before a prose address, bytes (<see cref="AddAddresseeBeforeProseAddress"/>).</summary>
    private const int MaxAddresseeBytes = 48;

    /// <summary>The verbs after which <c>to</c> names whom a parcel goes to (<c>delivered to Ravi Kumar, 12 MG Road, ...</c>).</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_deliveryVerbs = new HashSet<string>(
        ["delivered", "deliver", "delivering", "shipped", "ship", "shipping", "dispatched", "dispatch", "sent", "send",
         "handed", "addressed", "couriered", "despatched"], StringComparer.Ordinal)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Adds the addressee's name that a delivery phrase puts right before a prose address starting at
    /// <paramref name="addressStart"/>: <c>will be delivered to Ravi Kumar, 12 MG Road, Bengaluru 560001</c>, as courier
    /// and shop SMS write it. The name is the 2-4 capitalized words between a delivery verb's <c>to</c>
    /// (<see cref="s_deliveryVerbs"/>) and the comma before the address, with no organisation or place word
    /// (<c>shipped to Acme Traders, ...</c>, <c>delivered to Green Park Enclave, ...</c>); a PERSON_NAME
    /// (<c>name.addressee</c>) counted like any full name, with the address in its record.
    /// </summary>
    private void AddAddresseeBeforeProseAddress(ReadOnlySpan<byte> text, int addressStart, List<RawMatch> output, int first)
    {
        if (!Passes(PiiEntity.PersonName, Of(PiiEntity.PersonName), Scores.KeyNamed))
        {
            return;
        }

        int comma = addressStart - 1;
        while (comma >= 0 && text[comma] == ' ')
        {
            comma--;
        }

        if (comma < 0 || text[comma] != ',')
        {
            return;
        }

        int floor = Math.Max(0, comma - MaxAddresseeBytes);
        int to = text[floor..comma].LastIndexOf(" to "u8);
        if (to < 0)
        {
            return;
        }

        to += floor;
        int nameStart = to + " to ".Length;
        ReadOnlySpan<byte> name = text[nameStart..comma].TrimEnd((byte)' ');
        int verbStart = text[..to].LastIndexOf((byte)' ') + 1;
        if (!Ascii.IsListedLowercase(text[verbStart..to], s_deliveryVerbs) || NameShape.Words(name) is < 2 or > 4
            || name.Contains((byte)',') || !EveryWordCapitalized(name) || NameShape.HasOrganisationWord(name) || NameShape.HasPlaceWord(name))
        {
            return;
        }

        Add(output, first, new RawMatch(PiiEntity.PersonName, nameStart, name.Length, Scores.KeyNamed, "name.addressee", Evidence.ContextWord) { ReportedOnlyWhenPii = true });
    }

    /// <summary>True when every space-separated word of <paramref name="words"/> starts with a capital or a non-ASCII letter.</summary>
    private static bool EveryWordCapitalized(ReadOnlySpan<byte> words)
    {
        foreach (System.Range word in words.Split((byte)' '))
        {
            ReadOnlySpan<byte> w = words[word];
            if (!w.IsEmpty && !Ascii.IsUpper(w[0]) && w[0] < 0x80)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Where the address that ends with the PIN code at <paramref name="pinStart"/> starts, or -1: reading back over
    /// the comma-separated parts before it (at most <see cref="MaxProseAddressParts"/>, within
    /// <see cref="MaxProseAddressBytes"/>; a line end, <c>: ; | " ( )</c>, a tab or a comma between digits ends the
    /// reading, as does a part longer than <see cref="MaxProseAddressPartBytes"/>), the start of the farthest part that
    /// starts an address: one that starts with a house number (<see cref="StartsWithHouseNumber"/>) and has at most
    /// <see cref="MaxPlacePartWords"/> words after it, or is a number alone at most <see cref="MaxBareHouseNumberBytes"/>
    /// long (<paramref name="bareStart"/>), else a part of at most <see cref="MaxPlacePartWords"/> capitalized words or
    /// numbers with a place word (<c>HSR Layout</c>, <c>Sector 21</c>), else the last house number inside a part (prose
    /// before it: <c>delivered to 12 MG Road</c>; nothing before it is read). The PIN code's own part
    /// (the city's) starts none. <paramref name="commas"/> is the number of commas from the start to the PIN code.
    /// </summary>
    private static int ProseAddressStart(ReadOnlySpan<byte> text, int pinStart, out int commas, out bool bareStart)
    {
        int floor = Math.Max(0, pinStart - MaxProseAddressBytes);
        int start = -1;
        (commas, bareStart) = (0, false);
        int partEnd = pinStart;
        for (int part = 0; part <= MaxProseAddressParts; part++)
        {
            int boundary = text[floor..partEnd].LastIndexOfAny(s_proseAddressBoundaries);
            int partStart = boundary < 0 ? floor : floor + boundary + 1;
            bool comma = boundary >= 0 && text[partStart - 1] == ',';
            if (comma && partStart >= 2 && Ascii.IsDigit(text[partStart - 2]) && partStart < text.Length && Ascii.IsDigit(text[partStart]))
            {
                // A number's thousands separator (Rs 1,499): the part is the end of a number, no part of an address.
                break;
            }

            if (part > 0)
            {
                ReadOnlySpan<byte> words = text[partStart..partEnd];
                int lead = words.IndexOfAnyExcept((byte)' ');
                ReadOnlySpan<byte> trimmed = lead < 0 ? default : words[lead..].TrimEnd((byte)' ');
                int spaces = trimmed.Count((byte)' ');
                bool bare = spaces == 0;
                if (lead >= 0 && words.Length <= MaxProseAddressPartBytes && StartsWithHouseNumber(trimmed)
                    && (bare ? trimmed.Length <= MaxBareHouseNumberBytes : spaces <= MaxPlacePartWords))
                {
                    (start, commas, bareStart) = (partStart + lead, part, bare);
                }
                else if (lead >= 0 && words.Length <= MaxProseAddressPartBytes && IsPlacePart(trimmed))
                {
                    // Before the house number inside a part: a place part with a number (Sector 21, Ward 7, Koramangala
                    // 4th Block) is a whole part of the address, and the reading goes on.
                    (start, commas, bareStart) = (partStart + lead, part, false);
                }
                else if (HouseNumberInside(words, out bool bareInside) is int inside and >= 0)
                {
                    (start, commas, bareStart) = (partStart + inside, part, bareInside);
                    break;
                }

                if (words.Length > MaxProseAddressPartBytes)
                {
                    break;
                }
            }

            if (!comma)
            {
                break;
            }

            partEnd = partStart - 1;
        }

        return start;
    }

    /// <summary>
    /// The index in <paramref name="words"/> of the last house number after a space (a word that starts with a digit or
    /// <c>#</c> and a digit: <c>12</c>, <c>4B</c>, <c>#45</c>; or a house word and a number: <c>Flat 4B</c>) that is either
    /// followed by one to <see cref="MaxPlacePartWords"/> words to the part's end (<c>delivered to 12 MG Road</c>; not
    /// <c>3 items will be delivered to MG Road</c>) or ends the part alone, at most <see cref="MaxBareHouseNumberBytes"/>
    /// long (<c>will reach 12</c>, then <c>, 3rd Cross, ...</c>: <paramref name="bare"/>; after a house word, from the
    /// house word: <c>delivered to Flat 4B</c>); -1 when there is none.
    /// </summary>
    private static int HouseNumberInside(ReadOnlySpan<byte> words, out bool bare)
    {
        words = words.TrimEnd((byte)' ');
        bare = false;
        int i = words.Length;
        while ((i = words[..i].LastIndexOf((byte)' ')) >= 0)
        {
            int wordStart = i + 1;
            ReadOnlySpan<byte> rest = words[wordStart..];
            if (!StartsWithHouseNumber(rest))
            {
                continue;
            }

            int spaces = rest.Count((byte)' ');
            if (spaces == 0 && rest.Length <= MaxBareHouseNumberBytes)
            {
                // After a house word, the address starts with it (delivered to Flat 4B, ...).
                int before = words[..i].LastIndexOf((byte)' ') + 1;
                bare = !StartsWithHouseNumber(words[before..]);
                return bare ? wordStart : before;
            }

            if (spaces is >= 1 and <= MaxPlacePartWords)
            {
                return wordStart;
            }
        }

        return -1;
    }

    /// <summary>True when <paramref name="part"/> is at most <see cref="MaxPlacePartWords"/> words, each capitalized or a
    /// number (starting with a digit), and one of them a place word (<c>HSR Layout</c>, <c>Near Wipro Park</c>,
    /// <c>Sector 21</c>, <c>Koramangala 4th Block</c>).</summary>
    private static bool IsPlacePart(ReadOnlySpan<byte> part)
    {
        part = part.TrimEnd((byte)' ');
        if (part.IsEmpty || part.Count((byte)' ') >= MaxPlacePartWords || !NameShape.HasPlaceWord(part))
        {
            return false;
        }

        foreach (System.Range word in part.Split((byte)' '))
        {
            ReadOnlySpan<byte> w = part[word];
            if (!w.IsEmpty && !Ascii.IsUpper(w[0]) && !Ascii.IsDigit(w[0]))
            {
                return false;
            }
        }

        return true;
    }
}
