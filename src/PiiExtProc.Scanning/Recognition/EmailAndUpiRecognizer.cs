namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// EMAIL_ADDRESS and IN_UPI_VPA, both <c>local@domain</c>: a domain with a dot and an alphabetic top-level label of two
/// or more letters is an email (Presidio EmailRecognizer validates the TLD, pii-detection.md §1.3); a handle without a
/// dot is a UPI VPA (NPCI; §3: <c>9876543210@ybl</c>, <c>name@oksbi</c>). A handle from the list of payment-service
/// providers scores <see cref="KnownHandleScore"/>; any other dotless handle scores <see cref="UnknownHandleScore"/> and
/// needs a context word (upi, vpa, pay) or key.
/// </summary>
internal static class EmailAndUpiRecognizer
{
    public const string EmailName = "email.pattern";
    public const string UpiName = "upi.handle";
    public const string UpiPatternName = "upi.pattern";

    /// <summary>Email with a valid-looking domain.</summary>
    public const float EmailScore = 0.9f;

    /// <summary>UPI VPA with a known PSP handle.</summary>
    public const float KnownHandleScore = 0.9f;

    /// <summary>UPI VPA with an unknown handle.</summary>
    public const float UnknownHandleScore = 0.4f;

    /// <summary>Longest local part read back from the <c>@</c>, bytes (RFC 5321 limit).</summary>
    public const int MaxLocalLength = 64;

    /// <summary>Longest domain read after the <c>@</c>, bytes.</summary>
    public const int MaxDomainLength = 253;

    /// <summary>Known PSP handles (NPCI list, pii-detection.md §3), compiled into the <see cref="KeywordTable"/>.</summary>
    public static readonly string[] Handles =
    [
        "upi", "ybl", "ibl", "axl", "paytm", "ptyes", "ptaxis", "pthdfc", "ptsbi", "apl", "yapl", "oksbi", "okhdfcbank",
        "okicici", "okaxis", "sbi", "icici", "hdfcbank", "axisbank", "axis", "kotak", "yesbank", "phonepe",
        "unionbank", "indianbank", "pnb", "canara", "hdfc", "andhra", "federal", "karnataka", "punjab", "maharashtra",
        "boi", "barodampay", "idfcbank", "idfcfirst", "indus", "rbl", "aubank", "jupiteraxis", "naviaxis", "freecharge",
        "airtel", "jio", "waicici", "wahdfcbank", "wasbi", "waaxis", "postbank", "dbs", "citi", "hsbc", "sc", "cnrb",
        "uboi", "ikwik", "mobikwik", "fbl", "kbl", "kvb", "tjsb", "cbin", "centralbank", "allbank", "iob", "indbank",
        "uco", "vijb", "dlb", "equitas", "fino", "slice", "superyes", "tapicici", "timecosmos", "yesg", "abfspay", "pingpay",
        // the handles of newer payment apps (Fi on Federal Bank, CRED on Yes Bank and Axis, Google Pay for business)
        "fifederal", "yescred", "axisb", "okbizaxis",
    ];

    /// <summary>True for an email local-part byte.</summary>
    public static bool IsLocalByte(byte b) => (ByteClasses[b] & LocalByte) != 0;

    /// <summary>True for a domain byte.</summary>
    public static bool IsDomainByte(byte b) => (ByteClasses[b] & DomainByte) != 0;

    /// <summary>Scores <paramref name="local"/>@<paramref name="domain"/>; returns the entity id or -1.</summary>
    public static int Classify(ReadOnlySpan<byte> local, ReadOnlySpan<byte> domain, KeywordTable keywords, out float patternScore, out string recognizer)
    {
        patternScore = 0;
        recognizer = EmailName;
        if (local.IsEmpty || domain.IsEmpty || local[0] == '.' || local[^1] == '.')
        {
            return -1;
        }

        int dot = domain.LastIndexOf((byte)'.');
        if (dot >= 0)
        {
            ReadOnlySpan<byte> tld = domain[(dot + 1)..];
            if (tld.Length < 2 || dot == 0 || domain.IndexOf(".."u8) >= 0 || domain[0] == '-')
            {
                return -1;
            }

            foreach (byte b in tld)
            {
                if (!Ascii.IsLetter(b))
                {
                    return -1;
                }
            }

            patternScore = EmailScore;
            return BuiltInId.Email;
        }

        if (domain.Length is < 2 or > 32 || local.Length < 2)
        {
            return -1;
        }

        foreach (byte b in domain)
        {
            if (!Ascii.IsLetter(b))
            {
                return -1;
            }
        }

        foreach (byte b in local)
        {
            if (b is (byte)'%' or (byte)'+')
            {
                return -1;
            }
        }

        recognizer = UpiPatternName;
        patternScore = UnknownHandleScore;
        if (keywords.IsUpiHandle(domain))
        {
            patternScore = KnownHandleScore;
            recognizer = UpiName;
        }

        return BuiltInId.UpiVpa;
    }

