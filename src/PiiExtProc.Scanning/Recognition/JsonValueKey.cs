namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// What the key of a JSON value says, from its container: the rule shared by a body's JSON parser
/// (<see cref="Sessions.BodyScanSession"/>) and the embedded-document pass of the <see cref="Detector"/>, so that a
/// document inside a value is read with the same key roles as the same document sent as a body.
/// </summary>
internal static class JsonValueKey
{
    /// <summary>
    /// The key class of the current value (or of a container about to open, <paramref name="forContainer"/>) in a
    /// container: an array passes its own key to its elements (an object in an array of addresses, names or parties is an
    /// address or name object too); a typed value's wrapper under a key with a role (<see cref="TypedValueWrapper"/>) is
    /// that key's value; a member of an address or name object takes its part role (street, city, first or last name); a
    /// member whose key says nothing inherits the entities of the container's key.
    /// </summary>
    /// <param name="isArray">The innermost open container is an array.</param>
    /// <param name="containerKey">What the key holding that container says.</param>
    /// <param name="propertyKey">For an object: the current property's class.</param>
    /// <param name="forContainer">The value is a container about to open.</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static KeyClass Of(bool isArray, KeyClass containerKey, KeyClass propertyKey, bool forContainer)
    {
        if (isArray)
        {
            // An object in an array of addresses or names (FHIR's "name": [{"given": [...], "family": ...}]) is an address
            // or name object too, and so is a party's ("passengers": [{"first": ..., "last": ...}], each its own record);
            // other containers in an array take its entities but not its role.
            return forContainer && containerKey.Role is not (ValueRole.PostalAddress or ValueRole.PersonName or ValueRole.PartyName)
                ? containerKey with { Role = ValueRole.None }
                : containerKey;
        }

        if (containerKey.Role != ValueRole.None && propertyKey.Wrapper == (forContainer ? TypedValueWrapper.Container : TypedValueWrapper.Value))
        {
            // A typed value's wrapper under a key with a role ({"name": {"S": "Ravi Kumar"}}, {"address": {"M": {...}}},
            // {"fullName": {"stringValue": ...}}): the wrapped value is the key's own. (The clean-body proof never reads
            // inside a container whose key has a role.)
            return containerKey;
        }

        if (propertyKey.TakesPartRoleIn(containerKey.Role) && (!forContainer || propertyKey.Role == ValueRole.None))
        {
            // A member of an address object (a street or city part) or of a name object (a first or last name). An
            // array of them ("lines": [...]) holds parts too; an address-named object inside (an "address" in a
            // "shipping_address") stays an address object.
            return new KeyClass(propertyKey.Entities, false, propertyKey.MemberPartRole);
        }

        if (propertyKey.IsNone && containerKey.Entities != 0)
        {
            return containerKey.InheritedByMembers;
        }

        return propertyKey;
    }

    /// <summary>
    /// The key class a property name is scanned under when it may be data (a map keyed by mobile numbers): the entities
    /// of the object's key, as a member whose key says nothing inherits them (<c>"mobiles": {"9876543210": ...}</c>).
    /// </summary>
    /// <param name="containerKey">What the key holding the object says.</param>
    public static KeyClass OfName(KeyClass containerKey) => containerKey.Entities != 0 ? containerKey.InheritedByMembers : KeyClass.None;
}
