using System.Collections.Frozen;
using static PiiExtProc.Scanning.Recognition.BuiltInId;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// The built-in key words (JSON property-name tokens) and context words (words shortly before a candidate in text),
/// per entity, and the negative words that say a number is not personal data.
/// </summary>
/// <remarks>
/// Words are matched whole (Presidio's <c>whole_word</c> mode, which avoids the substring false boosts of
/// data-privacy-stack/presidio#1061), ASCII case-insensitively, with a trailing plural <c>s</c> tolerated. Sources: the
/// context lists of the Presidio recognizers (shared/research/pii-detection.md §1.3-1.4), the Guardian dataset's 634 keys
/// (§4.6) and the collision notes of §3 (order IDs, UTRs, timestamps).
/// </remarks>
internal static class Keywords
{
    /// <summary>Longest word looked up, characters; longer words never match.</summary>
    public const int MaxWordLength = 24;

    private static readonly FrozenDictionary<string, uint> s_keyEntities = BuildEntities(keys: true);
    private static readonly FrozenDictionary<string, uint> s_contextEntities = BuildEntities(keys: false);
    private static readonly FrozenSet<string> s_negative = FrozenSet.ToFrozenSet(
    [
        "order", "orderid", "orderno", "transaction", "txn", "txnid", "invoice", "timestamp", "ts", "time", "epoch",
        "created", "updated", "modified", "ref", "reference", "utr", "rrn", "sku", "product", "item", "tracking", "awb",
        "session", "request", "trace", "span", "count", "amount", "price", "total", "qty", "quantity", "version",
        "build", "seq", "sequence", "ticket", "booking", "coupon", "batch", "shipment", "cart", "offer", "campaign",
        "event", "message", "msg", "hash", "checksum", "nonce", "otp", "isbn", "ean", "upc", "barcode", "gtin", "hsn",
        "duration", "size", "weight", "latitude", "longitude", "lat", "lng", "ver", "release", "inventory", "stock",
        "warehouse", "seller", "merchant", "mid", "tid", "receipt", "voucher", "serial", "model", "port", "pid",
        "uuid", "guid", "bytes", "ms", "millis", "nanos", "score", "rating", "balance", "limit", "fee", "rate",
    ], StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, uint>.AlternateLookup<ReadOnlySpan<char>> s_keyLookup =
        s_keyEntities.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, uint>.AlternateLookup<ReadOnlySpan<char>> s_contextLookup =
        s_contextEntities.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_negativeLookup =
        s_negative.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string> s_personQualifiers = FrozenSet.ToFrozenSet(
    [
        "full", "customer", "person", "holder", "cardholder", "account", "beneficiary", "recipient", "receiver",
        "sender", "payer", "payee", "billing", "shipping", "contact", "guardian", "father", "mother", "spouse",
        "nominee", "employee", "passenger", "patient", "student", "user", "legal", "display", "buyer", "consignee",
        "applicant", "member", "owner", "emergency", "traveller", "traveler", "driver", "agent",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_personQualifierLookup =
        s_personQualifiers.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Entities a context word names (0 when none), for a lower-case ASCII word.</summary>
    public static uint ContextEntities(ReadOnlySpan<char> lowerWord) => Lookup(s_contextLookup, lowerWord);

    /// <summary>True when a lower-case ASCII word says the number next to it is not personal data.</summary>
    public static bool IsNegative(ReadOnlySpan<char> lowerWord) =>
        s_negativeLookup.Contains(lowerWord)
        || (lowerWord.Length > 2 && lowerWord[^1] == 's' && s_negativeLookup.Contains(lowerWord[..^1]));

    /// <summary>
    /// Classifies a JSON property name (raw UTF-8, unescaped). Splits it into lower-case tokens at non-alphanumerics
    /// and camelCase boundaries (<c>customerPhoneNumber</c> → customer, phone, number) and looks each token and the
    /// concatenation up.
    /// </summary>
    public static KeyClass ClassifyKey(ReadOnlySpan<byte> key)
    {
        const int MaxTokens = 8;
        Span<char> lower = stackalloc char[64];
        Span<int> starts = stackalloc int[MaxTokens];
        Span<int> lengths = stackalloc int[MaxTokens];
        int count = 0;
        int n = 0;
        int tokenStart = -1;
        byte previous = 0;
        for (int i = 0; i < key.Length && n < lower.Length; i++)
        {
            byte b = key[i];
            bool alnum = IsAsciiLetterOrDigit(b);
            bool camelBreak = alnum && b is >= (byte)'A' and <= (byte)'Z' && previous is >= (byte)'a' and <= (byte)'z';
            if ((!alnum || camelBreak) && tokenStart >= 0)
            {
                if (count < MaxTokens)
                {
                    starts[count] = tokenStart;
                    lengths[count] = n - tokenStart;
                    count++;
                }

                tokenStart = -1;
            }

            if (alnum)
            {
                if (tokenStart < 0)
                {
                    tokenStart = n;
                }

                lower[n++] = b is >= (byte)'A' and <= (byte)'Z' ? (char)(b | 0x20) : (char)b;
            }

            previous = b;
        }

        if (tokenStart >= 0 && count < MaxTokens)
        {
            starts[count] = tokenStart;
            lengths[count] = n - tokenStart;
            count++;
        }

        if (count == 0)
        {
            return KeyClass.None;
        }

        uint entities = Lookup(s_keyLookup, lower[..n]);
        bool negative = false;
        for (int t = 0; t < count; t++)
        {
            ReadOnlySpan<char> token = lower.Slice(starts[t], lengths[t]);
            entities |= Lookup(s_keyLookup, token);
            negative |= IsNegative(token);
        }

        ReadOnlySpan<char> last = lower.Slice(starts[count - 1], lengths[count - 1]);
        ReadOnlySpan<char> beforeLast = count > 1 ? lower.Slice(starts[count - 2], lengths[count - 2]) : default;
        ValueRole role = RoleOf(last, beforeLast, count, lower[..n]);
        if (role == ValueRole.PostalAddress && entities != 0)
        {
            // ip_address, email_address, mac_address: the key names another entity.
            role = (entities & Bit(DeviceId)) != 0 ? ValueRole.DeviceId : ValueRole.None;
        }

        if (role == ValueRole.DeviceId)
        {
            entities |= Bit(DeviceId);
        }

        if (entities != 0 || role != ValueRole.None)
        {
            negative = false;
        }

        return new KeyClass(entities, negative, role);
    }

    private static ValueRole RoleOf(ReadOnlySpan<char> last, ReadOnlySpan<char> beforeLast, int count, ReadOnlySpan<char> whole)
    {
        switch (whole)
        {
            case "firstname" or "fname" or "givenname" or "forename":
                return ValueRole.FirstName;
            case "lastname" or "lname" or "surname" or "familyname":
                return ValueRole.LastName;
            case "fullname" or "customername" or "name":
                return ValueRole.PersonName;
            case "deviceid" or "imei" or "androidid" or "advertisingid" or "gaid" or "idfa" or "idfv" or "udid" or "meid"
                or "deviceuuid" or "hardwareid" or "deviceserial" or "devicefingerprint" or "macaddress":
                return ValueRole.DeviceId;
            default:
                break;
        }

        if (last is "surname")
        {
            return ValueRole.LastName;
        }

        if (last is "name" && count >= 2)
        {
            if (beforeLast is "first" or "given" or "fore")
            {
                return ValueRole.FirstName;
            }

            if (beforeLast is "last" or "family" or "sur")
            {
                return ValueRole.LastName;
            }

            if (s_personQualifierLookup.Contains(beforeLast))
            {
                return ValueRole.PersonName;
            }
        }

        if (last is "address" or "addr" && !(count >= 2 && beforeLast is "ip" or "email" or "mail" or "mac" or "wallet" or "web" or "url"))
        {
            return ValueRole.PostalAddress;
        }

        if (last is "address" && beforeLast is "mac")
        {
            return ValueRole.DeviceId;
        }

        if (count >= 2 && beforeLast is "device" && last is "id" or "uuid" or "serial" or "identifier" or "fingerprint" or "token")
        {
            return ValueRole.DeviceId;
        }

        if (last is "imei" or "idfa" or "idfv" or "gaid" or "udid" or "meid" or "deviceid")
        {
            return ValueRole.DeviceId;
        }

        if (count >= 2 && last is "id" && beforeLast is "android" or "advertising" or "hardware")
        {
            return ValueRole.DeviceId;
        }

        return ValueRole.None;
    }

    private static uint Lookup(FrozenDictionary<string, uint>.AlternateLookup<ReadOnlySpan<char>> table, ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > MaxWordLength)
        {
            return 0;
        }

        if (table.TryGetValue(word, out uint mask))
        {
            return mask;
        }

        return word.Length > 2 && word[^1] == 's' && table.TryGetValue(word[..^1], out mask) ? mask : 0;
    }

    private static bool IsAsciiLetterOrDigit(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a' || (uint)(b - '0') <= 9;

    private static FrozenDictionary<string, uint> BuildEntities(bool keys)
    {
        var map = new Dictionary<string, uint>(StringComparer.Ordinal);
        void Add(int id, params string[] words)
        {
            foreach (string w in words)
            {
                map[w] = map.GetValueOrDefault(w) | Bit(id);
            }
        }

        // Indian mobile: Presidio PhoneRecognizer context plus Indian usage (whatsapp, msisdn).
        Add(Mobile, "phone", "mobile", "mob", "contact", "whatsapp", "cell", "cellphone", "tel", "telephone", "msisdn",
            "phoneno", "mobileno", "phonenumber", "mobilenumber", "contactno", "contactnumber", "ph", "landline");
        // Aadhaar: Presidio InAadhaarRecognizer context (aadhaar, uidai) plus common spellings and key names.
        Add(Aadhaar, "aadhaar", "aadhar", "adhaar", "adhar", "uidai", "aadhaarno", "aadharno", "aadhaarnumber",
            "aadharnumber", "aadhaarid");
        Add(AadhaarVirtualId, "vid", "virtualid", "aadhaarvid");
        // PAN: Presidio InPanRecognizer context (permanent account number, pan).
        Add(Pan, "pan", "panno", "pannumber", "pancard", "permanent");
        // GSTIN: Presidio InGstinRecognizer context.
        Add(Gstin, "gstin", "gst", "gstno", "gstnumber", "gstn");
        // Passport: Presidio InPassportRecognizer context.
        Add(Passport, "passport", "passportno", "passportnumber");
        // Voter ID: Presidio InVoterRecognizer context (voter, epic, elector).
        Add(VoterId, "voter", "voterid", "epic", "epicno", "elector", "electoral");
        Add(Ifsc, "ifsc", "ifsccode", "neft", "rtgs", "imps");
        Add(UpiVpa, "upi", "upiid", "vpa", "gpay", "phonepe", "bhim");
        // Bank account: Presidio US_BANK_NUMBER context pattern (account, acct), Indian "a/c".
        Add(BankAccount, "account", "acct", "accountno", "accountnumber", "acno", "bankaccount", "acc");
        Add(PinCode, "pin", "pincode", "postal", "postalcode", "zip", "zipcode", "postcode");
        Add(Email, "email", "mail", "emailid", "emailaddress");
        Add(IpAddress, "ip", "ipaddress", "ipv4", "ipv6", "clientip", "remoteip", "sourceip", "srcip");
        // Cards: Presidio CreditCardRecognizer context.
        Add(PaymentCard, "card", "cardno", "cardnumber", "cc", "ccnumber", "creditcard", "debitcard", "visa",
            "mastercard", "amex", "rupay", "maestro", "discover", "jcb", "diners");
        Add(Iban, "iban");
        Add(DateOfBirth, "dob", "birth", "birthdate", "birthday", "dateofbirth", "born");
        if (!keys)
        {
            Add(Mobile, "call", "dial", "sms", "reach", "ring");
            Add(PaymentCard, "credit", "debit");
            Add(Ifsc, "branch");
            Add(UpiVpa, "paytm", "pay", "paid", "payment");
            Add(PersonName, "name", "mr", "mrs", "ms", "shri", "smt", "dear");
            Add(PostalAddress, "address", "addr", "street");
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
