using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using static PiiExtProc.Scanning.Recognition.BuiltInId;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// The compiled recognizers of one <see cref="ScannerOptions"/>, run over one span of UTF-8 text at a time (a decoded
/// JSON value with its key, or a text record). Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>Pipeline per span: whole-value key roles (names, addresses, device IDs) → a vectorised skip
/// (<see cref="SearchValues{T}"/>, <see cref="MemoryExtensions.IndexOfAny{T}(ReadOnlySpan{T}, SearchValues{T})"/>) to the
/// bytes that can start a candidate (digits, <c>@</c>, <c>:</c>, deny-list first bytes) → a tokenizer at each candidate
/// (<see cref="DigitRun"/> for numbers, the enclosing alphanumeric word, the <c>local@domain</c> around an <c>@</c>,
/// the hex-colon token around a <c>:</c>) → recognizers and validators → context words from the
/// <see cref="ContextWindow"/> bytes before the candidate and from the JSON key → threshold → overlap resolution
/// (key evidence, then context evidence, then score, then length) → allow list.</para>
/// <para>Clean text costs one <c>IndexOfAny</c> pass; only candidates run recognizers, and the context window is read only
/// when a candidate has a shape some enabled recognizer accepts.</para>
/// </remarks>
internal sealed partial class Detector
{
    /// <summary>Bytes before a candidate searched for context words (Presidio uses 5 words; 48 bytes holds 5-8 words).</summary>
    public const int ContextWindow = 48;

    /// <summary>Most digits considered in one candidate number (19-digit cards plus a prefix and slack).</summary>
    internal const int MaxSpanDigits = 24;

    private static readonly SearchValues<byte> s_baseTriggers = SearchValues.Create("0123456789@:"u8);

    private readonly float[] _thresholds = new float[Count];
    private readonly Dictionary<PiiEntity, float> _customThresholds = new(ReferenceEqualityComparer.Instance);
    private readonly SearchValues<byte> _triggers;

    /// <summary>The bytes of <see cref="_triggers"/>, as a table for short spans.</summary>
    private readonly bool[] _isTrigger = new bool[256];
    private readonly bool[] _denyFirst = new bool[256];
    private readonly KeywordTable _keywords;
    private readonly CustomRecognizer[] _custom;
    private readonly AllowRule[] _allow;

    public Detector(ScannerOptions options, KeywordTable keywords)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(keywords);
        Array.Fill(_thresholds, float.PositiveInfinity);
        foreach (KeyValuePair<PiiEntity, EntitySettings> pair in options.Entities)
        {
            float t = pair.Value.ScoreThreshold;
            if (float.IsNaN(t) || t < 0 || t > 1)
            {
                throw new ScannerConfigurationException($"Entity '{pair.Key.Name}': score threshold must be in [0, 1].");
            }

            int id = Of(pair.Key);
            if (id >= 0)
            {
                _thresholds[id] = t;
                EnabledMask |= Bit(id);
            }
            else
            {
                _customThresholds[pair.Key] = t;
            }
        }

        _custom = options.CustomRecognizers.Select(CustomRecognizer.Compile).ToArray();
        _allow = options.AllowList.Select(AllowRule.Compile).ToArray();
        _keywords = keywords;
        if (!keywords.HasDenyTerms)
        {
            _triggers = s_baseTriggers;
        }
        else
        {
            foreach (byte b in keywords.DenyFirstBytes)
            {
                _denyFirst[b] = true;
            }

            _triggers = SearchValues.Create("0123456789@:"u8.ToArray().Concat(keywords.DenyFirstBytes).Distinct().ToArray());
        }

