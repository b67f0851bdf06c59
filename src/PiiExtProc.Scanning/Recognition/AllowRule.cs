using System.Text;
using System.Text.RegularExpressions;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>A compiled allow-list entry: an exact UTF-8 value or a whole-value NonBacktracking pattern.</summary>
internal sealed class AllowRule
{
    private readonly byte[]? _exact;
    private readonly Regex? _pattern;
    private readonly PiiEntity? _entity;

    private AllowRule(byte[]? exact, Regex? pattern, PiiEntity? entity)
    {
        _exact = exact;
        _pattern = pattern;
        _entity = entity;
    }

    /// <summary>Compiles an entry; throws <see cref="ScannerConfigurationException"/> naming its position.</summary>
    public static AllowRule Compile(AllowListEntry entry, int index)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!entry.IsPattern)
        {
            return new AllowRule(Encoding.UTF8.GetBytes(entry.Value), null, entry.Entity);
        }

        try
        {
            var regex = new Regex("^(?:" + entry.Value + ")$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
            return new AllowRule(null, regex, entry.Entity);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new ScannerConfigurationException(
                $"Allow-list entry {index}: the pattern does not compile for linear-time matching ({e.GetType().Name}).", e);
        }
    }

    /// <summary>True when the entry exempts <paramref name="value"/> recognized as <paramref name="entity"/>.</summary>
    public bool Allows(PiiEntity entity, ReadOnlySpan<byte> value)
    {
        if (_entity is not null && !ReferenceEquals(_entity, entity))
        {
            return false;
        }

        if (_exact is not null)
        {
            return value.SequenceEqual(_exact);
        }

        int length = Encoding.UTF8.GetMaxCharCount(value.Length);
        Span<char> chars = length <= 512 ? stackalloc char[length] : new char[length];
        int n = Encoding.UTF8.GetChars(value, chars);
        return _pattern!.IsMatch(chars[..n]);
    }
}
