using System.Text;
using PiiExtProc.Scanning.Matching;
using static PiiExtProc.Scanning.Recognition.BuiltInId;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// Every literal keyword of one scanner compiled into one byte-level Aho-Corasick automaton (ASCII case-insensitive):
/// JSON key words and context words per entity, negative words, person-name qualifiers, UPI PSP handles and the
/// deny-list terms. Immutable and thread-safe; built once in <see cref="PiiScanner.Create"/>.
/// </summary>
/// <remarks>
/// Uses: JSON key classification (each normalised key token and the whole normalised key matched exactly,
/// <see cref="AhoCorasickAutomaton.TryMatchExact"/>); context words in the <see cref="Detector.ContextWindow"/> bytes
/// before a candidate (<see cref="AhoCorasickAutomaton.FindAll{TSink}"/>, whole words only); UPI handles (exact);
/// deny-list terms at a word start (<see cref="AhoCorasickAutomaton.FindPrefixes{TSink}"/>, whole word).
/// </remarks>
internal sealed class KeywordTable
{
    private readonly AhoCorasickAutomaton _automaton;
    private readonly KeywordInfo[] _infos;
    private readonly SharedKeyClassCache _keyClasses = new();

    /// <summary>Compiles the built-in lists and <paramref name="denyList"/>.</summary>
    /// <exception cref="ScannerConfigurationException">A deny-list term is empty.</exception>
    public KeywordTable(IReadOnlyList<DenyListEntry> denyList)
    {
        var entries = new Dictionary<string, KeywordInfo>(StringComparer.Ordinal);
        void Merge(string word, uint key, uint context, KeywordFlags flags, PiiEntity? deny)
        {
            string folded = FoldAscii(word);
            KeywordInfo old = entries.GetValueOrDefault(folded);
            entries[folded] = new KeywordInfo(old.KeyEntities | key, old.ContextEntities | context, old.Flags | flags, old.DenyEntity ?? deny);
        }

        foreach (KeyValuePair<string, uint> pair in Keywords.KeyWords())
        {
            Merge(pair.Key, pair.Value, 0, KeywordFlags.None, null);
        }

        foreach (KeyValuePair<string, uint> pair in Keywords.ContextWords())
        {
            Merge(pair.Key, 0, pair.Value, KeywordFlags.None, null);
        }

        foreach (string word in Keywords.NegativeWords)
        {
            Merge(word, 0, 0, KeywordFlags.Negative, null);
        }

        foreach (string word in Keywords.CompoundHeads)
        {
            Merge(word, 0, 0, KeywordFlags.CompoundHead, null);
        }

        foreach (string word in Keywords.PersonQualifiers)
        {
            Merge(word, 0, 0, KeywordFlags.PersonQualifier, null);
        }

        foreach (string handle in EmailAndUpiRecognizer.Handles)
        {
            Merge(handle, 0, 0, KeywordFlags.UpiHandle, null);
        }

        foreach (DenyListEntry entry in denyList)
        {
            if (string.IsNullOrEmpty(entry?.Term) || entry.Entity is null)
            {
                throw new ScannerConfigurationException("A deny-list entry has an empty term or no entity.");
            }

            Merge(entry.Term, 0, 0, KeywordFlags.Deny, entry.Entity);
            HasDenyTerms = true;
        }

        var builder = new AhoCorasickBuilder(ignoreAsciiCase: true);
        _infos = new KeywordInfo[entries.Count];
        int index = 0;
        foreach (KeyValuePair<string, KeywordInfo> pair in entries)
        {
            builder.Add(Encoding.UTF8.GetBytes(pair.Key), index);
            _infos[index++] = pair.Value;
        }

        _automaton = builder.Build();
        var denyFirst = new List<byte>();
        foreach (KeyValuePair<string, KeywordInfo> pair in entries)
        {
            if (pair.Value.DenyEntity is not null)
            {
                byte first = Encoding.UTF8.GetBytes(pair.Key)[0];
                denyFirst.Add(first);
                denyFirst.Add(Ascii.ToUpper(first));
            }
        }

        DenyFirstBytes = [.. denyFirst.Distinct()];
    }

