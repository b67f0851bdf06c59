namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// The part matches a record holds (Guardian rule B): a first and a last name together are a full name, a street part
/// and a city part (or a PIN code) together are a full address, and an addressee's name with a full address is a full
/// name. A part on its own is not personal data.
/// </summary>
[Flags]
internal enum RecordParts : byte
{
    /// <summary>No part.</summary>
    None = 0,

    /// <summary>A first name (<see cref="Recognition.ValueRole.FirstName"/>).</summary>
    FirstName = 1,

    /// <summary>A last name (<see cref="Recognition.ValueRole.LastName"/>).</summary>
    LastName = 2,

    /// <summary>A street part of an address object (<see cref="Recognition.ValueRole.StreetPart"/>).</summary>
    Street = 4,

    /// <summary>A city part of an address object (<see cref="Recognition.ValueRole.CityPart"/>), or a PIN code finding
    /// (<see cref="RecordPartRules.PinCodePartOf"/>).</summary>
    City = 8,

    /// <summary>An addressee's name (<see cref="Recognition.ValueRole.AddresseeName"/>): a full name with a full address.</summary>
    Addressee = 16,

    /// <summary>Both name parts: a full name.</summary>
    FullName = FirstName | LastName,

    /// <summary>Both address parts: a full address.</summary>
    FullAddress = Street | City,
}