        for (int b = 0; b < 256; b++)
        {
            _isTrigger[b] = _triggers.Contains((byte)b);
        }
    }

    /// <summary>The scanner's compiled keywords (key words, context words, UPI handles, deny-list terms).</summary>
    public KeywordTable Keywords => _keywords;

    /// <summary>
    /// Longest JSON number token, bytes, that cannot hold a built-in match: at most 5 digits in at most 2 groups
    /// (<c>-12.5</c>, <c>1e10</c>), while digit recognizers need 6 or 9-19 digits or 3-4 groups and word recognizers
    /// 8 or more characters (a 4-character word is only the start of a grouped IBAN of 15 or more).
    /// </summary>
    public const int ShortNumberBytes = 5;

    /// <summary>
    /// True when only built-in recognizers run (no custom recognizers, no deny-list terms, which could match any
    /// text): short JSON numbers (<see cref="ShortNumberBytes"/>) can be skipped and <see cref="Sessions.CleanJsonProof"/>
    /// applies.
    /// </summary>
    public bool OnlyBuiltInRecognizers => _custom.Length == 0 && !_keywords.HasDenyTerms;

    /// <summary>Built-in entities enabled by the options.</summary>
    public uint EnabledMask { get; }

    /// <summary>True when custom recognizers exist (they need the key name).</summary>
    public bool HasCustomRecognizers => _custom.Length > 0;

    /// <summary>
    /// True when a value is itself a document that the scan reads (<see cref="Scan"/> with <c>textRecord</c>: as JSON when
    /// it is one whole JSON object or array, else by its key-value pairs and elements): it starts with <c>{</c>, <c>[</c>
    /// or <c>&lt;</c>, as stringified JSON (a webhook's or a log event's <c>"payload": "{\"customer_name\": ...}"</c>), XML
    /// or HTML in a JSON string or a form value does. Its names and addresses then count in the enclosing record.
    /// </summary>
    public static bool IsEmbeddedDocument(ReadOnlySpan<byte> value) => value.Length >= 2 && value[0] is (byte)'{' or (byte)'[' or (byte)'<';

    /// <summary>
    /// Scans <paramref name="text"/> and appends its matches, non-overlapping, in order, thresholded, with allow-list
    /// exemptions marked.
    /// </summary>
    /// <param name="text">UTF-8 text: a decoded JSON string, a JSON number's text, or a text record.</param>
    /// <param name="key">What the JSON key says (<see cref="KeyClass.None"/> in text).</param>
    /// <param name="keyName">The raw JSON property name (for custom recognizers' context words); empty in text.</param>
    /// <param name="output">Receives the matches.</param>
    /// <param name="textRecord">True for a text record. A text record, and any value that is an embedded document
    /// (<see cref="IsEmbeddedDocument"/>, decided here for every caller: JSON strings, form values, CSV fields), that is
    /// a whole JSON object or array is read as JSON (<see cref="TryScanEmbeddedJson"/>); otherwise
    /// <c>name: VALUE</c> / <c>address=VALUE</c> pairs, <c>&lt;name&gt;VALUE&lt;/name&gt;</c> elements and HTML form controls
    /// are recognized too (<see cref="ScanKeyValuePairs"/>, <see cref="ScanXmlElements"/>, <see cref="ScanFormControls"/>), and
    /// outside markup addresses in prose (<see cref="AddProseAddresses"/>). When false, pairs (not elements) and addresses in
    /// prose are still recognized in a value whose key names no role and no entity (free text: a message, a note, a
    /// query).</param>
    /// <param name="inLineNames">False when the caller knows <paramref name="text"/> holds no capitalized honorific
    /// initial after a space or <c>(</c>, no introduction cue and no quoted salutation
    /// (<see cref="SalutationName.MayHoldInLineOrIntroducedName"/> of the bytes it was sliced from), so the searches for
    /// names after an honorific inside a line, for introduced names and for names after a quoted salutation are skipped;
    /// the result is the same.</param>
    public void Scan(ReadOnlySpan<byte> text, KeyClass key, ReadOnlySpan<byte> keyName, List<RawMatch> output, bool textRecord = false, bool inLineNames = true) =>
        ScanSpan(text, key, keyName, output, textRecord || IsEmbeddedDocument(text), encodedQueries: true, inLineNames);

    /// <summary><see cref="Scan(ReadOnlySpan{byte}, KeyClass, ReadOnlySpan{byte}, List{RawMatch}, bool, bool)"/>, with URL
    /// query values decoded and scanned only when <paramref name="encodedQueries"/> (not inside a decoded value).</summary>
    private void ScanSpan(ReadOnlySpan<byte> text, KeyClass key, ReadOnlySpan<byte> keyName, List<RawMatch> output, bool textRecord, bool encodedQueries, bool inLineNames = true)
    {
        int first = output.Count;
        if (key.Role != ValueRole.None)
        {
            if (!(key.Role is ValueRole.PostalAddress or ValueRole.PlaceAddress && AddAddresseeBlock(text, 0, text.Length, fromText: false, output, first))
                && !AddWholeValue(text, 0, text.Length, key.Role, fromText: false, output, first)
                && !(key.Role == ValueRole.PartyName && AddPartyValue(text, 0, text.Length, fromText: false, output, first) > 0)
                && key.Role is ValueRole.PersonName or ValueRole.PartyName
                && LeadingCapitalizedNameEnd(text, 0, text.Length) is int nameEnd and > 0)
            {
                // "Ravi Kumar (Gold member)", "Ravi Kumar 9876543210": the name is the leading capitalized words.
                AddWholeValue(text, 0, nameEnd, key.Role, fromText: false, output, first);
            }

            if (textRecord && output.Count == first + 1 && output[first].NamePart != ValueRole.None && StartsLikeJson(text)
                && JsonShape.IsOneDocument(text, MaxEmbeddedJsonDepth))
            {
                // A short value under an address key is read as the street of a flat record; a whole JSON document there
                // ("address": "{\"line1\": ..., \"city\": ...}") is an address object, read as JSON below instead.
                output.RemoveAt(first);
            }
        }

        // One whole JSON document: each value is scanned with its own key first (names and addresses by key role, keyed
        // entities); the candidate pass below still runs over the whole text, so a context word in a sibling value
        // ({"name":"mobile","value":"98765 43210"}) counts as it does in text.
        bool embeddedJson = textRecord && output.Count == first && StartsLikeJson(text) && TryScanEmbeddedJson(text, key, output);
        if (textRecord && !embeddedJson)
        {
            ScanKeyValuePairs(text, output, first);
            ScanDashPairs(text, output, first);
            bool markup = text.Contains((byte)'<');
            AddSalutationNames(text, output, first, inLineNames, quotedMessages: !markup);
            if (markup)
            {
                // One search for both markup passes: most log lines have no tag.
                ScanXmlElements(text, output, first);
                ScanFormControls(text, output, first);
                ScanMarkupLabels(text, output, first);
            }
            else
            {
                // Not in markup: its labels say whose an address is, and pages list stores' and couriers' addresses.
                AddProseAddresses(text, output, first);
            }
        }
        else if (!textRecord && key.Role == ValueRole.None && key.Entities == 0)
        {
            // Free text under a key that names nothing (a log event's message, a GraphQL query, a note) may hold
            // pairs: "Created order for Name: Ravi Kumar, Email: ...", and a message a salutation name: "Dear Ravi Kumar, ...".
            ScanKeyValuePairs(text, output, first);
            bool markup = text.Contains((byte)'<');
            AddSalutationNames(text, output, first, inLineNames, quotedMessages: !markup);
            if (!key.Negative && !markup)
            {
                // Not under a key that names something else (order_location), nor in markup (as in a text record).
                AddProseAddresses(text, output, first);
            }
        }

        int i = 0;
        while (i < text.Length)
        {
            int k = NextTrigger(text[i..]);
            if (k < 0)
            {
                break;
            }

            i += k;
            byte b = text[i];
            if (_keywords.HasDenyTerms && _denyFirst[b] && TryDeny(text, i, output, first, out int after))
            {
                i = after;
                continue;
            }

            if (Ascii.IsDigit(b))
            {
                i = OnDigit(text, i, key, output, first);
            }
            else if (b == '@')
            {
                i = OnAt(text, i, key, output, first);
            }
            else if (b == ':')
            {
                i = OnColon(text, i, key, output, first);
            }
            else
            {
                i++;
            }
        }

        if (encodedQueries)
        {
            ScanEncodedQueries(text, output, first);
        }

        if (output.Count > first)
        {
            AddMailboxNames(text, output, first);
            if (key.Role == ValueRole.None)
            {
                // Text, not a value that is itself a name or an address: a name found in it may be repeated further on.
                AddInLineRepeatedNames(text, output, first);
            }
        }

        if (_custom.Length > 0)
        {
            RunCustom(text, keyName, output, first);
        }

        if (_allow.Length > 0)
        {
            for (int m = first; m < output.Count; m++)
            {
                RawMatch match = output[m];
                foreach (AllowRule rule in _allow)
                {
                    if (rule.Allows(match.Entity, text.Slice(match.Start, match.Length)))
                    {
                        match.Allowed = true;
                        output[m] = match;
                        break;
                    }
                }
            }
        }
    }

    /// <summary>Shortest span searched with the vectorised <see cref="_triggers"/>; shorter ones (most JSON values) by table.</summary>
    private const int VectorSearchBytes = 32;

    /// <summary>Position of the first byte that can start a candidate, or -1.</summary>
    private int NextTrigger(ReadOnlySpan<byte> text)
    {
        if (text.Length >= VectorSearchBytes)
        {
            return text.IndexOfAny(_triggers);
        }

        bool[] isTrigger = _isTrigger;
        for (int i = 0; i < text.Length; i++)
        {
            if (isTrigger[text[i]])
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>True when <paramref name="entity"/> is enabled and <paramref name="score"/> reaches its threshold.</summary>
    public bool Passes(PiiEntity entity, int id, float score) =>
        score > 0 && (id >= 0 ? score >= _thresholds[id] : _customThresholds.TryGetValue(entity, out float t) && score >= t);

    /// <summary><see cref="Passes"/> for a built-in entity (by <see cref="BuiltInId"/>).</summary>
    private bool PassesBuiltIn(int id, float score) => score > 0 && score >= _thresholds[id];

    private int OnDigit(ReadOnlySpan<byte> text, int i, KeyClass key, List<RawMatch> output, int first)
    {
        int wordStart = i;
        while (wordStart > 0 && Ascii.IsLetterOrDigit(text[wordStart - 1]))
        {
            wordStart--;
        }

        bool underscoreBefore = wordStart > 0 && text[wordStart - 1] == '_';
        if (wordStart < i || underscoreBefore)
        {
            return OnWord(text, wordStart, key, output, first, underscoreBefore);
        }

        if (!DigitRun.Read(text, i, out DigitRun run))
        {
            return OnWord(text, wordStart, key, output, first, underscoreBefore: false);
        }

        if ((EnabledMask & (DigitOnlyMask | Bit(IpAddress))) == 0 || !MayHoldMatch(run))
        {
            return run.End;
        }

        byte before = run.Start > 0 ? text[run.Start - 1] : (byte)0;
        bool structuralNegative = before == '/'
            || (before is (byte)'-' or (byte)'#' && run.Start >= 2 && Ascii.IsLetterOrDigit(text[run.Start - 2]));
        var context = new LazyContext(run.Start);

        // The digit count of each group, once; a span's digits (at most MaxSpanDigits) are copied into one buffer as
        // the span grows.
        DigitRunBuffer lengthBuffer = default;
        SpanDigitBuffer digitBuffer = default;
        Span<int> lengths = lengthBuffer;
        Span<byte> digits = digitBuffer;
        for (int g = 0; g < run.Count; g++)
        {
            lengths[g] = run.GroupEnd(g) - run.GroupStart(g);
        }

        int s = 0;
        // A path or reference prefix (/123, ID-123) makes its token negative, not the numbers after a space in the run.
        bool spaceBefore = false;
        int spaceCheckedTo = 0;
        while (s < run.Count)
        {
            while (spaceCheckedTo < s)
            {
                spaceCheckedTo++;
                spaceBefore |= run.SeparatorBefore(spaceCheckedTo) is (byte)' ' or DigitRun.Parenthesis;
            }

            RawMatch best = default;
            int bestEnd = -1;

            // Two passes over the spans from s: first the entities the key names, whose matches have key evidence that no
            // other recognizer's match can beat (overlaps rank evidence first); the others only when none of them matched
            // (the same best as one pass over both, without running the others on the shorter spans of a keyed number).
            for (int pass = key.Entities == 0 ? 1 : 0; pass < 2 && bestEnd < 0; pass++)
            {
                uint passEntities = pass == 0 ? key.Entities : ~key.Entities;
                int n = 0;
                int separators = 0;
                for (int e = s; e < run.Count && e < s + 5; e++)
                {
                    int gs = run.GroupStart(e);
                    int gl = lengths[e];
                    if (n + gl > MaxSpanDigits)
                    {
                        break;
                    }

                    for (int b = 0; b < gl; b++)
                    {
                        digits[n + b] = text[gs + b];
                    }

                    n += gl;

                    if (e > s)
                    {
                        separators |= run.SeparatorBefore(e) switch
                        {
                            (byte)' ' => DigitSpan.Space,
                            (byte)'-' => DigitSpan.Hyphen,
                            (byte)'.' => DigitSpan.Dot,
                            DigitRun.Parenthesis => DigitSpan.Parenthesis,
                            _ => DigitSpan.Slash,
                        };
                    }

                    // Only the recognizers whose digit count or group count fits run (each rejects any other first).
                    uint possible = NumberEntities(n, e - s + 1) & EnabledMask & passEntities;
                    if (possible == 0)
                    {
                        continue;
                    }

                    bool dotAdjacent = (s > 0 && run.SeparatorBefore(s) == '.') || (e + 1 < run.Count && run.SeparatorBefore(e + 1) == '.');
                    bool groupAdjacent = (s > 0 && run.SeparatorBefore(s) is (byte)' ' or (byte)'-')
                        || (e + 1 < run.Count && run.SeparatorBefore(e + 1) is (byte)' ' or (byte)'-');
                    var span = new DigitSpan(digits[..n], lengths[s..(e + 1)], separators, s == 0 && run.Plus, dotAdjacent, groupAdjacent);

                    int start = s == 0 ? run.Start : run.GroupStart(s);
                    int end = run.GroupEnd(e);
                    context.Ensure(text, this);
                    bool negative = key.Negative || context.Negative || (structuralNegative && !spaceBefore);
                    ConsiderNumber(span, key, context.Entities, negative, start, end, ref best, ref bestEnd, e, possible);
                }
            }

            if (bestEnd >= 0)
            {
                Add(output, first, best);
                s = bestEnd + 1;
            }
            else
            {
                s++;
            }
        }

        return run.End;
    }

    /// <summary>
    /// False when no span of <paramref name="run"/> can pass <see cref="NumberEntities"/>: fewer than 3 groups holding fewer
    /// than 6 digits in all (timestamps, counters and status codes in text), so the spans need not be built.
    /// </summary>
    private static bool MayHoldMatch(in DigitRun run)
    {
        if (run.Count >= 3)
        {
            return true;
        }

        int digits = 0;
        for (int g = 0; g < run.Count; g++)
        {
            digits += run.GroupEnd(g) - run.GroupStart(g);
        }

        return digits >= 6;
    }

    /// <summary>
    /// The digit entities (<see cref="BuiltInId"/> bits) whose recognizers accept a span of <paramref name="digits"/>
    /// digits in <paramref name="groups"/> groups; each recognizer returns no score for any other count, so the others
    /// need not run. Mobile 10-12 digits, Aadhaar 12, Aadhaar VID 16, card 12-19, bank account 9-18, PIN code 6, date of
    /// birth 3 groups, IPv4 4 groups. Empty when the span cannot match at all (not 6 or 9-19 digits, nor 3 or 4
    /// groups).
    /// </summary>
    private static uint NumberEntities(int digits, int groups)
    {
        uint bits = 0;
        if (digits is >= 10 and <= 12)
        {
            bits |= Bit(Mobile);
        }

        if (digits == 12)
        {
            bits |= Bit(Aadhaar);
        }

        if (digits == 16)
        {
            bits |= Bit(AadhaarVirtualId);
        }

        if (digits is >= 12 and <= 19)
        {
            bits |= Bit(PaymentCard);
        }

        if (digits is >= 9 and <= 18)
        {
            bits |= Bit(BankAccount);
        }

        if (digits == 6)
        {
            bits |= Bit(PinCode);
        }

        if (groups == 3)
        {
            bits |= Bit(DateOfBirth);
        }

        if (groups == 4)
        {
            bits |= Bit(IpAddress);
        }

        return bits;
    }

    /// <summary>
    /// Runs the digit recognizers of the entities in <paramref name="enabled"/> (in a fixed order) on one candidate span
    /// and keeps the best match in <paramref name="best"/> (the first of equals).
    /// </summary>
    private void ConsiderNumber(in DigitSpan span, KeyClass key, uint contextEntities, bool negative, int start, int end,
        ref RawMatch best, ref int bestEnd, int e, uint enabled)
    {
        void Consider(int id, float score, string recognizer, Evidence evidence, ref RawMatch best, ref int bestEnd)
        {
            if (!PassesBuiltIn(id, score))
            {
                return;
            }

            var candidate = new RawMatch(PiiEntity.FromBuiltInIndex(id), start, end - start, score, recognizer, evidence);
            if (bestEnd < 0 || candidate.Beats(best))
            {
                RawMatch.Copy(candidate, ref best);
                bestEnd = e;
            }
        }

        Evidence Ev(int id) => EvidenceFor(id, key, contextEntities);
        bool Suppressed(int id) => negative && Ev(id) == Evidence.Pattern;

        if ((enabled & Bit(Mobile)) != 0 && !Suppressed(Mobile))
        {
            Consider(Mobile, MobileRecognizer.Score(span, Ev(Mobile)), MobileRecognizer.Name, Ev(Mobile), ref best, ref bestEnd);
        }

        if ((enabled & Bit(Aadhaar)) != 0 && !Suppressed(Aadhaar))
        {
            float score = AadhaarRecognizer.Score(span, Ev(Aadhaar), out string name);
            Consider(Aadhaar, score, name, Ev(Aadhaar), ref best, ref bestEnd);
        }

        if ((enabled & Bit(AadhaarVirtualId)) != 0 && !Suppressed(AadhaarVirtualId))
        {
            float score = AadhaarVirtualIdRecognizer.Score(span, Ev(AadhaarVirtualId), out string name);
            Consider(AadhaarVirtualId, score, name, Ev(AadhaarVirtualId), ref best, ref bestEnd);
        }

        if ((enabled & Bit(PaymentCard)) != 0 && !Suppressed(PaymentCard))
        {
            float score = PaymentCardRecognizer.Score(span, Ev(PaymentCard), out string name);
            Consider(PaymentCard, score, name, Ev(PaymentCard), ref best, ref bestEnd);
        }

        if ((enabled & Bit(BankAccount)) != 0)
        {
            Consider(BankAccount, BankAccountRecognizer.Score(span, Ev(BankAccount)), BankAccountRecognizer.Name, Ev(BankAccount), ref best, ref bestEnd);
        }

        if ((enabled & Bit(PinCode)) != 0)
        {
            Consider(PinCode, PinCodeRecognizer.Score(span, Ev(PinCode)), PinCodeRecognizer.Name, Ev(PinCode), ref best, ref bestEnd);
        }

        if ((enabled & Bit(DateOfBirth)) != 0)
        {
            Consider(DateOfBirth, DateOfBirthRecognizer.Score(span, Ev(DateOfBirth)), DateOfBirthRecognizer.Name, Ev(DateOfBirth), ref best, ref bestEnd);
        }

        if ((enabled & Bit(IpAddress)) != 0)
        {
            Consider(IpAddress, IpAddressRecognizer.ScoreVersion4(span, Ev(IpAddress), negative), IpAddressRecognizer.Version4Name, Ev(IpAddress), ref best, ref bestEnd);
        }
    }

    private static Evidence EvidenceFor(int id, KeyClass key, uint contextEntities) =>
        (key.Entities & Bit(id)) != 0 ? Evidence.Key
        : (contextEntities & Bit(id)) != 0 ? Evidence.ContextWord
        : Evidence.Pattern;

    private int OnWord(ReadOnlySpan<byte> text, int wordStart, KeyClass key, List<RawMatch> output, int first, bool underscoreBefore)
    {
        int end = wordStart;
        while (end < text.Length && Ascii.IsLetterOrDigit(text[end]))
        {
            end++;
        }

        bool joined = underscoreBefore || (end < text.Length && text[end] == '_');
        ReadOnlySpan<byte> word = text[wordStart..end];
        if (joined || word.Length is < 8 or > IbanRecognizer.MaxLength && word.Length != 4)
        {
            return end;
        }

        // Only a GSTIN starts with a digit (its state code); a passport, PAN, voter ID, IFSC or IBAN starts with a letter.
        // Most digit-first words are parts of timestamps and IDs ("33.123Z", "3f2a9c01"): no context is looked up for them.
        if (Ascii.IsDigit(word[0]) && word.Length != GstinRecognizer.Length)
        {
            return end;
        }

        var context = new LazyContext(wordStart);
        context.Ensure(text, this);
        if (BestWord(text, wordStart, ref end, key, context.Entities, out RawMatch best))
        {
            Add(output, first, best);
        }

        return end;
    }

    /// <summary>
    /// The best word candidate of <see cref="OnWord"/> for the word <paramref name="text"/>[<paramref name="wordStart"/>..
    /// <paramref name="end"/>) (8 to <see cref="IbanRecognizer.MaxLength"/> or 4 ASCII letters and digits): passport,
    /// PAN, voter ID, IFSC, GSTIN by length, IBAN (which may move <paramref name="end"/> past a grouped IBAN's spaces),
    /// with <paramref name="contextEntities"/> from the context window before the word. False when none passes.
    /// </summary>
    private bool BestWord(ReadOnlySpan<byte> text, int wordStart, ref int end, KeyClass key, uint contextEntities, out RawMatch best)
    {
        ReadOnlySpan<byte> word = text[wordStart..end];
        best = default;
        bool found = false;
        void Consider(int id, float score, string recognizer, int length, ref RawMatch best, ref bool found)
        {
            if ((EnabledMask & Bit(id)) == 0 || !PassesBuiltIn(id, score))
            {
                return;
            }

            var candidate = new RawMatch(PiiEntity.FromBuiltInIndex(id), wordStart, length, score, recognizer, EvidenceFor(id, key, contextEntities));
            if (!found || candidate.Beats(best))
            {
                RawMatch.Copy(candidate, ref best);
                found = true;
            }
        }

        Evidence Ev(int id) => EvidenceFor(id, key, contextEntities);
        switch (word.Length)
        {
            case 8:
                Consider(Passport, PassportRecognizer.Score(word, Ev(Passport)), PassportRecognizer.Name, 8, ref best, ref found);
                break;
            case 10:
                Consider(Pan, PanRecognizer.Score(word, Ev(Pan)), PanRecognizer.Name, 10, ref best, ref found);
                float voter = VoterIdRecognizer.Score(word, Ev(VoterId), out string voterName);
                Consider(VoterId, voter, voterName, 10, ref best, ref found);
                break;
            case 11:
                Consider(Ifsc, IfscRecognizer.Score(word, Ev(Ifsc)), IfscRecognizer.Name, 11, ref best, ref found);
                break;
            case GstinRecognizer.Length:
                float gstin = GstinRecognizer.Score(word, Ev(Gstin), out string gstinName);
                Consider(Gstin, gstin, gstinName, GstinRecognizer.Length, ref best, ref found);
                break;
            default:
                break;
        }

        if ((EnabledMask & Bit(Iban)) != 0 && (word.Length == 4 || word.Length >= 15))
        {
            WordBuffer ibanBuffer = default;
            int ibanEnd = ReadIban(text, wordStart, end, out Span<byte> compact, ibanBuffer);
            if (ibanEnd > 0)
            {
                Consider(Iban, IbanRecognizer.Score(compact), IbanRecognizer.Name, ibanEnd - wordStart, ref best, ref found);
                if (found && ReferenceEquals(best.Entity, PiiEntity.Iban))
                {
                    end = ibanEnd;
                }
            }
        }

        return found;
    }

    private static int ReadIban(ReadOnlySpan<byte> text, int start, int wordEnd, out Span<byte> compact, Span<byte> buffer)
    {
        compact = default;
        int n = 0;
        int p = start;
        int end = wordEnd;
        if (wordEnd - start >= 15)
        {
            if (wordEnd - start > IbanRecognizer.MaxLength)
            {
                return 0;
            }

            for (; p < wordEnd; p++)
            {
                buffer[n++] = Ascii.ToUpper(text[p]);
            }

            compact = buffer[..n];
            return wordEnd;
        }

        // Grouped: "GB82 WEST 1234 5698 7654 32": groups of four joined by single spaces, the last one 1-4 long.
        int groupStart = start;
        while (true)
        {
            int g = groupStart;
            while (g < text.Length && Ascii.IsLetterOrDigit(text[g]) && g - groupStart < 5)
            {
                g++;
            }

            int length = g - groupStart;
            if (length is 0 or > 4 || (g < text.Length && Ascii.IsLetterOrDigit(text[g])) || n + length > buffer.Length)
            {
                break;
            }

            for (int q = groupStart; q < g; q++)
            {
                buffer[n++] = Ascii.ToUpper(text[q]);
            }

            end = g;
            if (length < 4 || g + 1 >= text.Length || text[g] != ' ' || !Ascii.IsLetterOrDigit(text[g + 1]))
            {
                break;
            }

            groupStart = g + 1;
        }

        if (n < 15)
        {
            return 0;
        }

        compact = buffer[..n];
        return end;
    }

    private int OnAt(ReadOnlySpan<byte> text, int at, KeyClass key, List<RawMatch> output, int first)
    {
        int end = MatchAt(text, at, key, out RawMatch match, out bool found);
        if (found)
        {
            Add(output, first, match);
        }

        return end;
    }

    /// <summary>
    /// The <c>local@domain</c> candidate around the <c>@</c> at <paramref name="at"/>: its email or UPI match when one
    /// passes (<paramref name="found"/>); returns where scanning continues.
    /// </summary>
    private int MatchAt(ReadOnlySpan<byte> text, int at, KeyClass key, out RawMatch match, out bool found)
    {
        match = default;
        found = false;
        int localStart = at;
        while (localStart > 0 && at - localStart < EmailAndUpiRecognizer.MaxLocalLength
            && EmailAndUpiRecognizer.IsLocalByte(text[localStart - 1]))
        {
            localStart--;
        }

        while (localStart < at && text[localStart] is (byte)'.' or (byte)'-' or (byte)'+')
        {
            localStart++;
        }

        int end = at + 1;
        while (end < text.Length && end - at - 1 < EmailAndUpiRecognizer.MaxDomainLength && EmailAndUpiRecognizer.IsDomainByte(text[end]))
        {
            end++;
        }

        while (end > at + 1 && text[end - 1] is (byte)'.' or (byte)'-')
        {
            end--;
        }

        if ((EnabledMask & (Bit(Email) | Bit(UpiVpa))) == 0 || (end < text.Length && text[end] == '@'))
        {
            return end;
        }

        int id = EmailAndUpiRecognizer.Classify(text[localStart..at], text[(at + 1)..end], _keywords, out float score, out string recognizer);
        if (id < 0)
        {
            return at + 1;
        }

        var context = new LazyContext(localStart);
        context.Ensure(text, this);
        Evidence evidence = EvidenceFor(id, key, context.Entities);
        score = Scores.WithEvidence(score, evidence);
        PiiEntity entity = PiiEntity.FromBuiltInIndex(id);
        if (PassesBuiltIn(id, score))
        {
            match = new RawMatch(entity, localStart, end - localStart, score, recognizer, evidence);
            found = true;
        }

        return end;
    }

    private int OnColon(ReadOnlySpan<byte> text, int colon, KeyClass key, List<RawMatch> output, int first)
    {
        if ((EnabledMask & Bit(IpAddress)) == 0)
        {
            return colon + 1;
        }

        if (!IpAddressRecognizer.TryFindVersion6Token(text, colon, out int start, out int end))
        {
            return colon + 1;
        }

        var context = new LazyContext(start);
        context.Ensure(text, this);
        Evidence evidence = EvidenceFor(IpAddress, key, context.Entities);
        float score = IpAddressRecognizer.ScoreVersion6(text[start..end], evidence, key.Negative || context.Negative);
        if (Passes(PiiEntity.IpAddress, IpAddress, score))
        {
            Add(output, first, new RawMatch(PiiEntity.IpAddress, start, end - start, score, IpAddressRecognizer.Version6Name, evidence));
            return end;
        }

        return colon + 1;
    }

    private bool TryDeny(ReadOnlySpan<byte> text, int i, List<RawMatch> output, int first, out int after)
    {
        after = i + 1;
        if (i > 0 && Ascii.IsLetterOrDigit(text[i - 1]))
        {
            return false;
        }

        int end = _keywords.MatchDeny(text, i, this, out PiiEntity? entity);
        if (end < 0 || entity is null)
        {
            return false;
        }

        Add(output, first, new RawMatch(entity, i, end - i, Scores.Validated, "deny_list", Evidence.Key));
        after = end;
        return true;
    }

    /// <summary>Adds the whole-value match of <see cref="WholeValue"/> when there is one; false when there is none.</summary>
    private bool AddWholeValue(ReadOnlySpan<byte> text, int start, int end, ValueRole role, bool fromText, List<RawMatch> output, int first)
    {
        if (!WholeValue(text, start, end, role, fromText, out RawMatch match))
        {
            return false;
        }

        Add(output, first, match);
        return true;
    }

    /// <summary>
    /// The whole-value match of key role <paramref name="role"/> for <paramref name="text"/>[<paramref name="start"/>..
    /// <paramref name="end"/>) without surrounding spaces, tabs and line ends (2-5 name words, without an organisation
    /// or placeholder word under a party key; 1-3 for a name part, and one word under a name key is a first name part; an
    /// address shape, a street or city part of up to <see cref="NameShape.MaxAddressPartBytes"/> bytes with a letter, a
    /// device ID of 4-128 bytes without spaces), thresholded. False when the value has no such shape.
    /// </summary>
    private bool WholeValue(ReadOnlySpan<byte> text, int start, int end, ValueRole role, bool fromText, out RawMatch match)
    {
        match = default;
        while (start < end && text[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        while (end > start && text[end - 1] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            end--;
        }

        ReadOnlySpan<byte> value = text[start..end];
        if (value.IsEmpty)
        {
            return false;
        }

        if (role is ValueRole.PostalAddress or ValueRole.StreetPart or ValueRole.CityPart or ValueRole.PlaceAddress
            && value.IndexOf((byte)'@') >= 0 && value.IndexOfAny((byte)' ', (byte)'\t') < 0)
        {
            // One token with an @ under an address key is a mailbox, no street: a mail API's recipient
            // ({"name": "Ravi Kumar", "address": "ravi.k@example.com"}) is read as the email it is.
            return false;
        }

        switch (role)
        {
            case ValueRole.PersonName when NameShape.Words(value) is >= 2 and <= 5:
            case ValueRole.PartyName when NameShape.Words(value) is >= 2 and <= 5 && !NameShape.HasOrganisationWord(value):
                match = new RawMatch(PiiEntity.PersonName, start, end - start, Scores.KeyNamed, fromText ? "name.text_key" : "name.key", Evidence.Key);
                break;
            case ValueRole.FirstName or ValueRole.LastName when NameShape.Words(value) is >= 1 and <= 3:
                match = new RawMatch(PiiEntity.PersonName, start, end - start, Scores.KeyNamed, "name.parts", Evidence.Key) { NamePart = role };
                break;
            case ValueRole.PersonName when NameShape.Words(value) == 1:
                // One word under a name key is a first name, a full name only with a last name in the record: shipping
                // APIs send "billing_customer_name": "Ravi" beside "billing_last_name": "Kumar".
                match = new RawMatch(PiiEntity.PersonName, start, end - start, Scores.KeyNamed, "name.parts", Evidence.Key) { NamePart = ValueRole.FirstName };
                break;
            case ValueRole.PostalAddress when NameShape.LooksLikeAddress(value):
            case ValueRole.PlaceAddress when NameShape.LooksLikeAddress(value) && HasPinCodeOrHouseNumber(value):
                match = new RawMatch(PiiEntity.PostalAddress, start, end - start, Scores.KeyNamed, fromText ? "address.text_key" : "address.key", Evidence.Key);
                break;
            case ValueRole.PostalAddress when !fromText && value.Length <= NameShape.MaxAddressPartBytes && NameShape.HasLetterByte(value):
                // Only the street of a flat record's address ({"address": "12 MG Road", "city": ...}): a street part. A
                // part with a PIN code stands for the city (an address's lines as an array: ["12 MG Road", "Pune 411001"]).
                match = new RawMatch(PiiEntity.PostalAddress, start, end - start, Scores.KeyNamed, "address.parts", Evidence.Key)
                {
                    NamePart = HasPinCode(value) ? ValueRole.CityPart : ValueRole.StreetPart,
                };
                break;
            case ValueRole.StreetPart when NameShape.LooksLikeAddress(value) && HasPinCode(value):
                // A line field that holds the whole address ({"address1": "12 MG Road, Koramangala, Bengaluru 560034"}).
                match = new RawMatch(PiiEntity.PostalAddress, start, end - start, Scores.KeyNamed, fromText ? "address.text_key" : "address.key", Evidence.Key);
                break;
            case ValueRole.StreetPart or ValueRole.CityPart when value.Length <= NameShape.MaxAddressPartBytes && NameShape.HasLetterByte(value):
                match = new RawMatch(PiiEntity.PostalAddress, start, end - start, Scores.KeyNamed, "address.parts", Evidence.Key)
                {
                    NamePart = role == ValueRole.StreetPart && HasPinCode(value) ? ValueRole.CityPart : role,
                };
                break;
            case ValueRole.DeviceId when !fromText && value.Length is >= 4 and <= 128 && value.IndexOfAny((byte)' ', (byte)'\t') < 0:
                match = new RawMatch(PiiEntity.DeviceId, start, end - start, Scores.KeyNamed, "device_id.key", Evidence.Key);
                break;
            default:
                return false;
        }

        return Passes(match.Entity, Of(match.Entity), match.Score);
    }

    private void RunCustom(ReadOnlySpan<byte> text, ReadOnlySpan<byte> keyName, List<RawMatch> output, int first)
    {
        if (text.IsEmpty || !Utf8.IsValid(text))
        {
            return;
        }

        char[] rented = ArrayPool<char>.Shared.Rent(text.Length + keyName.Length);
        try
        {
            int n = Encoding.UTF8.GetChars(text, rented);
            Span<char> chars = rented.AsSpan(0, n);
            int keyChars = Encoding.UTF8.GetChars(keyName, rented.AsSpan(n));
            Span<char> lower = stackalloc char[0];
            char[]? lowerRented = null;
            foreach (CustomRecognizer recognizer in _custom)
            {
                bool contextHit = false;
                if (recognizer.HasContextWords)
                {
                    if (lowerRented is null)
                    {
                        lowerRented = ArrayPool<char>.Shared.Rent(n + keyChars);
                        rented.AsSpan(0, n + keyChars).ToLowerInvariant(lowerRented);
                    }

                    contextHit = recognizer.HasContextIn(lowerRented.AsSpan(0, n + keyChars));
                    if (!contextHit)
                    {
                        continue;
                    }
                }

                foreach (ValueMatch m in recognizer.Regex.EnumerateMatches(chars))
                {
                    if (m.Length == 0 || !recognizer.Validate(chars.Slice(m.Index, m.Length)))
                    {
                        continue;
                    }

                    Evidence evidence = contextHit ? Evidence.ContextWord : Evidence.Pattern;
                    float score = Scores.WithEvidence(recognizer.Definition.Score, evidence);
                    PiiEntity entity = recognizer.Definition.Entity;
                    if (!Passes(entity, Of(entity), score))
                    {
                        continue;
                    }

                    int byteStart = Encoding.UTF8.GetByteCount(chars[..m.Index]);
                    int byteLength = Encoding.UTF8.GetByteCount(chars.Slice(m.Index, m.Length));
                    Add(output, first, new RawMatch(entity, byteStart, byteLength, score, recognizer.RecognizerName, evidence));
                }
            }

            if (lowerRented is not null)
            {
                ArrayPool<char>.Shared.Return(lowerRented);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Adds a match, resolving overlaps with the matches already found in this span. The matches from
    /// <paramref name="first"/> on are sorted by start and do not overlap, so their ends are sorted too: a binary search
    /// finds the first one that can overlap, and only the overlapping ones are compared (O(log n) for a match added
    /// after the others, instead of comparing every earlier match: quadratic in dense bodies).
    /// </summary>
    private static void Add(List<RawMatch> output, int first, in RawMatch match)
    {
        // Read in place (the indexer copies each whole match).
        ReadOnlySpan<RawMatch> found = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(output);
        int low = first;
        int high = found.Length;
        while (low < high)
        {
            int middle = low + ((high - low) >> 1);
            if (found[middle].End > match.Start)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        int overlapEnd = low;
        while (overlapEnd < found.Length && found[overlapEnd].Start < match.End)
        {
            if (!match.Beats(found[overlapEnd]))
            {
                return;
            }

            overlapEnd++;
        }

        if (overlapEnd == found.Length)
        {
            if (overlapEnd > low)
            {
                output.RemoveRange(low, overlapEnd - low);
            }

            int index = output.Count;
            System.Runtime.InteropServices.CollectionsMarshal.SetCount(output, index + 1);
            RawMatch.Copy(match, ref System.Runtime.InteropServices.CollectionsMarshal.AsSpan(output)[index]);
        }
        else if (overlapEnd > low)
        {
            output[low] = match;
            output.RemoveRange(low + 1, overlapEnd - low - 1);
        }
        else
        {
            output.Insert(low, match);
        }
    }

    /// <summary>Per-thread scratch lists of <see cref="AddAll"/> and its callers (the detector is shared by all sessions).</summary>
    [ThreadStatic]
    private static List<RawMatch>? t_merged;

    [ThreadStatic]
    private static List<RawMatch>? t_additions;

    /// <summary>
    /// Adds <paramref name="additions"/> (sorted by start) to the matches from <paramref name="first"/> on with the
    /// result of calling <see cref="Add"/> for each in turn, in one linear merge: a match added in the middle of the list
    /// (a name before its email) would otherwise shift the rest of it, quadratic in a value with many of them. Additions
    /// out of start order are added one by one.
    /// </summary>
    private static void AddAll(List<RawMatch> output, int first, List<RawMatch> additions)
    {
        if (additions.Count <= 1 || !SortedByStart(additions))
        {
            foreach (RawMatch match in additions)
            {
                Add(output, first, match);
            }

            return;
        }

        List<RawMatch> merged = t_merged ??= [];
        merged.Clear();
        ReadOnlySpan<RawMatch> existing = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(output)[first..];
        int e = 0;
        foreach (ref readonly RawMatch addition in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(additions))
        {
            while (e < existing.Length && existing[e].End <= addition.Start)
            {
                merged.Add(existing[e++]);
            }

            // What the addition overlaps: earlier additions kept at the end of the merged list, then existing matches.
            ReadOnlySpan<RawMatch> done = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(merged);
            int keep = done.Length;
            while (keep > 0 && done[keep - 1].End > addition.Start)
            {
                keep--;
            }

            bool beatsAll = true;
            for (int k = keep; k < done.Length && beatsAll; k++)
            {
                beatsAll = addition.Beats(done[k]);
            }

            int overlapEnd = e;
            while (beatsAll && overlapEnd < existing.Length && existing[overlapEnd].Start < addition.End)
            {
                beatsAll = addition.Beats(existing[overlapEnd]);
                overlapEnd++;
            }

            if (beatsAll)
            {
                merged.RemoveRange(keep, done.Length - keep);
                merged.Add(addition);
                e = overlapEnd;
            }
        }

        while (e < existing.Length)
        {
            merged.Add(existing[e++]);
        }

        output.RemoveRange(first, output.Count - first);
        output.AddRange(merged);
        merged.Clear();
    }

    private static bool SortedByStart(List<RawMatch> matches)
    {
        ReadOnlySpan<RawMatch> span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(matches);
        for (int i = 1; i < span.Length; i++)
        {
            if (span[i].Start < span[i - 1].Start)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Context words in the <see cref="ContextWindow"/> bytes before a candidate, read once per candidate and only when
    /// needed, with the keyword automaton. The nearest word that is a context word or a negative word decides.
    /// </summary>
    private struct LazyContext(int position)
    {
        private bool _done;

        public uint Entities;
        public bool Negative;

        public void Ensure(ReadOnlySpan<byte> text, Detector detector)
        {
            if (_done)
            {
                return;
            }

            _done = true;
            detector._keywords.Context(text, position, ContextWindow, out Entities, out Negative);
        }
    }
}
