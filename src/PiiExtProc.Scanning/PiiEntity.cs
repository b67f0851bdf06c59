using System.Collections.Frozen;

namespace PiiExtProc.Scanning;

/// <summary>
/// A kind of personal data that recognizers find (Presidio calls it an entity type), such as
/// <c>IN_AADHAAR</c>. Instances are interned: compare by reference or by <see cref="Name"/>.
/// </summary>
/// <remarks>
/// <see cref="Name"/> is the stable identifier used in policy files, metric labels and audit events, so
/// the set of names is bounded: the built-ins below plus the custom entities a policy declares.
/// </remarks>
public sealed class PiiEntity
{
    /// <summary>Indian mobile number: 10 digits starting 6-9, optional +91, 91 or 0 prefix.</summary>
    public static readonly PiiEntity IndianMobile = new("IN_MOBILE", EntityCategory.Identifier, 0);

    /// <summary>Aadhaar number: 12 digits, first digit 2-9, Verhoeff check digit (UIDAI).</summary>
    public static readonly PiiEntity Aadhaar = new("IN_AADHAAR", EntityCategory.Identifier, 1);

    /// <summary>Aadhaar Virtual ID: 16 digits, first digit 2-9, Verhoeff check digit (UIDAI).</summary>
    public static readonly PiiEntity AadhaarVirtualId = new("IN_AADHAAR_VID", EntityCategory.Identifier, 2);

    /// <summary>Permanent Account Number: AAAAA9999A with a holder-type 4th letter (CBDT).</summary>
    public static readonly PiiEntity Pan = new("IN_PAN", EntityCategory.Identifier, 3);

    /// <summary>GST identification number: state code, embedded PAN, Luhn mod-36 check character.</summary>
    public static readonly PiiEntity Gstin = new("IN_GSTIN", EntityCategory.Attribute, 4);

    /// <summary>Indian passport number: one letter and seven digits.</summary>
    public static readonly PiiEntity IndianPassport = new("IN_PASSPORT", EntityCategory.Identifier, 5);

    /// <summary>Voter ID (EPIC): three letters and seven digits, Luhn over the serial.</summary>
    public static readonly PiiEntity VoterId = new("IN_VOTER_ID", EntityCategory.Identifier, 6);

    /// <summary>Indian Financial System Code: four letters, a zero, six alphanumerics.</summary>
    public static readonly PiiEntity Ifsc = new("IN_IFSC", EntityCategory.Attribute, 7);

    /// <summary>UPI virtual payment address: <c>handle@psp</c>, the PSP part without a dot.</summary>
    public static readonly PiiEntity UpiVpa = new("IN_UPI_VPA", EntityCategory.Identifier, 8);

    /// <summary>Bank account number: 9-18 digits, recognized only with context.</summary>
    public static readonly PiiEntity BankAccount = new("IN_BANK_ACCOUNT", EntityCategory.Identifier, 9);

    /// <summary>Indian PIN code: 6 digits with an assigned postal-circle prefix, recognized only with context.</summary>
    public static readonly PiiEntity PinCode = new("IN_PIN_CODE", EntityCategory.Attribute, 10);

    /// <summary>Email address.</summary>
    public static readonly PiiEntity Email = new("EMAIL_ADDRESS", EntityCategory.QuasiIdentifier, 11);

    /// <summary>IPv4 or IPv6 address.</summary>
    public static readonly PiiEntity IpAddress = new("IP_ADDRESS", EntityCategory.QuasiIdentifier, 12);

    /// <summary>Payment card number: 12-19 digits, Luhn, known IIN ranges.</summary>
    public static readonly PiiEntity PaymentCard = new("CREDIT_CARD", EntityCategory.Identifier, 13);

    /// <summary>International bank account number: ISO 13616, mod-97 check digits.</summary>
    public static readonly PiiEntity Iban = new("IBAN_CODE", EntityCategory.Identifier, 14);

    /// <summary>Date of birth, recognized only with context.</summary>
    public static readonly PiiEntity DateOfBirth = new("DATE_OF_BIRTH", EntityCategory.Attribute, 15);

    /// <summary>A person's full name (first and last), from JSON keys and context words.</summary>
    public static readonly PiiEntity PersonName = new("PERSON_NAME", EntityCategory.QuasiIdentifier, 16);

    /// <summary>A postal address (street, city and PIN code), from JSON keys and context words.</summary>
    public static readonly PiiEntity PostalAddress = new("POSTAL_ADDRESS", EntityCategory.QuasiIdentifier, 17);

    /// <summary>A device identifier tied to a user, from JSON keys.</summary>
    public static readonly PiiEntity DeviceId = new("DEVICE_ID", EntityCategory.QuasiIdentifier, 18);

    private static readonly PiiEntity[] s_builtIn =
    [
        IndianMobile, Aadhaar, AadhaarVirtualId, Pan, Gstin, IndianPassport, VoterId, Ifsc, UpiVpa, BankAccount,
        PinCode, Email, IpAddress, PaymentCard, Iban, DateOfBirth, PersonName, PostalAddress, DeviceId,
    ];

    private static readonly FrozenDictionary<string, PiiEntity> s_byName =
        s_builtIn.ToFrozenDictionary(e => e.Name, StringComparer.Ordinal);

    private PiiEntity(string name, EntityCategory category, int builtInIndex = -1)
    {
        Name = name;
        Category = category;
        BuiltInIndex = builtInIndex;
    }

    /// <summary>Position in <see cref="BuiltIn"/> (the <c>Recognition.BuiltInId</c> constants), or -1 for a custom entity.</summary>
    internal int BuiltInIndex { get; }

    /// <summary>The stable upper-case name, for example <c>IN_AADHAAR</c>.</summary>
    public string Name { get; }

    /// <summary>How the entity counts towards a record being PII.</summary>
    public EntityCategory Category { get; }

    /// <summary>The built-in entity at <paramref name="index"/> of <see cref="BuiltIn"/> (no interface call; hot paths).</summary>
    internal static PiiEntity FromBuiltInIndex(int index) => s_builtIn[index];

    /// <summary>True for the entities this library defines; false for custom entities from a policy.</summary>
    public bool IsBuiltIn => BuiltInIndex >= 0;

    /// <summary>Every built-in entity, in a fixed order.</summary>
    public static IReadOnlyList<PiiEntity> BuiltIn => s_builtIn;

    /// <summary>Finds a built-in entity by name (ordinal, case-sensitive); null when there is none.</summary>
    public static PiiEntity? FindBuiltIn(string name) => s_byName.GetValueOrDefault(name);

    /// <summary>Longest entity name, characters (ASCII: A-Z, 0-9, '_'); built-in names are shorter.</summary>
    internal const int MaxNameLength = 64;

    /// <summary>
    /// Creates a custom entity declared by a policy. The name must be 1-64 characters of A-Z, 0-9 and '_'
    /// and must not be a built-in name.
    /// </summary>
    /// <exception cref="ArgumentException">The name is malformed or taken by a built-in entity.</exception>
    public static PiiEntity CreateCustom(string name, EntityCategory category)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is 0 or > MaxNameLength || !name.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'))
        {
            throw new ArgumentException($"Entity name '{name}' must be 1-64 characters of A-Z, 0-9 and '_'.", nameof(name));
        }

        if (s_byName.ContainsKey(name))
        {
            throw new ArgumentException($"Entity name '{name}' is a built-in entity.", nameof(name));
        }

        return new PiiEntity(name, category);
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
