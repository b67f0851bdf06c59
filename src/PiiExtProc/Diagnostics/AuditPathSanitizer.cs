namespace PiiExtProc.Diagnostics;

/// <summary>
/// Keeps data out of the JSON paths written to audit events. A path is made of object keys, and some APIs key objects
/// by data (a map from phone number or email to a record): a key segment holding four or more consecutive digits or an
/// '@' is written as <c>*</c>. <c>$.customer.phone</c> stays; <c>$.contacts.9876543210.name</c> becomes
/// <c>$.contacts.*.name</c>. Segments split at dots, so a key "ravi@example.com" becomes <c>*.com</c>.
/// </summary>
internal static class AuditPathSanitizer
{
    private const int MaxDigitRun = 3;

    /// <summary>Returns <paramref name="path"/> with data-like segments replaced; the same instance when none is.</summary>
    public static string? Sanitize(string? path)
    {
        if (path is null || !NeedsMasking(path))
        {
            return path;
        }

        var builder = new System.Text.StringBuilder(path.Length);
        var start = 0;
        while (start <= path.Length)
        {
            var end = IndexOfSeparator(path, start);
            var segment = path.AsSpan(start, end - start);
            builder.Append(LooksLikeData(segment) ? "*" : segment);
            if (end == path.Length)
            {
                break;
            }

            builder.Append(path[end]);
            start = end + 1;
        }

        return builder.ToString();
    }

    private static bool NeedsMasking(string path) => LooksLikeData(path);

    private static int IndexOfSeparator(string path, int start)
    {
        var index = path.AsSpan(start).IndexOfAny('.', '[', ']');
        return index < 0 ? path.Length : start + index;
    }

    private static bool LooksLikeData(ReadOnlySpan<char> text)
    {
        var run = 0;
        foreach (var c in text)
        {
            if (c == '@')
            {
                return true;
            }

            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run > MaxDigitRun)
            {
                return true;
            }
        }

        return false;
    }
}