    /// <summary>True when the options have deny-list terms.</summary>
    public bool HasDenyTerms { get; }

    /// <summary>The first bytes of the deny-list terms, both ASCII cases.</summary>
    public byte[] DenyFirstBytes { get; }

    /// <summary>Number of distinct keywords compiled.</summary>
    public int Count => _infos.Length;

    /// <summary>The meaning of keyword payload <paramref name="payload"/>.</summary>
    public KeywordInfo Info(int payload) => _infos[payload];

    /// <summary>The entry of a whole word (ASCII case-insensitive), or default.</summary>
    public KeywordInfo Exact(ReadOnlySpan<byte> word) =>
        word.Length <= Keywords.MaxWordLength && _automaton.TryMatchExact(word, out int payload) ? _infos[payload] : default;

    /// <summary>True when <paramref name="handle"/> (the part after <c>@</c>) is a known UPI PSP handle.</summary>
    public bool IsUpiHandle(ReadOnlySpan<byte> handle) =>
        _automaton.TryMatchExact(handle, out int payload) && (_infos[payload].Flags & KeywordFlags.UpiHandle) != 0;

    /// <summary>
    /// The nearest whole context word or negative word in the <paramref name="window"/> bytes before
    /// <paramref name="position"/>; a word cut by the window start does not count.
    /// </summary>
    /// <remarks>
    /// Searched backwards from <paramref name="position"/>: at each word start (the span start or a byte after a
    /// non-alphanumeric one) the keywords that begin there and end by <paramref name="position"/> are walked
    /// (<see cref="AhoCorasickAutomaton.FindPrefixes{TSink}"/>), and the first start with a counting word decides. The
    /// nearest word is usually one or two words back, so this reads fewer bytes than a search of the whole window
    /// (<see cref="ContextByWindowSearch"/>, the reference it equals: the nearest counting word is the one that starts
    /// last, and every keyword occurrence inside the window is a prefix of the text from its start).
    /// </remarks>
    public void Context(ReadOnlySpan<byte> text, int position, int window, out uint entities, out bool negative)
    {
        int windowStart = Math.Max(0, position - window);
        ReadOnlySpan<byte> head = text[..position];
        var sink = new ContextSink(text, windowStart, position, this);
        for (int start = position - 1; start >= windowStart; start--)
        {
            if (!Ascii.IsWordStart(head, start))
            {
                continue;
            }

            sink.Base = start;
            _automaton.FindPrefixes(head[start..], ref sink);
            if (sink.Found)
            {
                break;
            }
        }

        entities = sink.Entities;
        negative = sink.Negative;
        if (sink.DecidedByCompoundHead)
        {
            WordBeforeCompoundHead(text, windowStart, sink.WordStart, ref entities, ref negative);
        }
    }

    /// <summary>
    /// For a deciding word that is a compound head (<see cref="KeywordFlags.CompoundHead"/>, <c>number</c>): the word
    /// right before it (after one or two spaces, <c>_</c>, <c>-</c> or <c>.</c>, whole and inside the window) decides
    /// instead when it is a context or negative word, in its exact or plural form.
    /// </summary>
    private void WordBeforeCompoundHead(ReadOnlySpan<byte> text, int windowStart, int headStart, ref uint entities, ref bool negative)
    {
        // A camelCase head (orderNumber) has its word right before it; a separated one (order number) after one or two
        // separators.
        bool hump = headStart > windowStart && Ascii.IsLetterOrDigit(text[headStart - 1]);
        int end = headStart;
        while (!hump && end > windowStart && headStart - end < 2 && text[end - 1] is (byte)' ' or (byte)'_' or (byte)'-' or (byte)'.')
        {
            end--;
        }

        int start = end;
        while (start > windowStart && Ascii.IsLetterOrDigit(text[start - 1]))
        {
            start--;
            if (Ascii.IsWordStart(text, start))
            {
                break;
            }
        }

        if (start == end || (end == headStart && !hump) || !Ascii.IsWordStart(text, start))
        {
            return;
        }

        ReadOnlySpan<byte> word = text[start..end];
        KeywordInfo info = Exact(word);
        if (info.ContextEntities == 0 && !info.IsNegative && word.Length > 2 && word[^1] is (byte)'s' or (byte)'S')
        {
            info = Exact(word[..^1]);
        }

        if (info.ContextEntities != 0 || info.IsNegative)
        {
            entities = info.ContextEntities;
            negative = entities == 0;
        }
    }

