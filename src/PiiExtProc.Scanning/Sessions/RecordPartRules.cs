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
        _ => RecordParts.None,
    };

    /// <summary>The combination groups that the parts of a record complete (a full name, a full address).</summary>
    public static uint GroupsOf(RecordParts parts) =>
        ((parts & RecordParts.FullName) == RecordParts.FullName ? s_nameGroup : 0)
        | ((parts & RecordParts.FullAddress) == RecordParts.FullAddress ? s_addressGroup : 0);

    /// <summary>True when the other half of part <paramref name="role"/> is in the record too (else the part is dropped).</summary>
    public static bool IsComplete(ValueRole role, RecordParts parts)
    {
        RecordParts whole = role is ValueRole.FirstName or ValueRole.LastName ? RecordParts.FullName : RecordParts.FullAddress;
        return (parts & whole) == whole;
    }
}