    /// <summary>
    /// Classifies a whole value as one <c>local@domain</c> candidate in one pass over its bytes (keyed fast path): the
    /// value must hold exactly one <c>@</c>, every byte before it a local-part byte (at most <see cref="MaxLocalLength"/>,
    /// not starting with <c>. - +</c>), every byte after it a domain byte (at most <see cref="MaxDomainLength"/>, not
    /// ending with <c>. -</c>); then the same cases as <see cref="Classify"/>. Returns the entity id or -1.
    /// </summary>
    public static int ClassifyWhole(ReadOnlySpan<byte> text, KeywordTable keywords, out float patternScore, out string recognizer)
    {
        patternScore = 0;
        recognizer = EmailName;
        ReadOnlySpan<byte> classes = ByteClasses;
        bool percentOrPlus = false;
        int at = 0;
        for (; at < text.Length; at++)
        {
            byte b = text[at];
            if ((classes[b] & LocalByte) == 0)
            {
                if (b != '@')
                {
                    return -1;
                }

                break;
            }

            percentOrPlus |= b is (byte)'%' or (byte)'+';
        }

        int domainLength = text.Length - at - 1;
        if (at == 0 || at > MaxLocalLength || domainLength <= 0 || domainLength > MaxDomainLength
            || text[0] is (byte)'.' or (byte)'-' or (byte)'+' || text[at - 1] == '.')
        {
            return -1;
        }

        // The domain: its bytes, its last dot, a ".." and whether the label after the last dot (the whole domain when
        // there is no dot) holds a byte other than an ASCII letter.
        int lastDot = -1;
        bool doubleDot = false;
        bool nonLetter = false;
        byte previous = 0;
        for (int i = at + 1; i < text.Length; i++)
        {
            byte b = text[i];
            if ((classes[b] & DomainByte) == 0)
            {
                return -1;
            }

            if (b == '.')
            {
                doubleDot |= previous == '.';
                lastDot = i;
                nonLetter = false;
            }
            else
            {
                nonLetter |= !Ascii.IsLetter(b);
            }

            previous = b;
        }

        byte domainFirst = text[at + 1];
        if (previous is (byte)'.' or (byte)'-' || domainFirst == '-')
        {
            return -1;
        }

        if (lastDot >= 0)
        {
            if (text.Length - lastDot - 1 < 2 || lastDot == at + 1 || doubleDot || nonLetter)
            {
                return -1;
            }

            patternScore = EmailScore;
            return BuiltInId.Email;
        }

        if (domainLength is < 2 or > 32 || at < 2 || nonLetter || percentOrPlus)
        {
            return -1;
        }

        recognizer = UpiPatternName;
        patternScore = UnknownHandleScore;
        if (keywords.IsUpiHandle(text[(at + 1)..]))
        {
            patternScore = KnownHandleScore;
            recognizer = UpiName;
        }

        return BuiltInId.UpiVpa;
    }

    /// <summary><see cref="ByteClasses"/> bit of a local-part byte: ASCII letter, digit, <c>. _ % + -</c>.</summary>
    private const byte LocalByte = 1;

    /// <summary><see cref="ByteClasses"/> bit of a domain byte: ASCII letter, digit, <c>. -</c>.</summary>
    private const byte DomainByte = 2;

    /// <summary>By byte value: <see cref="LocalByte"/> and <see cref="DomainByte"/> bits (one load per byte instead of range tests).</summary>
    private static ReadOnlySpan<byte> ByteClasses =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 3, 3, 0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0, 0,
        0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 1,
        0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];
}