    /// <summary>
    /// <see cref="Context"/> by one forward search of the whole window with the automaton: the reference the backward
    /// search is tested against.
    /// </summary>
    internal void ContextByWindowSearch(ReadOnlySpan<byte> text, int position, int window, out uint entities, out bool negative)
    {
        int windowStart = Math.Max(0, position - window);
        var sink = new ContextSink(text, windowStart, position, this);
        AutomatonCursor cursor = AutomatonCursor.Start;
        _automaton.FindAll(text[windowStart..position], ref cursor, ref sink);
        entities = sink.Entities;
        negative = sink.Negative;
        if (sink.DecidedByCompoundHead)
        {
            WordBeforeCompoundHead(text, windowStart, sink.WordStart, ref entities, ref negative);
        }
    }

    /// <summary>
    /// Union of the context entities of every whole context word in <paramref name="text"/> from
    /// <paramref name="start"/> to <paramref name="end"/> (a word cut by <paramref name="start"/> does not count): an upper
    /// bound of <see cref="Context"/> for any window inside that part.
    /// </summary>
    public uint AnyContextEntities(ReadOnlySpan<byte> text, int start, int end)
    {
        var sink = new AnyContextSink(text, start, end, this);
        AutomatonCursor cursor = AutomatonCursor.Start;
        _automaton.FindAll(text[start..end], ref cursor, ref sink);
        return sink.Entities;
    }

    /// <summary>
    /// The longest deny-list term starting at <paramref name="start"/> (a word start) and ending at a word end whose
    /// entity passes; returns its end or -1.
    /// </summary>
    public int MatchDeny(ReadOnlySpan<byte> text, int start, Detector detector, out PiiEntity? entity)
    {
        var sink = new DenySink(text, start, detector, this);
        _automaton.FindPrefixes(text[start..], ref sink);
        entity = sink.Entity;
        return sink.End;
    }

    /// <summary>
    /// Classifies a JSON property name (raw UTF-8, unescaped). Splits it into lower-case tokens at non-alphanumerics
    /// and camelCase boundaries (<c>customerPhoneNumber</c> → customer, phone, number) and matches each token and the
    /// concatenation exactly against the key words (a trailing plural <c>s</c> tolerated).
    /// </summary>
    /// <remarks>Results for keys of at most <see cref="SharedKeyClassCache.MaxKeyBytes"/> bytes are cached for the scanner.</remarks>
    public KeyClass ClassifyKey(ReadOnlySpan<byte> key)
    {
        if (key.IsEmpty || key.Length > SharedKeyClassCache.MaxKeyBytes)
        {
            return ClassifyKeyUncached(key);
        }

        uint hash = Sessions.KeyClassCache.Hash(key);
        if (_keyClasses.TryGet(key, hash, out KeyClass cached))
        {
            return cached;
        }

        KeyClass result = ClassifyKeyUncached(key);
        _keyClasses.Add(key, hash, result);
        return result;
    }

