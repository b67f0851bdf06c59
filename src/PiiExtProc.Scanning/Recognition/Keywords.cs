using static PiiExtProc.Scanning.Recognition.BuiltInId;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// The built-in key words (JSON property-name tokens) and context words (words shortly before a candidate in text),
/// per entity, the negative words that say a number is not personal data, and the person-name qualifiers. The source
/// lists only: <see cref="KeywordTable"/> compiles them, with the UPI handles and deny-list terms, into one
/// Aho-Corasick automaton per scanner.
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

    /// <summary>Words that say a number next to them is not personal data.</summary>
    public static readonly string[] NegativeWords =
    [
        "order", "orderid", "orderno", "transaction", "txn", "txnid", "invoice", "timestamp", "ts", "time", "epoch",
        "created", "updated", "modified", "ref", "reference", "utr", "rrn", "sku", "product", "item", "tracking", "awb",
        "session", "request", "trace", "span", "count", "amount", "price", "total", "qty", "quantity", "version",
        "build", "seq", "sequence", "ticket", "booking", "coupon", "batch", "shipment", "cart", "offer", "campaign",
        "event", "message", "msg", "hash", "checksum", "nonce", "otp", "isbn", "ean", "upc", "barcode", "gtin", "hsn",
        "duration", "size", "weight", "latitude", "longitude", "lat", "lng", "ver", "release", "inventory", "stock",
        "warehouse", "seller", "merchant", "mid", "tid", "receipt", "voucher", "serial", "model", "port", "pid",
        "uuid", "guid", "bytes", "ms", "millis", "nanos", "score", "rating", "balance", "limit", "fee", "rate",
        // the numbers of other documents ("policy number", "consumer number" on a power bill, "docket number")
        "policy", "claim", "application", "registration", "consumer", "enrolment", "enrollment", "roll", "vehicle",
        "folio", "certificate", "challan", "docket", "consignment",
    ];

    /// <summary>
    /// True for a negative word that, as a key's last word, names prose rather than a number (<c>message</c>,
    /// <c>msg</c> and their plurals): the key does not make the numbers in the prose negative.
    /// </summary>
    /// <param name="word">One lower-case key token, UTF-8.</param>
    public static bool NamesProse(ReadOnlySpan<byte> word) =>
        word.SequenceEqual("message"u8) || word.SequenceEqual("messages"u8) || word.SequenceEqual("msg"u8) || word.SequenceEqual("msgs"u8);

    /// <summary>
    /// Context words that yield to the word right before them when that one is a context or negative word
    /// (<see cref="KeywordFlags.CompoundHead"/>): <c>invoice number</c>, <c>order number</c> and <c>tracking number</c>
    /// are no mobile, <c>account number</c> is an account.
    /// </summary>
    public static readonly string[] CompoundHeads = ["number"];

    /// <summary>Words that, before <c>name</c> in a key (<c>customer_name</c>), make it a person's name.</summary>
    public static readonly string[] PersonQualifiers =
    [
        "full", "customer", "person", "holder", "cardholder", "account", "beneficiary", "recipient", "receiver",
        "sender", "payer", "payee", "billing", "shipping", "contact", "guardian", "father", "mother", "spouse",
        "nominee", "employee", "passenger", "patient", "student", "user", "legal", "display", "buyer", "consignee",
        "applicant", "member", "owner", "emergency", "traveller", "traveler", "driver", "agent", "cust",
        // people in tickets, reviews, approvals and CRM records (reviewer_name, requester_name, createdByName)
        "reviewer", "requester", "requestor", "reporter", "assignee", "approver", "creator", "submitter", "commenter",
        "caller", "visitor", "candidate", "attendee", "participant", "respondent", "signatory", "manager", "supervisor",
        "technician", "doctor", "landlord", "referrer", "lead", "by",
        // the parties of Indian bank transfers and payouts (IMPS/NEFT/UPI callbacks: remitter_name, bene_name) and the
        // abbreviations of bank and ERP schemas (rcvr_nm, sndr_nm, acct_name)
        "remitter", "bene", "benef", "rcvr", "sndr", "acct",
    ];

    /// <summary>
    /// Words that, right before a one-word name key in a log line's text (<c>upload file name=Annual Report</c>,
    /// <c>catalog product name=Laptop Bag</c>), make it a thing's name, not a person's: the one-word logfmt key
    /// (<c>INFO notify name=Ravi Kumar email=...</c>) is not read there.
    /// </summary>
    public static readonly string[] ThingQualifiers =
    [
        "file", "filename", "product", "item", "brand", "sku", "variant", "category", "catalog", "catalogue", "store",
        "shop", "company", "business", "merchant", "seller", "vendor", "supplier", "bank", "branch", "city", "state",
        "street", "area", "locality", "district", "country", "region", "zone", "site", "domain", "host", "server",
        "service", "app", "application", "device", "model", "template", "event", "campaign", "coupon", "offer", "plan",
        "project", "team", "group", "role", "queue", "topic", "bucket", "cluster", "node", "job", "task", "function",
        "class", "method", "module", "package", "image", "container", "pod", "namespace", "database", "db", "schema",
        "table", "column", "field", "index", "key", "tag", "attribute", "property", "param", "parameter", "header",
        "cookie", "page", "route", "path", "org", "organisation", "organization", "tenant", "warehouse", "hub",
        "courier", "carrier", "partner", "document", "report", "folder", "directory", "bundle", "feature", "flag",
    ];

    /// <summary>
    /// Whole keys (lower-case letters and digits without separators) that name a mobile number only on their own, as the
    /// messaging APIs of Indian commerce use them: WhatsApp Cloud API messages and webhooks (<c>to</c>, <c>from</c>,
    /// <c>wa_number</c>), SMS gateways (<c>to</c>, <c>dest</c>, <c>destination</c>, <c>numbers</c>), call-tracking
    /// webhooks (<c>caller_id</c>, <c>CallFrom</c>, <c>CallTo</c>) and a sign-in by mobile number (<c>username</c>,
    /// <c>login</c>). Inside a longer key (<c>valid_to</c>, <c>reply_to</c>, <c>from_date</c>, <c>last_login_ip</c>) they
    /// name nothing; a date, a user name or a small number under them has no mobile's format.
    /// </summary>
    public static bool IsMobileWholeKey(ReadOnlySpan<char> whole) =>
        whole is "to" or "from" or "dest" or "destination" or "destinations" or "numbers" or "recipientnumber" or "sendernumber"
            or "wanumber" or "callerid" or "callfrom" or "callto" or "username" or "login" or "loginid";

    /// <summary>
    /// True for a whole key that, holding an array, declares the columns of a table sent as arrays of row values, from
    /// its lower-case letters and digits without separators: <c>columns</c> and <c>cols</c> (Trino, Elasticsearch SQL,
    /// Databricks' <c>manifest.schema.columns</c>, pandas' split orientation), <c>column_names</c>,
    /// <c>columnHeaders</c> (Google Analytics), <c>meta</c> (ClickHouse's JSONCompact), <c>rowType</c> (Snowflake's SQL
    /// API) and <c>header</c>. Not <c>headers</c> or <c>fields</c>: arrays of HTTP headers and field selections.
    /// </summary>
    public static bool DeclaresColumns(ReadOnlySpan<char> whole) =>
        whole is "columns" or "cols" or "columnnames" or "columnheaders" or "meta" or "rowtype" or "header";

    /// <summary>
    /// The part a whole key plays in a typed value's wrapper (<see cref="TypedValueWrapper"/>), from its lower-case letters
    /// and digits without separators: DynamoDB's <c>S</c>, <c>M</c> and <c>L</c>, Firestore's <c>stringValue</c>,
    /// <c>mapValue</c>, <c>fields</c>, <c>arrayValue</c> and <c>values</c>, and the <c>value</c> of Google Analytics' user
    /// properties and protobuf's wrapper types.
    /// </summary>
    public static TypedValueWrapper TypedValueWrapperOf(ReadOnlySpan<char> whole) => whole switch
    {
        "s" or "stringvalue" or "value" => TypedValueWrapper.Value,
        "m" or "l" or "mapvalue" or "fields" or "arrayvalue" or "values" => TypedValueWrapper.Container,
        _ => TypedValueWrapper.None,
    };

    /// <summary>Key words → entity bits (<see cref="BuiltInId"/>).</summary>
    public static Dictionary<string, uint> KeyWords() => BuildEntities(keys: true);

    /// <summary>Context words → entity bits (<see cref="BuiltInId"/>).</summary>
    public static Dictionary<string, uint> ContextWords() => BuildEntities(keys: false);

    /// <summary>
    /// The part role (<see cref="ValueRole.StreetPart"/>, <see cref="ValueRole.CityPart"/>) a key names as a member of an
    /// address object, from its lower-case letters and digits without separators (<paramref name="whole"/>:
    /// <c>addressLine1</c> and <c>address_line_1</c> are both <c>addressline1</c>); <see cref="ValueRole.None"/> otherwise.
    /// </summary>
    public static ValueRole AddressPartRoleOf(ReadOnlySpan<char> whole) => whole switch
    {
        "line" or "line1" or "line2" or "line3" or "lines" or "addresslines" or "streetlines" or "addressline" or "addressline1" or "addressline2" or "addressline3"
            or "address1" or "address2" or "address3" or "street" or "street1" or "street2" or "streetname"
            or "streetaddress" or "house" or "houseno" or "housenumber" or "housename" or "flat" or "flatno"
            or "flatnumber" or "building" or "buildingname" or "buildingno" or "apartment" or "road" or "landmark"
            or "locality" or "area" or "sector" or "colony" or "block" or "plot" or "plotno" or "door" or "doorno"
            or "premise" or "premises" or "floor" or "unit" or "suite" => ValueRole.StreetPart,
        "city" or "town" or "village" or "district" or "state" or "taluk" or "tehsil" or "county" or "province"
            or "region" or "adminarea1" or "adminarea2" or "adminarea3" or "administrativearea" or "addresslocality"
            or "addressregion" or "stateorregion" => ValueRole.CityPart,
        "sublocality" or "dependentlocality" or "suburb" or "neighbourhood" or "neighborhood" => ValueRole.StreetPart,
        _ => ValueRole.None,
    };

    /// <summary>
    /// True when a key (lower-case letters and digits without separators) names an address part in an object under an
    /// address holder key (<see cref="ValueRole.AddressHolder"/>): the parts of <see cref="AddressPartRoleOf"/> that name
    /// nothing else in a billing or delivery object. Left out: <c>line</c>, <c>lines</c> (invoice lines), <c>area</c>,
    /// <c>sector</c>, <c>block</c>, <c>unit</c>, <c>floor</c>, <c>suite</c>, <c>plot</c>, <c>house</c>, <c>flat</c>,
    /// <c>door</c>, <c>road</c>, <c>building</c>, <c>premise</c>, <c>state</c> and <c>region</c> (a subscription's state,
    /// a billing unit, a delivery area or region).
    /// </summary>
    public static bool IsAddressHolderPart(ReadOnlySpan<char> whole) =>
        AddressPartRoleOf(whole) != ValueRole.None
        && whole is not ("line" or "lines" or "area" or "sector" or "block" or "unit" or "floor" or "suite" or "plot"
            or "house" or "flat" or "door" or "road" or "building" or "premise" or "premises" or "state" or "region");

    /// <summary>
    /// True when a key (lower-case letters and digits without separators) says whose address the object under it is
    /// (<see cref="ValueRole.AddressHolder"/>): <c>shipping</c>, <c>billing</c>, <c>delivery</c>, <c>mailing</c>,
    /// <c>correspondence</c>, <c>residence</c>, <c>residential</c>, alone or with <c>details</c>, <c>detail</c>,
    /// <c>info</c>, <c>information</c> or <c>data</c> after (<c>shipping_details</c>, <c>deliveryInfo</c>). Not
    /// <c>permanent</c> (a PAN key word) and not <c>home</c> or <c>current</c> (pages, versions).
    /// </summary>
    public static bool IsAddressHolder(ReadOnlySpan<char> whole)
    {
        foreach (string holder in s_addressHolders)
        {
            if (whole.StartsWith(holder, StringComparison.Ordinal))
            {
                ReadOnlySpan<char> rest = whole[holder.Length..];
                return rest is "" or "details" or "detail" or "info" or "information" or "data";
            }
        }

        return false;
    }

    private static readonly string[] s_addressHolders =
        ["shipping", "billing", "delivery", "mailing", "correspondence", "residence", "residential"];

    /// <summary>
    /// The part role a key names as a member of a name object (<c>"name": {"first": ..., "last": ...}</c>), from its
    /// lower-case letters and digits without separators: <see cref="ValueRole.FirstName"/> for <c>first</c>,
    /// <c>given</c>, <c>middle</c>; <see cref="ValueRole.LastName"/> for <c>last</c>, <c>family</c>;
    /// <see cref="ValueRole.None"/> otherwise. Keys that name a part anywhere (<c>first_name</c>, <c>surname</c>) have it
    /// as their own role.
    /// </summary>
    public static ValueRole NamePartRoleOf(ReadOnlySpan<char> whole) => whole switch
    {
        "first" or "given" or "middle" or "fore" => ValueRole.FirstName,
        "last" or "family" => ValueRole.LastName,
        _ => ValueRole.None,
    };

    /// <summary>
    /// The part a key plays in an attribute-list object (<see cref="AttributeMember"/>), from its lower-case letters and
    /// digits without separators: labels such as <c>name</c>, <c>key</c>, <c>field_name</c>, <c>attribute_code</c>,
    /// <c>type</c>, <c>system</c> (FHIR contact points) and <c>question</c>; values such as <c>value</c>, <c>val</c>,
    /// <c>answer</c> and <c>field_value</c>.
    /// </summary>
    public static AttributeMember AttributeMemberOf(ReadOnlySpan<char> whole) => whole switch
    {
        "name" or "key" or "field" or "fieldname" or "fieldkey" or "fieldlabel" or "label" or "attribute" or "attributename"
            or "attributecode" or "attributekey" or "attributelabel" or "attr" or "attrname" or "attrcode" or "type"
            or "kind" or "system" or "property" or "propertyname" or "question" => AttributeMember.Label,
        "value" or "val" or "answer" or "fieldvalue" or "attributevalue" or "attrvalue" or "propertyvalue" => AttributeMember.Value,
        _ => AttributeMember.None,
    };

    /// <summary>
    /// Words that, before an address part key (<c>shipping_city</c>, <c>billing_street</c>), say whose address it is; a
    /// part key with any other word before it (<c>pickup_city</c>, <c>lake_city</c>) names no part.
    /// </summary>
    private static readonly HashSet<string> s_addressQualifiers = new(StringComparer.Ordinal)
    {
        "shipping", "billing", "delivery", "home", "residential", "residence", "permanent", "current", "mailing",
        "postal", "customer", "cust", "user", "buyer", "consignee", "recipient", "receiver", "correspondence", "address", "addr",
        "destination", "dest",
        // Amazon's order reports (ship-address-1, ship-city), ERP and marketplace exports (bill_city).
        "ship", "bill",
    };

    /// <summary>
    /// Party prefixes run together with an address part in one key (<c>ShipToCity</c>, <c>BillToAddress1</c>,
    /// <c>ship_to_street</c>), as ERP exports and EDI-style APIs write them.
    /// </summary>
    private static readonly string[] s_runTogetherAddressQualifiers = ["shipto", "billto", "deliverto", "soldto"];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_addressQualifierLookup =
        s_addressQualifiers.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// True when <paramref name="word"/> (one lower-case token of a key) says whose address a part key names
    /// (<c>shipping</c>, <c>billing</c>, <c>delivery</c>, <c>customer</c>, <c>ship</c>...; see <see cref="StandalonePartRoleOf"/>).
    /// </summary>
    public static bool IsAddressQualifier(ReadOnlySpan<char> word) => s_addressQualifierLookup.Contains(word);

    /// <summary>
    /// The part role a key names on its own, outside an address object, as the flat address fields of a record
    /// (<c>{"address1": ..., "city": ...}</c>): <see cref="ValueRole.StreetPart"/> for <c>street</c>,
    /// <c>street_address</c>, <c>address_line_1</c>, <c>address1</c>..<c>address3</c>, <c>house_no</c>, <c>flat_no</c>,
    /// <c>door_no</c>, <c>landmark</c>; <see cref="ValueRole.CityPart"/> for <c>city</c>, <c>town</c>, <c>village</c>,
    /// <c>district</c>; either after one address qualifier word (<c>shipping_city</c>, <c>billing_address_line1</c>,
    /// Amazon's <c>ship-address-1</c> and <c>ship-city</c>) or a run-together party prefix (<c>ShipToCity</c>,
    /// <c>BillToAddress1</c>).
    /// Narrower than <see cref="AddressPartRoleOf"/>: <c>line</c>, <c>area</c>, <c>unit</c>, <c>block</c>,
    /// <c>state</c> and <c>region</c> name other things outside an address object.
    /// </summary>
    /// <param name="whole">The key's lower-case letters and digits without separators.</param>
    /// <param name="first">The key's first token, lower case.</param>
    /// <param name="afterFirst">The key's letters and digits after its first token, lower case (empty for one token).</param>
    public static ValueRole StandalonePartRoleOf(ReadOnlySpan<char> whole, ReadOnlySpan<char> first, ReadOnlySpan<char> afterFirst)
    {
        ValueRole role = StandalonePart(whole);
        if (role != ValueRole.None)
        {
            return role;
        }

        if (!afterFirst.IsEmpty && s_addressQualifierLookup.Contains(first) && StandalonePart(afterFirst) is var afterQualifier and not ValueRole.None)
        {
            return afterQualifier;
        }

        return StandalonePart(AfterRunTogetherQualifier(whole));
    }

    /// <summary>
    /// The rest of <paramref name="whole"/> after a run-together party prefix (<c>shipto</c>, <c>billto</c>...:
    /// <see cref="s_runTogetherAddressQualifiers"/>), or empty when it has none or nothing after it.
    /// </summary>
    private static ReadOnlySpan<char> AfterRunTogetherQualifier(ReadOnlySpan<char> whole)
    {
        foreach (string qualifier in s_runTogetherAddressQualifiers)
        {
            if (whole.StartsWith(qualifier, StringComparison.Ordinal))
            {
                return whole[qualifier.Length..];
            }
        }

        return default;
    }

    private static ValueRole StandalonePart(ReadOnlySpan<char> whole) => whole switch
    {
        "street" or "street1" or "street2" or "streetname" or "streetaddress" or "addressline" or "addressline1"
            or "addressline2" or "addressline3" or "address1" or "address2" or "address3" or "houseno"
            or "housenumber" or "flatno" or "flatnumber" or "doorno" or "landmark" => ValueRole.StreetPart,
        "city" or "cityname" or "town" or "village" or "district" => ValueRole.CityPart,
        _ => ValueRole.None,
    };

    /// <summary>
    /// True when a key's lower-case letters and digits without separators (or the same without a plural <c>s</c>) name a
    /// person by the part they play in an order, a delivery, a payment, a trip, a booking or a record
    /// (<see cref="ValueRole.PartyName"/>): courier payloads (<c>consignee</c>, <c>consignor</c>, <c>addressee</c>,
    /// <c>recipient</c>, <c>receiver</c>, <c>sender</c>, <c>shipper</c>, <c>ship_to</c>, <c>bill_to</c>,
    /// <c>deliver_to</c>, <c>attention</c>), commerce and travel (<c>customer</c>, <c>buyer</c>, <c>guest</c>,
    /// <c>passenger</c>, <c>traveller</c>, <c>driver</c>, <c>rider</c>, <c>delivery_agent</c>), payments and banking
    /// (<c>payer</c>, <c>remitter</c>, <c>beneficiary</c>, <c>cardholder</c>, <c>account_holder</c>, <c>nominee</c>,
    /// <c>borrower</c>, <c>guarantor</c>), insurance and health (<c>policyholder</c>, <c>insured</c>, <c>claimant</c>,
    /// <c>patient</c>), people records (<c>employee</c>, <c>student</c>, <c>applicant</c>, <c>tenant</c>,
    /// <c>guardian</c>, <c>spouse</c>, <c>father</c>, <c>mother</c>, <c>contact_person</c>).
    /// </summary>
    /// <remarks>
    /// Left out because their string values are as often not names: <c>user</c> and <c>owner</c> (team and service
    /// accounts), <c>agent</c> (user agents), <c>contact</c> (a phone number or an email), <c>member</c> (tiers),
    /// <c>payee</c> and <c>seller</c> (merchants), <c>holder</c>, <c>pax</c> (a count).
    /// </remarks>
    public static bool IsPartyWord(ReadOnlySpan<char> whole) =>
        IsPartyWordSingular(whole) || (whole.Length > 4 && whole[^1] == 's' && IsPartyWordSingular(whole[..^1]));

    /// <summary>
    /// True for a run-together party prefix and <c>name</c> (<c>ShipToName</c>, <c>bill_to_name</c>,
    /// <c>DeliverToName</c>): the ship-to party's name, as ERP exports write it.
    /// </summary>
    private static bool IsRunTogetherPartyName(ReadOnlySpan<char> whole) =>
        AfterRunTogetherQualifier(whole) is "name" or "fullname" or "contactname";

    private static bool IsPartyWordSingular(ReadOnlySpan<char> whole) => whole switch
    {
        "consignee" or "consignor" or "addressee" or "recipient" or "receiver" or "sender" or "shipper" or "shipto"
            or "billto" or "deliverto" or "deliveredto" or "deliveringto" or "shippedto" or "shippingto" or "dispatchedto"
            or "soldto" or "attention" or "attn" or "customer" or "buyer" or "guest"
            or "passenger" or "traveller" or "traveler" or "driver" or "rider" or "deliveryagent" or "deliveryboy"
            or "deliveryperson" or "deliveryexecutive" or "payer" or "remitter" or "beneficiary" or "cardholder"
            or "accountholder" or "nominee" or "borrower" or "coborrower" or "guarantor" or "policyholder" or "insured"
            or "proposer" or "claimant" or "patient" or "employee" or "student" or "applicant" or "tenant" or "guardian"
            or "spouse" or "father" or "mother" or "contactperson" => true,
        _ => false,
    };

    /// <summary>
    /// True when a key names a place that may be a full address (<see cref="ValueRole.PlaceAddress"/>): its last token is
    /// <c>location</c> or <c>dropoff</c> (<c>delivery_location</c>, <c>dropLocation</c>; not <c>destination</c>, an SMS
    /// gateway's mobile number), or a token
    /// before its last is <c>address</c> or <c>addr</c> (<c>address_text</c>, <c>addr_str</c>; a key ending in address
    /// is a postal address already).
    /// </summary>
    /// <param name="last">The key's last token, lower case.</param>
    /// <param name="whole">The key's letters and digits without separators, lower case.</param>
    /// <param name="starts">Each token's start in <paramref name="lower"/>.</param>
    /// <param name="lengths">Each token's length.</param>
    /// <param name="lower">The key's letters and digits, lower case.</param>
    public static bool NamesAPlace(ReadOnlySpan<char> last, ReadOnlySpan<char> whole, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths, ReadOnlySpan<char> lower)
    {
        if (last is "location" or "locations" or "dropoff" || whole is "droplocation" or "deliverylocation")
        {
            return true;
        }

        for (int t = 0; t < starts.Length - 1; t++)
        {
            if (lower.Slice(starts[t], lengths[t]) is "address" or "addr")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The whole-value role a key's lower-case tokens name (names, addresses, device IDs).</summary>
    public static ValueRole RoleOf(ReadOnlySpan<char> last, ReadOnlySpan<char> beforeLast, bool beforeLastIsQualifier, int count, ReadOnlySpan<char> whole)
    {
        if (last.EndsWith("names", StringComparison.Ordinal))
        {
            // A list of names (names, customer_names, passengerNames, surnames) is read as each of its names: the same
            // role as the singular key, and the same Guardian rule (a name is masked only with a second list-B item
            // in its record). usernames, filenames and hostnames stay nothing, as username does.
            return RoleOf(last[..^1], beforeLast, beforeLastIsQualifier, count, whole[..^1]);
        }

        switch (whole)
        {
            case "firstname" or "fname" or "givenname" or "forename":
                return ValueRole.FirstName;
            case "lastname" or "lname" or "surname" or "familyname":
                return ValueRole.LastName;
            case "fullname" or "customername" or "custname" or "custnm" or "name" or "nameoncard" or "nameonaccount" or "nameonpassport"
                or "nameonpan" or "nameonaadhaar":
                // name_on_card (PayU and card forms), name_on_account; name_as_per_pan and the like below.
                return ValueRole.PersonName;
            case "deviceid" or "imei" or "androidid" or "advertisingid" or "gaid" or "idfa" or "idfv" or "udid" or "meid"
                or "deviceuuid" or "hardwareid" or "deviceserial" or "devicefingerprint" or "macaddress":
                return ValueRole.DeviceId;
            default:
                break;
        }

        if (IsPartyWord(whole) || IsRunTogetherPartyName(whole))
        {
            return ValueRole.PartyName;
        }

        if (whole.StartsWith("nameasper", StringComparison.Ordinal))
        {
            // name_as_per_pan, nameAsPerAadhaar, name_as_per_bank_records: KYC forms' name as a document spells it.
            return ValueRole.PersonName;
        }

        if (last is "surname")
        {
            return ValueRole.LastName;
        }

        if (last is "name" or "nm" && count >= 2)
        {
            // nm: the abbreviation of bank and ERP schemas (cust_nm, payee_nm, first_nm).
            if (beforeLast is "first" or "given" or "fore")
            {
                return ValueRole.FirstName;
            }

            if (beforeLast is "last" or "family" or "sur")
            {
                return ValueRole.LastName;
            }

            if (beforeLastIsQualifier)
            {
                return ValueRole.PersonName;
            }
        }

        if (last is "address" or "addr" or "addresses" && !(count >= 2 && beforeLast is "ip" or "email" or "mail" or "mac" or "wallet" or "web" or "url"))
        {
            return ValueRole.PostalAddress;
        }

        if (last is "add" && (count == 1 || beforeLast is "return" or "seller" or "pickup" or "consignee" or "customer" or "shipping" or "billing"))
        {
            // Delhivery's shipment API names the address "add" (and "return_add", "seller_add"); only alone or after a
            // party or address-holder word, since "add" is an everyday verb in other keys (add_on, add_to_cart).
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

        return IsAddressHolder(whole) ? ValueRole.AddressHolder : ValueRole.None;
    }

    private static Dictionary<string, uint> BuildEntities(bool keys)
    {
        var map = new Dictionary<string, uint>(StringComparer.Ordinal);
        void Add(int id, params string[] words)
        {
            foreach (string w in words)
            {
                map[w] = map.GetValueOrDefault(w) | Bit(id);
            }
        }

        // Indian mobile: Presidio PhoneRecognizer context plus Indian usage (whatsapp, msisdn; rmn, the registered mobile
        // number of bank and telecom APIs; the run-together abbreviations of form fields: mobno, phno, cellno, telno).
        Add(Mobile, "phone", "mobile", "mob", "contact", "whatsapp", "cell", "cellphone", "tel", "telephone", "msisdn",
            "phoneno", "mobileno", "phonenumber", "mobilenumber", "contactno", "contactnumber", "ph", "phn", "landline",
            "rmn", "mobno", "mobnum", "phno", "cellno", "telno", "whatsappno",
            // A second number of the customer's, as order and KYC forms name it: alternate_number, alt_no,
            // emergency_no. Not "alt" alone (an image's alt text) and not "backup" (backup_size in bytes).
            "alternate", "alternative", "altno", "altnumber", "altnum", "emergency",
            // The parties of an SMS or WhatsApp message (sender, receiver, recipients): party words too, so under a
            // longer key (receiver_name) the value is read by its party role first.
            "sender", "receiver", "recipient", "recipients");
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
            // Presidio's "call" with its inflections, as call-centre and delivery logs write them ("customer called
            // from 98765 43210"); words match whole, so each form is listed.
            Add(Mobile, "call", "called", "calling", "caller", "callback", "dial", "dialed", "dialled", "sms", "texted",
                "phoned", "reach", "ring", "contacted");
            // Indian support and delivery notes: "alt no 98765 43210", "alternate no.", and OTP logs ("OTP sent to
            // 98765 43210"), where the number is the one fraudsters want.
            Add(Mobile, "alt", "otp");
            // The login of a sign-in by mobile number, as log lines write it ("login ok username=98765 43210"); as keys
            // only whole (IsMobileWholeKey): last_login_ip names an IP address.
            Add(Mobile, "login", "username");
            // Presidio PhoneRecognizer's "number", as support tickets and chats write it ("my number is 98765 43210"); a
            // compound head (CompoundHeads): the word before it decides when it counts (order number, account number).
            Add(Mobile, "number");
            Add(PaymentCard, "credit", "debit");
            Add(Ifsc, "branch");
            Add(UpiVpa, "paytm", "pay", "paid", "payment");
            Add(PersonName, "name", "mr", "mrs", "ms", "shri", "smt", "dear");
            Add(PostalAddress, "address", "addr", "street");
        }

        return map;
    }
}
