using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PiiExtProc.Policy.Loading;

/// <summary>
/// Typed reads of YAML nodes that record a located <see cref="PolicyError"/> instead of throwing, so one load
/// reports every mistake. Echoes only key names and the values of enumerated settings (truncated), never
/// free text such as patterns or list terms, which may hold personal data.
/// </summary>
internal sealed class PolicyReader
{
    private const int MaxEchoChars = 40;

    private readonly List<PolicyError> _errors = [];

    public PolicyReader(string file) => File = file;

    /// <summary>The file name used in errors.</summary>
    public string File { get; }

    /// <summary>Errors so far, in the order found.</summary>
    public IReadOnlyList<PolicyError> Errors => _errors;

    public void Error(YamlNode node, string message) => Error(node.Start, message);

    public void Error(Mark mark, string message) => _errors.Add(new PolicyError(File, (int)mark.Line, (int)mark.Column, message));

    public void FileError(string message) => _errors.Add(new PolicyError(File, 0, 0, message));

    /// <summary>Returns the mapping's entries by key, reporting keys not in <paramref name="allowed"/>.</summary>
    public Dictionary<string, (YamlScalarNode Key, YamlNode Value)> Entries(YamlNode node, string what, IReadOnlyCollection<string> allowed)
    {
        var result = new Dictionary<string, (YamlScalarNode, YamlNode)>(StringComparer.Ordinal);
        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"{what} must be a mapping of keys to values, found {Describe(node)}.");
            return result;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } scalarKey)
            {
                Error(keyNode, $"{what} keys must be plain names.");
                continue;
            }

            if (allowed.Count > 0 && !allowed.Contains(key))
            {
                Error(keyNode, $"unknown key '{Echo(key)}' in {what}; expected one of: {string.Join(", ", allowed)}.");
                continue;
            }

            result[key] = (scalarKey, value);
        }

        return result;
    }

    public string? String(YamlNode node, string what)
    {
        if (node is YamlScalarNode scalar && !IsNull(scalar))
        {
            return scalar.Value!;
        }

        Error(node, $"{what} must be a text value, found {Describe(node)}.");
        return null;
    }

    public int? Int(YamlNode node, string what, int min, int max)
    {
        var value = Long(node, what, min, max);
        return value is null ? null : (int)value.Value;
    }

    public long? Long(YamlNode node, string what, long min, long max)
    {
        if (node is YamlScalarNode scalar && scalar.Style == ScalarStyle.Plain
            && long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            if (value < min || value > max)
            {
                Error(node, string.Create(CultureInfo.InvariantCulture, $"{what} must be between {min} and {max}, found {value}."));
                return null;
            }

            return value;
        }

        Error(node, $"{what} must be a whole number, found {Describe(node)}.");
        return null;
    }

    /// <summary>A size in bytes: a whole number, or a number with a KiB, MiB or GiB suffix ("4MiB").</summary>
    public long? Size(YamlNode node, string what, long min, long max)
    {
        if (node is YamlScalarNode { Value: { } text } scalar && !IsNull(scalar))
        {
            var multiplier = 1L;
            var digits = text.Trim();
            foreach (var (suffix, factor) in s_sizeSuffixes)
            {
                if (digits.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    multiplier = factor;
                    digits = digits[..^suffix.Length].TrimEnd();
                    break;
                }
            }

            if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= max / multiplier)
            {
                var value = number * multiplier;
                if (value >= min && value <= max)
                {
                    return value;
                }
            }
        }

        Error(node, string.Create(CultureInfo.InvariantCulture, $"{what} must be a size in bytes between {min} and {max} (a number, or with a KiB, MiB or GiB suffix), found {Describe(node)}."));
        return null;
    }

    public float? Float(YamlNode node, string what, float min, float max)
    {
        if (node is YamlScalarNode scalar && scalar.Style == ScalarStyle.Plain
            && float.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && float.IsFinite(value))
        {
            if (value < min || value > max)
            {
                Error(node, string.Create(CultureInfo.InvariantCulture, $"{what} must be between {min} and {max}, found {value}."));
                return null;
            }

            return value;
        }

        Error(node, $"{what} must be a number, found {Describe(node)}.");
        return null;
    }

    public bool? Bool(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } text })
        {
            if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        Error(node, $"{what} must be true or false, found {Describe(node)}.");
        return null;
    }

    /// <summary>One of a fixed set of lower-case words.</summary>
    public T? Enum<T>(YamlNode node, string what, IReadOnlyList<(string Name, T Value)> values)
        where T : struct
    {
        if (node is YamlScalarNode { Value: { } text } scalar && !IsNull(scalar))
        {
            foreach (var (name, value) in values)
            {
                if (string.Equals(name, text, StringComparison.Ordinal))
                {
                    return value;
                }
            }
        }

        var names = new string[values.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = values[i].Name;
        }

        Error(node, $"{what} must be one of: {string.Join(", ", names)}, found {Describe(node)}.");
        return null;
    }

    /// <summary>A list of text values; a single text value counts as a list of one.</summary>
    public List<(string Value, YamlNode Node)>? StringList(YamlNode node, string what)
    {
        var result = new List<(string, YamlNode)>();
        if (node is YamlScalarNode scalar && !IsNull(scalar))
        {
            result.Add((scalar.Value!, node));
            return result;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(node, $"{what} must be a list of text values, found {Describe(node)}.");
            return null;
        }

        foreach (var item in sequence.Children)
        {
            if (String(item, $"each item of {what}") is { } value)
            {
                result.Add((value, item));
            }
        }

        return result;
    }

    public YamlSequenceNode? Sequence(YamlNode node, string what)
    {
        if (node is YamlSequenceNode sequence)
        {
            return sequence;
        }

        Error(node, $"{what} must be a list, found {Describe(node)}.");
        return null;
    }

    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary>Names the kind of node found, echoing a plain scalar only when short.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar when IsNull(scalar) => "nothing",
        YamlScalarNode { Value: { } value } => $"'{Echo(value)}'",
        _ => "an alias",
    };

    public static string Echo(string value) => value.Length <= MaxEchoChars ? value : string.Concat(value.AsSpan(0, MaxEchoChars), "...");

    private static readonly (string Suffix, long Factor)[] s_sizeSuffixes =
    [
        ("KiB", 1024L), ("MiB", 1024L * 1024), ("GiB", 1024L * 1024 * 1024), ("B", 1L),
    ];
}
