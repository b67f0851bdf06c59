namespace PiiExtProc.Scanning.Recognition;

/// <summary>Shape checks for the whole-value roles (no NER: names and addresses come from keys and shape only).</summary>
internal static class NameShape
{
    /// <summary>
    /// Index of the next copy of <paramref name="name"/> in <paramref name="text"/> at or after <paramref name="from"/>
    /// (ASCII letters in any case, other bytes exact) that is a whole name: no letter or digit, ASCII or not, continues
    /// it on either side (<c>Ravi Kumar</c> in <c>Ravi Kumaran</c> is none). Moves <paramref name="from"/> past the copy;
    /// -1 when there is none.
    /// </summary>
    public static int NextWholeCopy(ReadOnlySpan<byte> text, ref int from, ReadOnlySpan<byte> name)
    {
        static bool Continues(byte b) => Ascii.IsLetterOrDigit(b) || b >= 0x80;
        while (from <= text.Length - name.Length)
        {
            int k = Ascii.IndexOfIgnoreCase(text[from..], name);
            if (k < 0)
            {
                break;
            }

            int at = from + k;
            int end = at + name.Length;
            if ((at == 0 || !Continues(text[at - 1])) && (end == text.Length || !Continues(text[end])))
            {
                from = end;
                return at;
            }

            from = at + 1;
        }

        return -1;
    }

    /// <summary>Longest value taken as one street or city part of an address object, bytes (UTF-8).</summary>
    public const int MaxAddressPartBytes = 256;

