using PiiExtProc.Scanning.Validators;
using System.Text.RegularExpressions;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// A recognizer declared by the policy: a .NET regular expression compiled with <see cref="RegexOptions.NonBacktracking"/>
/// (linear time in the input, no lookarounds or backreferences), an optional validator and context words.
/// </summary>
/// <remarks>
/// Cost: a custom recognizer runs on UTF-16 text, so the scanned span (a JSON string value or a text line) is transcoded
/// first. With context words it runs only on values and lines where one of its words occurs (in the value or the JSON key);
/// without context words it runs on every value and line, which costs a transcode plus a linear regex pass per value.
/// </remarks>
internal sealed class CustomRecognizer
{
    private readonly string[] _contextWords;

    private CustomRecognizer(CustomRecognizerDefinition definition, Regex regex)
    {
        Definition = definition;
        Regex = regex;
        RecognizerName = "custom." + definition.Name;
        _contextWords = definition.ContextWords.Select(w => w.ToLowerInvariant()).Where(w => w.Length > 0).ToArray();
    }

    public CustomRecognizerDefinition Definition { get; }

    public Regex Regex { get; }

    public string RecognizerName { get; }

    public bool HasContextWords => _contextWords.Length > 0;

    /// <summary>Compiles a definition; throws <see cref="ScannerConfigurationException"/> naming the recognizer.</summary>
    public static CustomRecognizer Compile(CustomRecognizerDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            throw new ScannerConfigurationException("A custom recognizer has no name.");
        }

        if (definition.Score is < 0 or > 1 || float.IsNaN(definition.Score))
        {
            throw new ScannerConfigurationException($"Custom recognizer '{definition.Name}': score must be in [0, 1].");
        }

        if (definition.Validator is not (null or "luhn" or "verhoeff" or "mod97"))
        {
            throw new ScannerConfigurationException(
                $"Custom recognizer '{definition.Name}': unknown validator '{definition.Validator}' (luhn, verhoeff or mod97).");
        }

        try
        {
            var regex = new Regex(definition.Pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
            return new CustomRecognizer(definition, regex);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new ScannerConfigurationException(
                $"Custom recognizer '{definition.Name}': the pattern does not compile for linear-time matching ({e.GetType().Name}).", e);
        }
    }

    /// <summary>True when a context word occurs in the lower-cased text (value or key).</summary>
    public bool HasContextIn(ReadOnlySpan<char> lowerText)
    {
        foreach (string w in _contextWords)
        {
            if (lowerText.Contains(w.AsSpan(), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Runs the validator over the match (digits or alphanumerics only).</summary>
    public bool Validate(ReadOnlySpan<char> match)
    {
        if (Definition.Validator is null)
        {
            return true;
        }

        Span<byte> compact = stackalloc byte[64];
        int n = 0;
        foreach (char c in match)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (n == compact.Length)
                {
                    return false;
                }

                compact[n++] = (byte)char.ToUpperInvariant(c);
            }
        }

        ReadOnlySpan<byte> s = compact[..n];
        return Definition.Validator switch
        {
            "luhn" => Luhn.IsValid(s),
            "verhoeff" => Verhoeff.IsValid(s),
            "mod97" => IbanValidator.IsValid(s),
            _ => false,
        };
    }
}
