namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// What a JSON key (property name, with its parent as fallback) says about the values under it.
/// </summary>
/// <param name="Entities">Built-in entities the key names (<see cref="BuiltInId"/> bits): a value of that entity's
/// format under this key needs no checksum or context word.</param>
/// <param name="Negative">The key names something that is not personal data (order, transaction, timestamp...):
/// digit-only recognizers are suppressed under it unless <paramref name="Entities"/> names them.</param>
/// <param name="Role">The whole-value role, for names, addresses and device IDs.</param>
/// <param name="AddressPart">What the key names as a member of an address object (street or city part); it takes
/// effect only there (see <see cref="Recognition.AddressPart"/>).</param>
internal readonly record struct KeyClass(uint Entities, bool Negative, ValueRole Role, AddressPart AddressPart = AddressPart.None)
{
    /// <summary>No information: free text rules apply.</summary>
    public static KeyClass None => default;

    /// <summary>True when the key says nothing.</summary>
    public bool IsNone => Entities == 0 && !Negative && Role == ValueRole.None;
}
