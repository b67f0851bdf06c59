namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// An object of a plain-text body written one member a line under its key, the members indented deeper than the key
/// (YAML, pretty-printed logs: <c>address:</c> then <c>  line1: 12 MG Road</c>, <c>  city: Pune</c>), carried between
/// lines (<see cref="Detector.StartIndentedObject"/>, <see cref="Detector.ContinuesIndentedObject"/>). <c>default</c>
/// carries nothing.
/// </summary>
/// <param name="Role">The role the object's key names, its members take their part roles in
/// (<see cref="KeyClass.TakesPartRoleIn"/>): an address, an address holder, a name or a party
/// (<see cref="ValueRole.None"/> for none).</param>
/// <param name="Indent">The key's indentation, bytes (spaces, tabs and a list item's <c>- </c> before it); a member's
/// is greater.</param>
internal readonly record struct IndentedObjectCarry(ValueRole Role, int Indent);
