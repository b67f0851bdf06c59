namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// What a JSON key names inside an address object (<see cref="KeyClass.AddressPart"/>): a street part or a city part.
/// Only a member of an object under an address key takes the part role (<see cref="ValueRole.StreetPart"/>,
/// <see cref="ValueRole.CityPart"/>); elsewhere (a <c>city</c> on its own) the key names nothing.
/// </summary>
internal enum AddressPart : byte
{
    /// <summary>Not an address part.</summary>
    None,

    /// <summary><c>line1</c>, <c>address_line_2</c>, <c>street</c>, <c>house_no</c>, <c>flat</c>, <c>building</c>, <c>road</c>, <c>landmark</c>, <c>locality</c>, <c>area</c>...</summary>
    Street,

    /// <summary><c>city</c>, <c>town</c>, <c>village</c>, <c>district</c>, <c>state</c>...</summary>
    City,
}
