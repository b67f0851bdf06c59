using PiiExtProc.Scanning.Sessions;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// The roles of the labelling attribute values one thread read last (<see cref="Detector"/>'s attribute labels): a
/// page repeats the same <c>class</c> values on every card and row, so each distinct value's tokens are read once.
/// Direct-mapped, <see cref="Entries"/> values of up to <see cref="MaxValueBytes"/> bytes; emptied when the thread
/// reads for another scanner's keywords (the role depends on them).
/// </summary>
internal sealed class AttributeValueMemo
{
    /// <summary>Longest value remembered, bytes; longer ones are read every time.</summary>
    public const int MaxValueBytes = 64;

    private const int Entries = 256;

    [ThreadStatic]
    private static AttributeValueMemo? t_memo;

    private readonly byte[] _values = new byte[Entries * MaxValueBytes];
    private readonly byte[] _lengths = new byte[Entries];
    private readonly ValueRole[] _roles = new ValueRole[Entries];
    private KeywordTable? _keywords;

    /// <summary>This thread's memo for <paramref name="keywords"/> (emptied when it held another table's values).</summary>
    public static AttributeValueMemo For(KeywordTable keywords)
    {
        AttributeValueMemo memo = t_memo ??= new AttributeValueMemo();
        if (!ReferenceEquals(memo._keywords, keywords))
        {
            Array.Clear(memo._lengths);
            memo._keywords = keywords;
        }

        return memo;
    }

    /// <summary>True when <paramref name="value"/> (1 to <see cref="MaxValueBytes"/> bytes) is remembered, with its role.</summary>
    public bool TryGet(ReadOnlySpan<byte> value, out ValueRole role, out int entry)
    {
        entry = (int)(KeyClassCache.Hash(value) % Entries);
        role = _roles[entry];
        return _lengths[entry] == value.Length && value.SequenceEqual(_values.AsSpan(entry * MaxValueBytes, value.Length));
    }

    /// <summary>Remembers <paramref name="value"/>'s <paramref name="role"/> in <paramref name="entry"/> (from <see cref="TryGet"/>).</summary>
    public void Set(int entry, ReadOnlySpan<byte> value, ValueRole role)
    {
        value.CopyTo(_values.AsSpan(entry * MaxValueBytes, MaxValueBytes));
        _lengths[entry] = (byte)value.Length;
        _roles[entry] = role;
    }
}
