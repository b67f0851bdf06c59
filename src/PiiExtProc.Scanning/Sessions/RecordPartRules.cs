using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>How part matches (<see cref="RecordParts"/>) count in the Guardian combination of a record.</summary>
internal static class RecordPartRules
{
    /// <summary>The combination group of a full name (that of PERSON_NAME).</summary>
    private static readonly uint s_nameGroup = EntityTable.CombinationGroup(PiiEntity.PersonName);

    /// <summary>The combination group of a full address (that of POSTAL_ADDRESS).</summary>
    private static readonly uint s_addressGroup = EntityTable.CombinationGroup(PiiEntity.PostalAddress);

    /// <summary>The part a match of role <paramref name="role"/> is (<see cref="RecordParts.None"/> for a whole-value match).</summary>
    public static RecordParts PartOf(ValueRole role) => role switch
    {
        ValueRole.FirstName => RecordParts.FirstName,
        ValueRole.LastName => RecordParts.LastName,
        ValueRole.StreetPart => RecordParts.Street,
        ValueRole.CityPart => RecordParts.City,
        ValueRole.AddresseeName => RecordParts.Addressee,
        _ => RecordParts.None,
    };

    /// <summary>
    /// The part a record's PIN code findings stand for: a city part (<see cref="RecordParts.City"/>) when
    /// <paramref name="matches"/> hold an IN_PIN_CODE that is not allow-listed, else none. A street and the PIN code are a
    /// full address: Blue Dart's consignee block has address lines and a PIN code, no city field.
    /// </summary>
    public static RecordParts PinCodePartOf(ReadOnlySpan<RawMatch> matches)
    {
        foreach (ref readonly RawMatch match in matches)
        {
            if (ReferenceEquals(match.Entity, PiiEntity.PinCode) && !match.Allowed)
            {
                return RecordParts.City;
            }
        }

        return RecordParts.None;
    }

    /// <summary>
    /// The parts a whole-value match of combination group <paramref name="group"/> stands for: a full address completes
    /// its record's address parts (a line field that holds the whole address beside a city field: the city is that
    /// address's part). Not a full name: a one-word value under a name key beside it is no part of that name (a column
    /// declaration's <c>{"name": "email"}</c>).
    /// </summary>
    public static RecordParts WholePartsOf(uint group) => group == s_addressGroup ? RecordParts.FullAddress : RecordParts.None;

    /// <summary>The combination groups that the parts of a record complete (a full name, or an addressee's name with a
    /// full address; a full address).</summary>
    public static uint GroupsOf(RecordParts parts)
    {
        bool fullAddress = (parts & RecordParts.FullAddress) == RecordParts.FullAddress;
        bool fullName = (parts & RecordParts.FullName) == RecordParts.FullName || (fullAddress && (parts & RecordParts.Addressee) != 0);
        return (fullName ? s_nameGroup : 0) | (fullAddress ? s_addressGroup : 0);
    }

    /// <summary>True when the other half of part <paramref name="role"/> is in the record too (else the part is dropped):
    /// the other name part, the other address part, or a full address for an addressee's name.</summary>
    public static bool IsComplete(ValueRole role, RecordParts parts)
    {
        RecordParts whole = role is ValueRole.FirstName or ValueRole.LastName ? RecordParts.FullName : RecordParts.FullAddress;
        return (parts & whole) == whole;
    }
}
