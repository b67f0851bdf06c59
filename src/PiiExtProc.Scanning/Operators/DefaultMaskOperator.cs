using System.Buffers;
using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Operators;

/// <summary>
/// The default operator: a format-preserving mask chosen per entity, following the UIDAI masked Aadhaar, the
/// CBDT/stdnum PAN mask, PCI card truncation and the Project Guardian 2.0 display forms. Separators are kept and
/// each masked character is replaced by one 'X'. These forms are the most a default mask reveals.
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Entity</term><description>Form (example)</description></listheader>
/// <item><term>IN_MOBILE</term><description>prefix (+91, 91, 0) kept, first 2 and last 2 of the 10 national digits: <c>+91 98XXX XXX10</c>, <c>98XXXXXX10</c></description></item>
/// <item><term>IN_AADHAAR, IN_AADHAAR_VID</term><description>last 4 digits (UIDAI masked Aadhaar): <c>XXXX XXXX 9012</c></description></item>
/// <item><term>IN_PAN</term><description>first 5 letters (series, holder type, name initial); the serial and the check letter are hidden: <c>ABCPDXXXXX</c></description></item>
/// <item><term>IN_PASSPORT</term><description>first letter: <c>PXXXXXXX</c></description></item>
/// <item><term>IN_VOTER_ID, CREDIT_CARD, IN_BANK_ACCOUNT</term><description>last 4: <c>XXXXXX4567</c>, <c>XXXX XXXX XXXX 1111</c></description></item>
/// <item><term>IBAN_CODE</term><description>country code and last 4: <c>GBXX XXXX XXXX XXXX XX54 32</c></description></item>
/// <item><term>IN_UPI_VPA, EMAIL_ADDRESS</term><description>2 characters of the local part (at most half), "XXX", the handle or domain: <c>usXXX@paytm</c>, <c>raXXX@email.com</c></description></item>
/// <item><term>PERSON_NAME</term><description>initial of each word: <c>RXXXX KXXXX</c></description></item>
/// <item><term>IN_GSTIN</term><description>state code: <c>27XXXXXXXXXXXXX</c></description></item>
/// <item><term>IN_IFSC</term><description>bank code: <c>SBINXXXXXXX</c></description></item>
/// <item><term>IN_PIN_CODE</term><description>sorting district: <c>560XXX</c></description></item>
/// <item><term>POSTAL_ADDRESS, IP_ADDRESS, DEVICE_ID, DATE_OF_BIRTH</term><description>a label: <c>[REDACTED_ADDRESS]</c>, <c>[REDACTED_IP]</c>, <c>[REDACTED_DEVICE_ID]</c>, <c>[REDACTED_DOB]</c></description></item>
/// <item><term>custom entities</term><description>every letter and digit masked, separators kept</description></item>
/// </list>
/// Immutable and thread-safe.
/// </remarks>
public sealed class DefaultMaskOperator : RedactionOperator
{
    private const int NationalMobileDigits = 10;

    /// <summary>The one instance.</summary>
    public static DefaultMaskOperator Instance { get; } = new();

    private DefaultMaskOperator()
    {
    }

    /// <inheritdoc/>
    public override OperatorKind Kind => OperatorKind.Mask;

    private static ReadOnlySpan<byte> Mask => "X"u8;

    /// <summary>The longest label written.</summary>
    private static ReadOnlySpan<byte> LongestLabel => "[REDACTED_DEVICE_ID]"u8;

    /// <inheritdoc/>
    public override void Write(PiiEntity entity, ReadOnlySpan<byte> value, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(destination);
        destination.Advance(Write(entity, value, destination.GetSpan(MaxOutputBytes(value.Length))));
    }

    /// <summary>Every form fits in 4 bytes per value byte (a mask rune per byte at most) plus the 20-byte longest label.</summary>
    internal override int MaxOutputBytes(int valueLength) => Utf8Masking.MaxOutputBytes(valueLength, 3 * Mask.Length + LongestLabel.Length);

    /// <summary>True: value bytes, 'X' and the bracketed ASCII labels.</summary>
    internal override bool OutputNeedsNoJsonEscaping => true;

    /// <inheritdoc/>
    internal override int Write(PiiEntity entity, ReadOnlySpan<byte> value, Span<byte> destination)
    {
        switch (BuiltInId.Of(entity))
        {
            case BuiltInId.Mobile:
                return WriteMobile(value, destination);
            case BuiltInId.Aadhaar or BuiltInId.AadhaarVirtualId or BuiltInId.VoterId or BuiltInId.PaymentCard or BuiltInId.BankAccount:
                return WriteMasked(value, 0, 4, destination);
            case BuiltInId.Pan:
                return WriteMasked(value, 5, 0, destination);
            case BuiltInId.Passport:
                return WriteMasked(value, 1, 0, destination);
            case BuiltInId.Iban:
                return WriteMasked(value, 2, 4, destination);
            case BuiltInId.Gstin:
                return WriteMasked(value, 2, 0, destination);
            case BuiltInId.Ifsc:
                return WriteMasked(value, 4, 0, destination);
            case BuiltInId.PinCode:
                return WriteMasked(value, 3, 0, destination);
            case BuiltInId.UpiVpa or BuiltInId.Email:
                return Utf8Masking.WriteLocalPartMasked(value, Mask, destination);
            case BuiltInId.PersonName:
                return Utf8Masking.WriteInitials(value, Mask, destination);
            case BuiltInId.PostalAddress:
                return Utf8Masking.WriteBytes("[REDACTED_ADDRESS]"u8, destination);
            case BuiltInId.IpAddress:
                return Utf8Masking.WriteBytes("[REDACTED_IP]"u8, destination);
            case BuiltInId.DeviceId:
                return Utf8Masking.WriteBytes(LongestLabel, destination);
            case BuiltInId.DateOfBirth:
                return Utf8Masking.WriteBytes("[REDACTED_DOB]"u8, destination);
            default:
                return WriteMasked(value, 0, 0, destination);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => "mask(default)";

    /// <summary>Keeps the prefix digits before the last 10 (country code or trunk 0), then 2 and 2 of the national number.</summary>
    private static int WriteMobile(ReadOnlySpan<byte> value, Span<byte> destination)
    {
        var digits = Utf8Masking.CountLettersAndDigits(value, out var ascii);
        var keepFirst = digits >= NationalMobileDigits ? digits - NationalMobileDigits + 2 : 2;
        return Utf8Masking.WriteMasked(value, keepFirst, 2, Mask, keepSeparators: true, destination, ascii, digits);
    }

    /// <summary>Masks every letter and digit but the first <paramref name="keepFirst"/> and last <paramref name="keepLast"/>; separators kept.</summary>
    private static int WriteMasked(ReadOnlySpan<byte> value, int keepFirst, int keepLast, Span<byte> destination)
    {
        var count = Utf8Masking.CountLettersAndDigits(value, out var ascii);
        return Utf8Masking.WriteMasked(value, keepFirst, keepLast, Mask, keepSeparators: true, destination, ascii, count);
    }
}
