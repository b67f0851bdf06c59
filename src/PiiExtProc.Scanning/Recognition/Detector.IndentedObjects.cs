namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// Objects of plain-text bodies written one member a line, the members indented under the object's key: YAML and
/// pretty-printed records (<c>address:</c>, then <c>  line1: 12, 3rd Cross, HSR Layout</c>, <c>  city: Bengaluru</c>).
/// Each line is a <c>Key: value</c> line of one record; a member whose key names nothing on its own (<c>line1</c>,
/// <c>area</c>, <c>first</c>) takes its part role in the object as in a JSON object (<see cref="KeyClass.TakesPartRoleIn"/>).
/// </summary>
internal sealed partial class Detector
{
    /// <summary>
    /// The carry after <paramref name="line"/>: an object's key alone on its line (<see cref="LabelAloneRole"/>) that
    /// names an address, an address holder, a name or a party (<c>address:</c>, <c>shipping:</c>, <c>consignee:</c>), with
    /// the key's indentation; else <c>default</c>.
    /// </summary>
    /// <param name="line">One text line, UTF-8, with or without its line end.</param>
    public IndentedObjectCarry StartIndentedObject(ReadOnlySpan<byte> line)
    {
        int keyEnd = LineKeyEnd(line, out int keyStart, out _);
        ValueRole role = keyEnd < 0 ? ValueRole.None : LabelAloneRole(line, keyStart, keyEnd);
        return role is ValueRole.PostalAddress or ValueRole.AddressHolder or ValueRole.PersonName or ValueRole.PartyName
            ? new IndentedObjectCarry(role, keyStart)
            : default;
    }

    /// <summary>
    /// True when <paramref name="line"/>, a <c>Key: value</c> line (<see cref="IsKeyValueLine"/>), is a member of the
    /// object of <paramref name="carry"/>: its key is indented deeper than the object's.
    /// </summary>
    /// <param name="line">One text line, UTF-8, with or without its line end.</param>
    /// <param name="carry">The open object.</param>
    public static bool ContinuesIndentedObject(ReadOnlySpan<byte> line, in IndentedObjectCarry carry) =>
        carry.Role != ValueRole.None && LineKeyEnd(line, out int keyStart, out _) >= 0 && keyStart > carry.Indent;

    /// <summary>
    /// Adds the value of <paramref name="line"/>, a member of the object of <paramref name="carry"/>
    /// (<see cref="ContinuesIndentedObject"/>), under its part role in the object when its key names nothing on its own
    /// (<c>line1: 12 MG Road</c> in an address: a street part), to <paramref name="output"/> (the line's matches, in
    /// order; overlaps resolved as in a scan). A member whose key names a role (<c>city</c>, <c>name</c>) was read with the
    /// line's pairs.
    /// </summary>
    /// <param name="line">One text line, UTF-8, with or without its line end.</param>
    /// <param name="carry">The open object.</param>
    /// <param name="output">The line's matches (offsets relative to <paramref name="line"/>).</param>
    public void AddIndentedMember(ReadOnlySpan<byte> line, in IndentedObjectCarry carry, List<RawMatch> output)
    {
        int keyEnd = LineKeyEnd(line, out int keyStart, out _);
        int colon = keyEnd;
        while (colon < line.Length && line[colon] == ' ')
        {
            colon++;
        }

        if (keyEnd < 0 || colon >= line.Length || line[colon] != ':')
        {
            return;
        }

        KeyClass member = _keywords.ClassifyKey(line[keyStart..keyEnd]);
        if (member.Role == ValueRole.None && member.TakesPartRoleIn(carry.Role))
        {
            AddTextPairValue(line, ValueStart(line, colon), member.MemberPartRole, output, 0);
        }
    }
}
