namespace PiiExtProc.Scanning.Recognition;

/// <summary>What a JSON key says its whole value is, for the entities that are recognized from keys, not patterns.</summary>
internal enum ValueRole : byte
{
    /// <summary>No whole-value role; the value is scanned by the pattern recognizers only.</summary>
    None,

    /// <summary>
    /// A full name (<c>name</c>, <c>full_name</c>, <c>customer_name</c>...): PERSON_NAME when it has two or more words. An
    /// object under such a key is a name object (its <c>first</c> and <c>last</c> are name parts), and so is each object of
    /// an array under it (FHIR's <c>"name": [{"given": ..., "family": ...}]</c>).
    /// </summary>
    PersonName,

    /// <summary>
    /// A first name (<c>first_name</c>, <c>given_name</c>, or <c>first</c>/<c>given</c>/<c>middle</c> in a name object):
    /// PERSON_NAME only with a last name in the same record.
    /// </summary>
    FirstName,

    /// <summary>
    /// A last name (<c>last_name</c>, <c>surname</c>, or <c>last</c>/<c>family</c> in a name object): PERSON_NAME only
    /// with a first name in the same record.
    /// </summary>
    LastName,

    /// <summary>A postal address (<c>address</c>, <c>shipping_address</c>...): POSTAL_ADDRESS when it looks like street, city, PIN.</summary>
    PostalAddress,

    /// <summary>A device identifier (<c>device_id</c>, <c>imei</c>, <c>android_id</c>...): DEVICE_ID.</summary>
    DeviceId,

    /// <summary>
    /// The street part of an address object (<c>line1</c>, <c>street</c>, <c>house_no</c>, <c>landmark</c>... under an
    /// <c>address</c>, <c>shipping_address</c>... key), or a record's flat street field (<c>street</c>,
    /// <c>address_line_1</c>, <c>address1</c>, an <c>address</c> too short to be a full address;
    /// <see cref="Keywords.StandalonePartRoleOf"/>): POSTAL_ADDRESS only with a city part in the same record.
    /// </summary>
    StreetPart,

    /// <summary>
    /// The city part of an address object (<c>city</c>, <c>town</c>, <c>district</c>, <c>state</c>... under an address
    /// key), or a record's flat city field (<c>city</c>, <c>town</c>, <c>shipping_city</c>): POSTAL_ADDRESS only with a
    /// street part in the same record.
    /// </summary>
    CityPart,

    /// <summary>
    /// A person named by the part they play in the exchange (<c>customer</c>, <c>guest</c>, <c>passenger</c>,
    /// <c>consignee</c>, <c>recipient</c>, <c>sender</c>, <c>beneficiary</c>, <c>ship_to</c>...;
    /// <see cref="Keywords.IsPartyWord"/>): a string value is PERSON_NAME when it has the shape of a full name and no
    /// organisation or placeholder word (<c>Acme Traders Pvt Ltd</c>, <c>Walk In Customer</c>;
    /// <see cref="NameShape.HasOrganisationWord"/>). An object directly under such a key is a name object, as under
    /// <see cref="PersonName"/>, and so is each object of an array under it, but each of those is a record of its own (a
    /// list of customers or passengers), not a part of the record the array is in.
    /// </summary>
    PartyName,

    /// <summary>
    /// A key that says whose address the object under it is (<c>shipping</c>, <c>billing</c>, <c>delivery</c>,
    /// <c>mailing</c>, <c>shipping_details</c>...; <see cref="Keywords.IsAddressHolder"/>): an object under it is an
    /// address object for the members whose keys name an address part only there (<c>line1</c>, <c>locality</c>,
    /// <c>admin_area_2</c>; <see cref="KeyClass.PartInAddressHolder"/>), not for the keys that name other things in a
    /// billing or delivery object (<c>state</c>, <c>area</c>, <c>unit</c>, <c>line</c>). A value that is not an object
    /// is read as if the key named nothing: <c>"shipping": "express"</c> is no address.
    /// </summary>
    AddressHolder,

    /// <summary>
    /// A key that names a place rather than an address (<c>location</c>, <c>delivery_location</c>, <c>dropoff</c>), or an address under another word (<c>address_text</c>, <c>addr_str</c>): a string value is
    /// POSTAL_ADDRESS only when it is a full address, with an address's shape (<see cref="NameShape.LooksLikeAddress"/>)
    /// and a 6-digit PIN code or a house number at its start (<c>Flat 4B, 12 MG Road, Koramangala, Bengaluru 560034</c>);
    /// a city, a store's name or coordinates under it (<c>"location": "Pune"</c>, <c>"12.97,77.59"</c>) are not. No
    /// part roles, and an object under it is no address object.
    /// </summary>
    PlaceAddress,

    /// <summary>
    /// Never a key's role: the part a match has when it is the first line of a plain-text address block under an address
    /// label (<c>Shipping address:</c>, then <c>Ravi Kumar</c> on the next line; <c>Detector.AddAddressBlockLine</c>).
    /// It is a full name only when its record holds a full address too (<c>Sessions.RecordPartRules</c>): the first line
    /// may as well be a building's name.
    /// </summary>
    AddresseeName,
}
