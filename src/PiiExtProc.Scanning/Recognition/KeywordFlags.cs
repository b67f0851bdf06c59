namespace PiiExtProc.Scanning.Recognition;

/// <summary>What a keyword of the <see cref="KeywordTable"/> is besides a key or context word.</summary>
[Flags]
internal enum KeywordFlags : byte
{
    /// <summary>Nothing else.</summary>
    None = 0,

    /// <summary>A negative word: the number next to it is not personal data (order, timestamp...).</summary>
    Negative = 1,

    /// <summary>A person-name qualifier (<c>customer</c> in <c>customer_name</c>).</summary>
    PersonQualifier = 2,

    /// <summary>A UPI payment-service-provider handle (<c>ybl</c>, <c>oksbi</c>).</summary>
    UpiHandle = 4,

    /// <summary>A deny-list term (see <see cref="KeywordInfo.DenyEntity"/>).</summary>
    Deny = 8,

    /// <summary>
    /// A context word that names what the word before it names, when that word is a context or negative word
    /// (<c>number</c>: <c>my number</c> is a mobile, <c>account number</c> an account, <c>order number</c> no personal
    /// data; <see cref="Keywords.CompoundHeads"/>).
    /// </summary>
    CompoundHead = 16,
}