    /// <summary>Classifies a key without the cache (see <see cref="ClassifyKey"/>).</summary>
    internal KeyClass ClassifyKeyUncached(ReadOnlySpan<byte> key)
    {
        const int MaxTokens = 8;
        Span<char> lower = stackalloc char[64];
        Span<byte> lowerBytes = stackalloc byte[64];
        Span<int> starts = stackalloc int[MaxTokens];
        Span<int> lengths = stackalloc int[MaxTokens];
        int count = SplitKey(key, lower, lowerBytes, starts, lengths, out int n, out _);
        if (count == 0)
        {
            return KeyClass.None;
        }

        uint entities = KeyEntities(lowerBytes[..n]);
        bool negative = false;
        for (int t = 0; t < count; t++)
        {
            ReadOnlySpan<byte> token = lowerBytes.Slice(starts[t], lengths[t]);
            entities |= KeyEntities(token);

            // A key that ends in message or msg (message, error_message, logMsg) holds prose, whose own words say what a
            // number in it is ("order 9876543210"); message_id and msg_seq stay negative.
            negative |= IsNegative(token) && !(t == count - 1 && Keywords.NamesProse(token));
        }

        ReadOnlySpan<char> last = lower.Slice(starts[count - 1], lengths[count - 1]);
        ReadOnlySpan<char> beforeLast = count > 1 ? lower.Slice(starts[count - 2], lengths[count - 2]) : default;
        bool qualifier = count > 1
            && (Exact(lowerBytes.Slice(starts[count - 2], lengths[count - 2])).Flags & KeywordFlags.PersonQualifier) != 0;
        ValueRole role = Keywords.RoleOf(last, beforeLast, qualifier, count, lower[..n]);
        if (role == ValueRole.PostalAddress && (entities & ~Bit(PinCode)) != 0)
        {
            // ip_address, email_address, mac_address, upi_address: the key names another entity. postal_address and
            // pin_address name an address (with its PIN code).
            role = (entities & Bit(DeviceId)) != 0 ? ValueRole.DeviceId : ValueRole.None;
        }

        if (role == ValueRole.DeviceId)
        {
            entities |= Bit(DeviceId);
        }

        if (role == ValueRole.None && entities == 0)
        {
            // A flat address field of a record (street, address_line_1, city, shipping_city).
            role = Keywords.StandalonePartRoleOf(lower[..n], lower.Slice(starts[0], lengths[0]), count > 1 ? lower[starts[1]..n] : default);
        }

        if (entities != 0 || role is not (ValueRole.None or ValueRole.AddressHolder))
        {
            negative = false;
        }

        // Inside an address object, an address-named member (street_address) is a street part too.
        ValueRole memberPart = Keywords.AddressPartRoleOf(lower[..n]);
        if (memberPart == ValueRole.None)
        {
            memberPart = role == ValueRole.PostalAddress ? ValueRole.StreetPart : Keywords.NamePartRoleOf(lower[..n]);
        }

        bool messagingMobile = entities == 0 && role == ValueRole.None && Keywords.IsMobileWholeKey(lower[..n]);
        if (messagingMobile)
        {
            entities = Bit(Mobile);
            negative = false;
        }

        if (role == ValueRole.None && entities == 0 && !negative && memberPart == ValueRole.None
            && Keywords.NamesAPlace(last, lower[..n], starts[..count], lengths[..count], lower))
        {
            // delivery_location, dropoff, address_text: a full address only (the value's shape decides). Not a key that
            // is a part in an address object (addressLines, addressLocality).
            role = ValueRole.PlaceAddress;
        }

        return new KeyClass(entities, negative, role, memberPart, Keywords.AttributeMemberOf(lower[..n]))
        {
            MobileInStringsOnly = messagingMobile,
            PartInAddressHolder = memberPart is ValueRole.StreetPart or ValueRole.CityPart && Keywords.IsAddressHolderPart(lower[..n]),
            DeclaresColumns = Keywords.DeclaresColumns(lower[..n]),
            Wrapper = Keywords.TypedValueWrapperOf(lower[..n]),
        };
    }

