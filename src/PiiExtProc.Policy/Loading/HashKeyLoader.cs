using System.Globalization;
using System.Text;
using PiiExtProc.Scanning.Operators;
using YamlDotNet.RepresentationModel;

namespace PiiExtProc.Policy.Loading;

/// <summary>
/// Loads HMAC keys for the hash operator from files or environment variables, once per source per load.
/// Keys are never read from the policy text, and neither keys nor the configured file or variable names are
/// echoed in errors (a key pasted by mistake into <c>key_file:</c> must not reach a log).
/// </summary>
/// <remarks>
/// A key file holds the key as base64 text (surrounding whitespace ignored); a file that is not base64 is used
/// as raw bytes. An environment variable holds base64. Either way the key must be at least
/// <see cref="HashOperator.MinimumKeyBytes"/> bytes.
/// </remarks>
internal sealed class HashKeyLoader
{
    /// <summary>The environment variable read when a policy names no key source.</summary>
    public const string DefaultEnvironmentVariable = "PIIEXTPROC_HASH_KEY";

    private readonly PolicyLoadContext _context;
    private readonly PolicyReader _reader;
    private readonly Dictionary<string, HashOperator?> _cache = new(StringComparer.Ordinal);

    public HashKeyLoader(PolicyLoadContext context, PolicyReader reader)
    {
        _context = context;
        _reader = reader;
    }

    /// <summary>Builds a hash operator from a key file; records an error at <paramref name="node"/> on failure.</summary>
    public HashOperator? FromFile(string path, YamlNode node)
    {
        var fullPath = Path.GetFullPath(path, _context.BaseDirectory);
        var cacheKey = "file:" + fullPath;
        if (_cache.TryGetValue(cacheKey, out var cached))
        {
            ReportCachedFailure(cached, node);
            return cached;
        }

        HashOperator? result = null;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            _reader.Error(node, $"the hash key file cannot be read ({exception.GetType().Name}); expected a readable file holding a base64 key of at least {HashOperator.MinimumKeyBytes} bytes.");
            _cache[cacheKey] = null;
            return null;
        }

        var key = TryBase64(Encoding.UTF8.GetString(bytes)) ?? bytes;
        if (key.Length < HashOperator.MinimumKeyBytes)
        {
            _reader.Error(node, string.Create(CultureInfo.InvariantCulture, $"the hash key file holds a {key.Length}-byte key; at least {HashOperator.MinimumKeyBytes} bytes are required."));
        }
        else
        {
            result = new HashOperator(key, fullPath);
        }

        Array.Clear(key);
        Array.Clear(bytes);
        _cache[cacheKey] = result;
        return result;
    }

    /// <summary>Builds a hash operator from an environment variable holding base64.</summary>
    public HashOperator? FromEnvironment(string name, YamlNode? node)
    {
        var cacheKey = "env:" + name;
        if (_cache.TryGetValue(cacheKey, out var cached))
        {
            ReportCachedFailure(cached, node);
            return cached;
        }

        HashOperator? result = null;
        if (!IsVariableName(name))
        {
            Report(node, "key_env must name an environment variable (letters, digits and '_', not starting with a digit).");
        }
        else if (_context.GetEnvironmentVariable(name) is not { Length: > 0 } text)
        {
            Report(node, $"the hash key environment variable {name} is not set; set it to a base64 key of at least {HashOperator.MinimumKeyBytes} bytes, or give key_file.");
        }
        else if (TryBase64(text) is not { } key)
        {
            Report(node, $"the hash key environment variable {name} is not valid base64.");
        }
        else if (key.Length < HashOperator.MinimumKeyBytes)
        {
            Report(node, string.Create(CultureInfo.InvariantCulture, $"the hash key environment variable {name} holds a {key.Length}-byte key; at least {HashOperator.MinimumKeyBytes} bytes are required."));
            Array.Clear(key);
        }
        else
        {
            result = new HashOperator(key, name);
            Array.Clear(key);
        }

        _cache[cacheKey] = result;
        return result;
    }

    private void ReportCachedFailure(HashOperator? cached, YamlNode? node)
    {
        if (cached is null)
        {
            Report(node, "the hash key source above could not be loaded (see the first error for it).");
        }
    }

    private void Report(YamlNode? node, string message)
    {
        if (node is null)
        {
            _reader.FileError(message);
        }
        else
        {
            _reader.Error(node, message);
        }
    }

    private static bool IsVariableName(string name)
    {
        if (name.Length is 0 or > 128 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    private static byte[]? TryBase64(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        var buffer = new byte[((trimmed.Length + 3) / 4) * 3];
        if (!Convert.TryFromBase64String(trimmed, buffer, out var written))
        {
            Array.Clear(buffer);
            return null;
        }

        var key = buffer.AsSpan(0, written).ToArray();
        Array.Clear(buffer);
        return key;
    }
}