    /// <summary>True when <paramref name="value"/> has a letter (ASCII, or any byte of a non-ASCII UTF-8 character): a part of an address, not a bare number.</summary>
    public static bool HasLetterByte(ReadOnlySpan<byte> value)
    {
        foreach (byte b in value)
        {
            if (IsLetterByte(b))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An ASCII letter, or any byte of a non-ASCII UTF-8 character (taken as a letter: no NER, no Unicode tables).</summary>
    private static bool IsLetterByte(byte b) => Ascii.IsLetter(b) || b >= 0x80;

    /// <summary>
    /// A byte a name word is read over in free text (salutation, honorific, mailbox and run-on pair names): a letter
    /// (<see cref="IsLetterByte"/>) or <c>.</c>, <c>'</c>, <c>-</c>.
    /// </summary>
    public static bool IsWordByte(byte b) => IsLetterByte(b) || b is (byte)'.' or (byte)'\'' or (byte)'-';

    /// <summary>
    /// Counts the words of a name (letters, including any non-ASCII UTF-8 letter bytes, with <c>.</c>, <c>'</c> and
    /// <c>-</c> inside); returns 0 when the value has a digit or another symbol, or is longer than 100 bytes. One comma
    /// right after the first word is the surname-first form of bank, airline and CRM records (<c>Kumar, Ravi</c>,
    /// <c>KUMAR, RAVI K</c>).
    /// </summary>
    public static int Words(ReadOnlySpan<byte> value)
    {
        if (value.Length > 100)
        {
            return 0;
        }

        int words = 0;
        bool inWord = false;
        foreach (byte b in value)
        {
            if (b == ' ')
            {
                inWord = false;
                continue;
            }

            if (b == ',')
            {
                // Only right after the first word (a second comma comes after the second word).
                if (words != 1 || !inWord)
                {
                    return 0;
                }

                inWord = false;
                continue;
            }

            bool letter = IsLetterByte(b);
            if (!letter && !(inWord && b is (byte)'.' or (byte)'\'' or (byte)'-'))
            {
                return 0;
            }

            if (!inWord)
            {
                words++;
                inWord = true;
            }
        }

        return words;
    }

    /// <summary>
    /// True when a value has a word, ASCII case-insensitively, that a business, a team or a placeholder has and a person's
    /// name does not: legal forms and trades (<c>Pvt</c>, <c>Ltd</c>, <c>LLP</c>, <c>Traders</c>, <c>Enterprises</c>,
    /// <c>Logistics</c>, <c>Bank</c>, <c>Hospital</c>...), teams and systems (<c>Team</c>, <c>Support</c>, <c>App</c>,
    /// <c>Admin</c>...), placeholders (<c>Guest</c>, <c>Customer</c>, <c>Walk</c> <c>In</c>, <c>Test</c>, <c>Unknown</c>,
    /// <c>Same</c> <c>As</c> <c>Above</c>...). Words are split at spaces, commas, dots and hyphens; words longer than 16
    /// bytes are not looked up. Used under party keys (<see cref="ValueRole.PartyName"/>), where a company
    /// (<c>"shipper": "Acme Traders Pvt Ltd"</c>) or a placeholder (<c>"customer": "Walk In Customer"</c>) is as likely
    /// as a person.
    /// </summary>
    public static bool HasOrganisationWord(ReadOnlySpan<byte> value) => HasListedWord(value, s_organisationWordLookup);

    /// <summary>
    /// True when a value has a word, ASCII case-insensitively, that places have and a person's name does not: streets and
    /// roads (<c>Road</c>, <c>Marg</c>, <c>Lane</c>, <c>Cross</c>), localities (<c>Nagar</c>, <c>Colony</c>, <c>Layout</c>,
    /// <c>Sector</c>, <c>Vihar</c>), buildings (<c>Apartments</c>, <c>Towers</c>, <c>Residency</c>, <c>Enclave</c>),
    /// landmarks (<c>Near</c>, <c>Opp</c>, <c>Behind</c>) and districts (<c>Taluk</c>, <c>Dist</c>). Words are split as
    /// in <see cref="HasOrganisationWord"/>. Used where the first line of an address block may be the addressee's name
    /// (<c>Ravi Kumar</c>) or the first line of the address (<c>Green Park Enclave</c>).
    /// </summary>
    public static bool HasPlaceWord(ReadOnlySpan<byte> value) => HasListedWord(value, s_placeWordLookup);

    /// <summary>True when a word of <paramref name="value"/> (split at spaces, commas, dots and hyphens) is in <paramref name="list"/>.</summary>
    private static bool HasListedWord(ReadOnlySpan<byte> value, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> list)
    {
        int i = 0;
        while (i < value.Length)
        {
            int start = i;
            while (i < value.Length && value[i] is not ((byte)' ' or (byte)',' or (byte)'.' or (byte)'-'))
            {
                i++;
            }

            if (Ascii.IsListedLowercase(value[start..i], list))
            {
                return true;
            }

            i++;
        }

        return false;
    }

    private static readonly HashSet<string> s_organisationWords = new(StringComparer.Ordinal)
    {
        // legal forms
        "pvt", "private", "ltd", "limited", "llp", "llc", "inc", "incorporated", "corp", "corporation", "co", "company",
        "plc", "gmbh", "opc",
        // trades and kinds of business
        "bank", "services", "service", "technologies", "technology", "tech", "solutions", "enterprises", "enterprise",
        "traders", "trading", "stores", "store", "mart", "retail", "industries", "logistics", "express", "courier",
        "couriers", "cargo", "foods", "pharma", "pharmacy", "pharmaceuticals", "hospital", "hospitals", "clinic",
        "clinics", "labs", "laboratories", "laboratory", "diagnostics", "school", "college", "university", "institute",
        "academy", "agency", "agencies", "associates", "trust", "foundation", "society", "centre", "center",
        "international", "global", "online", "shop", "hotel", "hotels", "resort", "airlines",
        "airways", "travels", "tours", "motors", "electronics", "fashion", "textiles", "jewellers", "sweets", "bakery",
        "restaurant", "cafe", "medical", "medicals", "healthcare", "insurance", "finance", "financial", "capital",
        "securities", "ventures", "holdings", "partners", "government", "ministry", "office", "branch", "warehouse",
        "hub", "depot", "india", "bharat",
        // teams and systems
        "team", "department", "dept", "support", "helpdesk", "desk", "admin", "administrator", "system", "group",
        "app", "apps", "application", "android", "ios", "iphone", "web", "website", "portal", "bot", "api", "server",
        "mobile", "device", "browser",
        // placeholders
        "guest", "user", "customer", "passenger", "anonymous", "unknown", "test", "demo", "sample", "dummy", "default",
        "valued", "dear", "walk", "walkin", "none", "null", "nil", "self", "same", "above", "available", "applicable",
        "provided",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_organisationWordLookup =
        s_organisationWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_placeWordLookup = new HashSet<string>(StringComparer.Ordinal)
    {
        // streets and roads
        "road", "rd", "marg", "street", "st", "lane", "ln", "gali", "cross", "main", "avenue", "ave", "highway", "bypass",
        "circle", "chowk", "junction", "square",
        // localities
        "nagar", "colony", "layout", "sector", "phase", "block", "extension", "extn", "vihar", "bagh", "puram", "pur",
        "ward", "lines", "vill",
        "halli", "palya", "pet", "peth", "ganj", "wadi", "mohalla", "basti", "village", "town", "park", "garden",
        "gardens", "market", "bazar", "bazaar", "enclave", "estate",
        // buildings
        "apartment", "apartments", "apts", "apt", "tower", "towers", "residency", "residences", "heights", "villa",
        "villas", "complex", "building", "bldg", "plaza", "arcade", "mansion", "niwas", "nivas", "bhavan", "bhawan",
        "sadan", "floor", "flat", "wing",
        // landmarks and districts
        "near", "opp", "opposite", "behind", "beside", "taluk", "taluka", "tehsil", "district", "dist", "post", "po",
        "city", "west", "east", "north", "south",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// True when an address value has street, city and PIN parts (Guardian rule B.3): at least 10 bytes, a separator, and
    /// either a 6-digit PIN or at least two separators. A separator is a comma or a line feed (<c>12 MG Road\nKoramangala\n
    /// Bengaluru 560034</c>: an address form's lines, a courier label).
    /// </summary>
    public static bool LooksLikeAddress(ReadOnlySpan<byte> value)
    {
        if (value.Length < 10)
        {
            return false;
        }

        // Line feeds are counted only when commas do not decide: most addresses have two commas or more.
        int separators = value.Count((byte)',');
        if (separators < 2)
        {
            separators += value.Count((byte)'\n');
        }

        if (separators == 0)
        {
            return false;
        }

        if (separators >= 2)
        {
            return true;
        }

        return Ascii.HasDigitRun(value, 6);
    }
}