    /// <summary>
    /// Splits a key into the lower-case tokens <see cref="ClassifyKey"/> reads: runs of ASCII letters and digits, a
    /// token also ending where a capital follows a lower-case letter (<c>customerName</c>, <c>shipping_address</c>,
    /// <c>ship-to</c>). Keeps at most <paramref name="lower"/>'s length of letters and digits and the first
    /// <paramref name="starts"/>' length of tokens.
    /// </summary>
    /// <param name="key">The key, UTF-8.</param>
    /// <param name="lower">Receives the kept letters and digits, lower case, without separators.</param>
    /// <param name="lowerBytes">The same as bytes; as long as <paramref name="lower"/>.</param>
    /// <param name="starts">Receives each kept token's start in <paramref name="lower"/>.</param>
    /// <param name="lengths">Receives each kept token's length; as long as <paramref name="starts"/>.</param>
    /// <param name="length">How many letters and digits were kept.</param>
    /// <param name="moreTokens">True when the key had more tokens than were kept.</param>
    /// <returns>How many tokens were kept.</returns>
    internal static int SplitKey(ReadOnlySpan<byte> key, Span<char> lower, Span<byte> lowerBytes, Span<int> starts, Span<int> lengths, out int length, out bool moreTokens)
    {
        int count = 0;
        int n = 0;
        int tokenStart = -1;
        byte previous = 0;
        moreTokens = false;
        for (int i = 0; i < key.Length && n < lower.Length; i++)
        {
            byte b = key[i];
            bool alnum = Ascii.IsLetterOrDigit(b);
            bool camelBreak = alnum && b is >= (byte)'A' and <= (byte)'Z' && previous is >= (byte)'a' and <= (byte)'z';
            if ((!alnum || camelBreak) && tokenStart >= 0)
            {
                AddToken(starts, lengths, ref count, tokenStart, n - tokenStart, ref moreTokens);
                tokenStart = -1;
            }

            if (alnum)
            {
                if (tokenStart < 0)
                {
                    tokenStart = n;
                }

                byte folded = b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;
                lowerBytes[n] = folded;
                lower[n++] = (char)folded;
            }

            previous = b;
        }

        if (tokenStart >= 0)
        {
            AddToken(starts, lengths, ref count, tokenStart, n - tokenStart, ref moreTokens);
        }

        length = n;
        return count;

        static void AddToken(Span<int> starts, Span<int> lengths, ref int count, int start, int length, ref bool moreTokens)
        {
            if (count < starts.Length)
            {
                starts[count] = start;
                lengths[count] = length;
                count++;
            }
            else
            {
                moreTokens = true;
            }
        }
    }

    /// <summary>True when a word (or the word without a trailing plural <c>s</c>) is a negative word.</summary>
    public bool IsNegative(ReadOnlySpan<byte> word) =>
        Exact(word).IsNegative || (word.Length > 2 && word[^1] is (byte)'s' or (byte)'S' && Exact(word[..^1]).IsNegative);

    /// <summary>
    /// The entities a key token names (<see cref="BuiltInId"/> bits): the word itself, else without a plural <c>s</c>, else
    /// without trailing digits (<c>phone1</c>, <c>email2</c>) when three letters or more remain.
    /// </summary>
    private uint KeyEntities(ReadOnlySpan<byte> word)
    {
        if (word.IsEmpty || word.Length > Keywords.MaxWordLength)
        {
            return 0;
        }

        uint mask = Exact(word).KeyEntities;
        if (mask != 0 || word.Length <= 2)
        {
            return mask;
        }

        if (word[^1] == 's')
        {
            return Exact(word[..^1]).KeyEntities;
        }

        // A numbered field (phone1, mobile2, telephone1, email2: Delhivery's Telephone1, forms' second phone): the word
        // before its digits, when it has three letters or more. Whole words with digits (ipv4) matched above.
        int letters = word.Length;
        while (letters > 0 && Ascii.IsDigit(word[letters - 1]))
        {
            letters--;
        }

        return letters >= 3 && letters < word.Length ? Exact(word[..letters]).KeyEntities : 0;
    }

    private static string FoldAscii(string word) =>
        string.Create(word.Length, word, static (span, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                char c = source[i];
                span[i] = c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
            }
        });
}
