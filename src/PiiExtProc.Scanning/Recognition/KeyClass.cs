namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// What a JSON key (property name, with its parent as fallback) says about the values under it, in 8 bytes: four
/// fields (the negative flag and the attribute-list part share a byte), so a copy is one register.
/// </summary>
internal readonly record struct KeyClass
{
    private const byte NegativeFlag = 1;
    private const int AttributeShift = 1;
    private const byte MobileInStringsOnlyFlag = 8;
    private const byte PartInAddressHolderFlag = 16;
    private const byte DeclaresColumnsFlag = 32;
    private const int WrapperShift = 6;

    /// <summary>Creates a key class.</summary>
    /// <param name="entities">Built-in entities the key names (<see cref="BuiltInId"/> bits): a value of that entity's
    /// format under this key needs no checksum or context word.</param>
    /// <param name="negative">The key names something that is not personal data (order, transaction, timestamp...):
    /// digit-only recognizers are suppressed under it unless <paramref name="entities"/> names them.</param>
    /// <param name="role">The whole-value role, for names, addresses and device IDs.</param>
    /// <param name="memberPartRole">See <see cref="MemberPartRole"/>.</param>
    /// <param name="attribute">See <see cref="Attribute"/>.</param>
    public KeyClass(uint entities, bool negative, ValueRole role, ValueRole memberPartRole = ValueRole.None, AttributeMember attribute = AttributeMember.None)
    {
        Entities = entities;
        Role = role;
        MemberPartRole = memberPartRole;
        _flags = (byte)((negative ? NegativeFlag : 0) | ((int)attribute << AttributeShift));
    }

    /// <summary>Built-in entities the key names (<see cref="BuiltInId"/> bits).</summary>
    public uint Entities { get; init; }

    /// <summary>The key names something that is not personal data (order, transaction, timestamp...): digit-only
    /// recognizers are suppressed under it unless <see cref="Entities"/> names them.</summary>
    public bool Negative
    {
        get => (_flags & NegativeFlag) != 0;
        init => _flags = (byte)((_flags & ~NegativeFlag) | (value ? NegativeFlag : 0));
    }

    /// <summary>The whole-value role, for names, addresses and device IDs.</summary>
    public ValueRole Role { get; init; }

    /// <summary>
    /// The part role the key takes as a member of an address object (<see cref="ValueRole.StreetPart"/>: <c>line1</c>,
    /// <c>street</c>, <c>house_no</c>..., and any address-named key; <see cref="ValueRole.CityPart"/>: <c>city</c>,
    /// <c>town</c>, <c>state</c>...) or of a name object (<see cref="ValueRole.FirstName"/>: <c>first</c>, <c>given</c>,
    /// <c>middle</c>; <see cref="ValueRole.LastName"/>: <c>last</c>, <c>family</c>), or <see cref="ValueRole.None"/>. It
    /// takes effect only inside such an object (<see cref="TakesPartRoleIn"/>); outside one, the narrower flat fields
    /// (<c>street</c>, <c>city</c>, <c>first_name</c>; not <c>state</c>, <c>line</c> or <c>first</c>) are the key's
    /// <see cref="Role"/> itself.
    /// </summary>
    public ValueRole MemberPartRole { get; init; }

    /// <summary>Bit 0: <see cref="Negative"/>; bits 1-2: <see cref="Attribute"/>; bit 3: <see cref="MobileInStringsOnly"/>;
    /// bit 4: <see cref="PartInAddressHolder"/>; bit 5: <see cref="DeclaresColumns"/>; bits 6-7: <see cref="Wrapper"/>. Declared after the other fields (the
    /// layout is sequential): 4 + 1 + 1 + 1 bytes fit in 8.</summary>
    private readonly byte _flags;

    /// <summary>
    /// The key's part in an attribute-list object (<see cref="AttributeMember"/>: a label such as <c>name</c> or
    /// <c>key</c>, a value such as <c>value</c>), or <see cref="AttributeMember.None"/>. Not part of <see cref="IsNone"/>:
    /// it says nothing about the key's own value.
    /// </summary>
    public AttributeMember Attribute
    {
        get => (AttributeMember)((_flags >> AttributeShift) & 3);
        init => _flags = (byte)((_flags & ~(3 << AttributeShift)) | ((int)value << AttributeShift));
    }

    /// <summary>
    /// The IN_MOBILE bit of <see cref="Entities"/> comes from a messaging key that names a mobile only as a string
    /// (<c>to</c>, <c>from</c>; <see cref="Keywords.IsMobileWholeKey"/>): a JSON number under it (a range bound,
    /// <c>{"from": 6000000000, "to": 6999999999}</c>) reads without it (<see cref="ForNumber"/>).
    /// </summary>
    public bool MobileInStringsOnly
    {
        get => (_flags & MobileInStringsOnlyFlag) != 0;
        init => _flags = (byte)((_flags & ~MobileInStringsOnlyFlag) | (value ? MobileInStringsOnlyFlag : 0));
    }

    /// <summary>
    /// The key's <see cref="MemberPartRole"/> (a street or city part) applies in an object under an address holder key
    /// too (<see cref="ValueRole.AddressHolder"/>: <c>"shipping": {"line1": ..., "city": ...}</c>), not only under an
    /// address key (<see cref="Keywords.IsAddressHolderPart"/>: not <c>state</c>, <c>area</c>, <c>unit</c>...).
    /// </summary>
    public bool PartInAddressHolder
    {
        get => (_flags & PartInAddressHolderFlag) != 0;
        init => _flags = (byte)((_flags & ~PartInAddressHolderFlag) | (value ? PartInAddressHolderFlag : 0));
    }

    /// <summary>
    /// The key, holding an array, declares the columns of a table whose rows are arrays (columnar JSON:
    /// <c>"columns": ["name", "email"]</c> or <c>"columns": [{"name": "email", "type": "varchar"}]</c> before
    /// <c>"rows": [["Ravi Kumar", "ravi@example.com"]]</c>; <see cref="Keywords.DeclaresColumns"/>). Not part of
    /// <see cref="IsNone"/>: it says nothing about the key's own value.
    /// </summary>
    public bool DeclaresColumns
    {
        get => (_flags & DeclaresColumnsFlag) != 0;
        init => _flags = (byte)((_flags & ~DeclaresColumnsFlag) | (value ? DeclaresColumnsFlag : 0));
    }

    /// <summary>
    /// The key's part in a typed value's wrapper object (<see cref="TypedValueWrapper"/>: DynamoDB's <c>{"S": ...}</c>,
    /// Firestore's <c>{"stringValue": ...}</c>), or <see cref="TypedValueWrapper.None"/>. Not part of <see cref="IsNone"/>:
    /// it says nothing about the key's own value.
    /// </summary>
    public TypedValueWrapper Wrapper
    {
        get => (TypedValueWrapper)((_flags >> WrapperShift) & 3);
        init => _flags = (byte)((_flags & ~(3 << WrapperShift)) | ((int)value << WrapperShift));
    }

    /// <summary>This class for a JSON number value: without the string-only mobile (<see cref="MobileInStringsOnly"/>).</summary>
    public KeyClass ForNumber => MobileInStringsOnly
        ? this with { Entities = Entities & ~BuiltInId.Bit(BuiltInId.Mobile), MobileInStringsOnly = false }
        : this;

    /// <summary>No information: free text rules apply.</summary>
    public static KeyClass None => default;

    /// <summary>True when the key names a role or an entity it does not negate: a value under it is read as that data
    /// (a name, an address, a mobile), not only kept from being taken for something else.</summary>
    public bool NamesRoleOrEntity => Role != ValueRole.None || (Entities != 0 && !Negative);

    /// <summary>True when the key says nothing.</summary>
    public bool IsNone => Entities == 0 && !Negative && Role == ValueRole.None;

    /// <summary>
    /// What this key, as a container's key, says about a member whose own key says nothing (<c>"mobile": {"home": ...}</c>):
    /// the entities it names, except DEVICE_ID, and whether its mobile is for strings only; no role and no negative.
    /// </summary>
    public KeyClass InheritedByMembers => new(Entities & ~BuiltInId.Bit(BuiltInId.DeviceId), false, ValueRole.None) { MobileInStringsOnly = MobileInStringsOnly };

    /// <summary>
    /// True when the key's <see cref="MemberPartRole"/> applies under a container of role <paramref name="containerRole"/>:
    /// address parts in an address object (<see cref="ValueRole.PostalAddress"/>; under an address holder or a party key,
    /// <see cref="ValueRole.AddressHolder"/> and <see cref="ValueRole.PartyName"/>, only the parts with
    /// <see cref="PartInAddressHolder"/>: <c>"consignee": {"name": ..., "line1": ..., "city": ...}</c>), name parts in a name object
    /// (<see cref="ValueRole.PersonName"/>, or <see cref="ValueRole.PartyName"/>: <c>"passenger": {"first": ...}</c>).
    /// </summary>
    public bool TakesPartRoleIn(ValueRole containerRole) => MemberPartRole switch
    {
        ValueRole.StreetPart or ValueRole.CityPart => containerRole == ValueRole.PostalAddress
            || (containerRole is ValueRole.AddressHolder or ValueRole.PartyName && PartInAddressHolder),
        ValueRole.FirstName or ValueRole.LastName => containerRole is ValueRole.PersonName or ValueRole.PartyName,
        _ => false,
    };
}
