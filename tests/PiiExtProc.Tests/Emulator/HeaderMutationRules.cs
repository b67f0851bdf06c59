using Envoy.Service.ExtProc.V3;

namespace PiiExtProc.Tests.Emulator;

/// <summary>
/// Applies a HeaderMutation as Envoy does (protocol §10, §3.3): values only from raw_value (a value-only entry sets
/// the header to ""), append read from the deprecated BoolValue with default false (overwrite), forbidden headers
/// ignored and counted (or an error with disallow_is_error), invalid characters an error, content-length skipped when
/// Envoy removed it.
/// </summary>
internal static class HeaderMutationRules
{
    /// <summary>Applies <paramref name="mutation"/> to <paramref name="target"/>; returns an error text (a mutation
    /// error: status_on_error, always fail-closed) or null.</summary>
    public static string? Apply(HeaderMutation? mutation, HttpHeaderList target, EnvoyOptions options, bool contentLengthRemoved, Verdict verdict, string where)
    {
        if (mutation is null)
        {
            return null;
        }

        foreach (var option in mutation.SetHeaders)
        {
            var header = option.Header;
            if (header is null)
            {
                return $"{where}: set_headers entry without header";
            }

            var key = header.Key;
            if (!IsValidName(key))
            {
                return $"{where}: invalid header name '{key}'";
            }

            if (header.RawValue.IsEmpty && header.Value.Length > 0)
            {
                verdict.Warnings.Add($"{where}: header '{key}' set with value only; Envoy reads raw_value, so it becomes empty (§10)");
            }

            var value = header.RawValue.ToByteArray();
            if (Array.Exists(value, b => b is 0 or (byte)'\r' or (byte)'\n'))
            {
                return $"{where}: invalid characters in the value of header '{key}'";
            }

#pragma warning disable CS0612 // ext_proc reads only the deprecated BoolValue append, default false (§10)
            var append = option.Append ?? false;
#pragma warning restore CS0612
            if (key == "content-length" && contentLengthRemoved)
            {
                verdict.Warnings.Add($"{where}: content-length set in a mode where Envoy removed it; silently skipped (§3.3)");
                continue;
            }

            if (!MayChange(key, append, options, value, out var reason))
            {
                verdict.RejectedHeaderMutations++;
                verdict.Warnings.Add($"{where}: rejected mutation of '{key}' ({reason})");
                if (options.DisallowIsError)
                {
                    return $"{where}: disallowed header mutation of '{key}'";
                }

                continue;
            }

            if (append)
            {
                target.Add(key, value);
            }
            else
            {
                target.Set(key, value);
            }
        }

        foreach (var key in mutation.RemoveHeaders)
        {
            var lower = key.ToLowerInvariant();
            if (lower.StartsWith(':') || lower == "host" || (!options.AllowEnvoy && lower.StartsWith("x-envoy-", StringComparison.Ordinal)))
            {
                verdict.RejectedHeaderMutations++;
                verdict.Warnings.Add($"{where}: rejected removal of '{lower}'");
                if (options.DisallowIsError)
                {
                    return $"{where}: disallowed removal of '{lower}'";
                }

                continue;
            }

            target.Remove(lower);
        }

        return null;
    }

    private static bool MayChange(string key, bool append, EnvoyOptions options, byte[] value, out string reason)
    {
        reason = string.Empty;
        if (key is "host" or ":authority" or ":scheme" or ":method" && !options.AllowAllRouting)
        {
            reason = "routing header without allow_all_routing";
            return false;
        }

        if (key.StartsWith("x-envoy-", StringComparison.Ordinal) && !options.AllowEnvoy)
        {
            reason = "x-envoy-* without allow_envoy";
            return false;
        }

        if (key.StartsWith(':') && append)
        {
            reason = "append to a pseudo-header";
            return false;
        }

        if (key == ":status" && !(int.TryParse(System.Text.Encoding.ASCII.GetString(value), out var status) && status >= 200))
        {
            reason = ":status must be an integer >= 200";
            return false;
        }

        return true;
    }

    private static bool IsValidName(string key)
    {
        if (key.Length == 0)
        {
            return false;
        }

        var start = key[0] == ':' ? 1 : 0;
        for (var i = start; i < key.Length; i++)
        {
            var c = key[i];
            var token = char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c);
            if (!token)
            {
                return false;
            }
        }

        return key.Length > start;
    }
}
