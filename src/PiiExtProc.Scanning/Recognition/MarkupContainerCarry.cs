namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// An open address or name element of a markup body, carried between lines (<see cref="Detector.ContinueMarkupContainer"/>):
/// the role its members take their part roles in, and its name (length and a hash, so that the carry holds no bytes of
/// the body) to know its end tag. <c>default</c> carries nothing.
/// </summary>
/// <param name="Role">The element's role (<see cref="ValueRole.None"/> for none).</param>
/// <param name="NameLength">The element's name length, bytes (UTF-8, with any namespace prefix).</param>
/// <param name="NameHash">The element name's <see cref="HashCode"/> (per process, so only compared within it).</param>
internal readonly record struct MarkupContainerCarry(ValueRole Role, int NameLength, int NameHash)
{
    /// <summary>The carry of an element named <paramref name="name"/> with role <paramref name="role"/>.</summary>
    public static MarkupContainerCarry Open(ValueRole role, ReadOnlySpan<byte> name) => new(role, name.Length, Hash(name));

    /// <summary>True when an end tag named <paramref name="name"/> closes the carried element.</summary>
    public bool Closes(ReadOnlySpan<byte> name) => Role != ValueRole.None && name.Length == NameLength && Hash(name) == NameHash;

    private static int Hash(ReadOnlySpan<byte> name)
    {
        var hash = default(HashCode);
        hash.AddBytes(name);
        return hash.ToHashCode();
    }
}
