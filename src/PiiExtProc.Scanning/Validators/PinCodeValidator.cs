namespace PiiExtProc.Scanning.Validators;

/// <summary>
/// Checks an Indian postal index number (PIN code), 6 ASCII digits. The first digit is the region (1-8 geographic,
/// 9 Army Postal Service), the first two the postal circle, the first three the sorting district.
/// </summary>
/// <remarks>
/// Assigned circle prefixes: 11 Delhi; 12-13 Haryana; 14-16 Punjab (16 Chandigarh); 17 Himachal Pradesh;
/// 18-19 Jammu and Kashmir; 20-28 Uttar Pradesh / Uttarakhand; 30-34 Rajasthan; 36-39 Gujarat; 40-44 Maharashtra;
/// 45-49 Madhya Pradesh / Chhattisgarh; 50-53 Andhra Pradesh / Telangana; 56-59 Karnataka; 60-64 Tamil Nadu;
/// 67-69 Kerala; 70-74 West Bengal; 75-77 Odisha; 78 Assam; 79 North-East; 80-85 Bihar / Jharkhand;
/// 90-99 Army Postal Service. Unassigned (inferred from the gaps of that table, not from an official list):
/// 10, 29, 35, 54-55, 65-66, 86-89.
/// Sources: India Post circle table as quoted by speedpost.net.in, getpincode.org and medindia.net
/// (pii-detection.md §3 "PIN code").
/// </remarks>
internal static class PinCodeValidator
{
    /// <summary>Length of a PIN code, digits.</summary>
    public const int Length = 6;

    /// <summary>
    /// Returns true when <paramref name="sixDigits"/> is 6 ASCII digits whose first two digits are an assigned
    /// postal-circle prefix (which also makes the first digit 1-9).
    /// </summary>
    /// <param name="sixDigits">Six ASCII bytes.</param>
    public static bool IsAssigned(ReadOnlySpan<byte> sixDigits)
    {
        if (sixDigits.Length != Length || !Ascii.AllDigits(sixDigits))
        {
            return false;
        }

        int circle = ((sixDigits[0] - '0') * 10) + (sixDigits[1] - '0');
        return circle is (>= 11 and <= 28) or (>= 30 and <= 34) or (>= 36 and <= 53) or (>= 56 and <= 64)
            or (>= 67 and <= 85) or (>= 90 and <= 99);
    }
}
