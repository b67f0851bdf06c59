namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// Small integer ids of the built-in entities (their position in <see cref="PiiEntity.BuiltIn"/>) and bit masks over
/// them, so that keyword tables and per-value context are a single <see cref="uint"/>.
/// </summary>
internal static class BuiltInId
{
    public const int Mobile = 0;
    public const int Aadhaar = 1;
    public const int AadhaarVirtualId = 2;
    public const int Pan = 3;
    public const int Gstin = 4;
    public const int Passport = 5;
    public const int VoterId = 6;
    public const int Ifsc = 7;
    public const int UpiVpa = 8;
    public const int BankAccount = 9;
    public const int PinCode = 10;
    public const int Email = 11;
    public const int IpAddress = 12;
    public const int PaymentCard = 13;
    public const int Iban = 14;
    public const int DateOfBirth = 15;
    public const int PersonName = 16;
    public const int PostalAddress = 17;
    public const int DeviceId = 18;
    public const int Count = 19;

    /// <summary>Entities recognized from digits alone, which negative context (order IDs, timestamps, URL paths) suppresses.</summary>
    public const uint DigitOnlyMask =
        (1u << Mobile) | (1u << Aadhaar) | (1u << AadhaarVirtualId) | (1u << BankAccount) | (1u << PinCode)
        | (1u << PaymentCard) | (1u << DateOfBirth);

    /// <summary>The bit of one entity.</summary>
    public static uint Bit(int id) => 1u << id;

    /// <summary>The id of a built-in entity, or -1 for a custom one.</summary>
    public static int Of(PiiEntity entity) => entity.BuiltInIndex;
}
