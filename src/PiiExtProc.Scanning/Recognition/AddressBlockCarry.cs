namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// The label of a plain-text body's address block whose lines come next (<see cref="Detector.StartAddressBlock"/>,
/// <see cref="Detector.ContinuesAddressBlock"/>): the label's role and the lines read under it so far. <c>default</c>
/// carries nothing.
/// </summary>
/// <param name="Role">The role the label names: <see cref="ValueRole.PostalAddress"/>, <see cref="ValueRole.PlaceAddress"/>
/// or <see cref="ValueRole.PartyName"/> (<see cref="ValueRole.None"/> for none).</param>
/// <param name="Lines">Lines of the block read so far.</param>
/// <param name="AddressLines">Of those, the lines read as the address (not as a name).</param>
/// <param name="PinCodeRead">A line read held a PIN code: only a state's or a country's line may follow.</param>
internal readonly record struct AddressBlockCarry(ValueRole Role, int Lines, int AddressLines = 0, bool PinCodeRead = false);
