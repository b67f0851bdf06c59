namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// What a JSON key (property name, with its parent as fallback) says about the values under it.
/// </summary>
/// <param name="Entities">Built-in entities the key names (<see cref="BuiltInId"/> bits): a value of that entity's
/// format under this key needs no checksum or context word.</param>
/// <param name="Negative">The key names something that is not personal data (order, transaction, timestamp...):
/// digit-only recognizers are suppressed under it unless <paramref name="Entities"/> names them.</param>
/// <param name="Role">The whole-value role, for names, addresses and device IDs.</param>
/// <param name="MemberPartRole">The part role the key takes as a member of an address object
/// (<see cref="ValueRole.StreetPart"/>: <c>line1</c>, <c>street</c>, <c>house_no</c>..., and any address-named key;
/// <see cref="ValueRole.CityPart"/>: <c>city</c>, <c>town</c>, <c>state</c>...) or of a name object
/// (<see cref="ValueRole.FirstName"/>: <c>first</c>, <c>given</c>, <c>middle</c>; <see cref="ValueRole.LastName"/>:
/// <c>last</c>, <c>family</c>), or <see cref="ValueRole.None"/>. It takes effect only inside such an object
/// (<see cref="TakesPartRoleIn"/>); outside one, the narrower flat fields (<c>street</c>, <c>city</c>, <c>first_name</c>;
/// not <c>state</c>, <c>line</c> or <c>first</c>) are the key's <paramref name="Role"/> itself.</param>
internal readonly record struct KeyClass(uint Entities, bool Negative, ValueRole Role, ValueRole MemberPartRole = ValueRole.None)
{
    /// <summary>No information: free text rules apply.</summary>
    public static KeyClass None => default;

    /// <summary>True when the key says nothing.</summary>
    public bool IsNone => Entities == 0 && !Negative && Role == ValueRole.None;

    /// <summary>
    /// What this key, as a container's key, says about a member whose own key says nothing (<c>"mobile": {"home": ...}</c>):
    /// the entities it names, except DEVICE_ID; no role and no negative.
    /// </summary>
    public KeyClass InheritedByMembers => new(Entities & ~BuiltInId.Bit(BuiltInId.DeviceId), false, ValueRole.None);

    /// <summary>
    /// True when the key's <see cref="MemberPartRole"/> applies under a container of role <paramref name="containerRole"/>:
    /// address parts in an address object (<see cref="ValueRole.PostalAddress"/>), name parts in a name object
    /// (<see cref="ValueRole.PersonName"/>).
    /// </summary>
    public bool TakesPartRoleIn(ValueRole containerRole) => MemberPartRole switch
    {
        ValueRole.StreetPart or ValueRole.CityPart => containerRole == ValueRole.PostalAddress,
        ValueRole.FirstName or ValueRole.LastName => containerRole == ValueRole.PersonName,
        _ => false,
    };
}
