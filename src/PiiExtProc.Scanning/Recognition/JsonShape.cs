using System.Text.Unicode;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// A non-throwing RFC 8259 check, run before an embedded document is read with <see cref="System.Text.Json.Utf8JsonReader"/>
/// (which throws on malformed input): a value that only starts like JSON (<c>{name} ordered {qty}</c>, a template) costs
/// one linear pass, never an exception, so a body of many such values cannot multiply the scan's cost.
/// </summary>
internal static class JsonShape
{
    /// <summary>
    /// True when <paramref name="text"/> is valid UTF-8 and, after optional whitespace, exactly one JSON object or array
    /// (RFC 8259 tokens: strings with their escapes and no control bytes, numbers without leading zeros, <c>true</c>,
    /// <c>false</c>, <c>null</c>) nested at most <paramref name="maxDepth"/> deep (at most 64), followed only by whitespace.
    /// </summary>
    public static bool IsOneDocument(ReadOnlySpan<byte> text, int maxDepth)
    {
        if (!Utf8.IsValid(text))
        {
            return false;
        }

        Span<bool> isArray = stackalloc bool[Math.Min(maxDepth, 64)];
        int depth = 0;
        int i = JsonTokens.SkipWhitespace(text, 0);
        if (i >= text.Length || text[i] is not ((byte)'{' or (byte)'['))
        {
            return false;
        }

    Value:
        i = JsonTokens.SkipWhitespace(text, i);
        if (i >= text.Length)
        {
            return false;
        }

        byte b = text[i];
        if (b is (byte)'{' or (byte)'[')
        {
            if (depth == isArray.Length)
            {
                return false;
            }

            isArray[depth++] = b == '[';
            i = JsonTokens.SkipWhitespace(text, i + 1);
            if (i >= text.Length)
            {
                return false;
            }

            if (text[i] == b + 2)
            {
                // '{' + 2 is '}' and '[' + 2 is ']': an empty container.
                depth--;
                i++;
                goto AfterValue;
            }

            if (b == '[')
            {
                goto Value;
            }

            goto Key;
        }

        if (b == '"')
        {
            i = StringEnd(text, i);
        }
        else if (b == '-' || Ascii.IsDigit(b))
        {
            i = JsonTokens.NumberEnd(text, i, out _);
        }
        else
        {
            i = LiteralEnd(text, i);
        }

        if (i < 0)
        {
            return false;
        }

    AfterValue:
        if (depth == 0)
        {
            return JsonTokens.SkipWhitespace(text, i) == text.Length;
        }

        i = JsonTokens.SkipWhitespace(text, i);
        if (i >= text.Length)
        {
            return false;
        }

        if (text[i] == ',')
        {
            i++;
            if (isArray[depth - 1])
            {
                goto Value;
            }

            goto Key;
        }

        if (text[i] != (isArray[depth - 1] ? ']' : '}'))
        {
            return false;
        }

        depth--;
        i++;
        goto AfterValue;

    Key:
        i = JsonTokens.SkipWhitespace(text, i);
        if (i >= text.Length || text[i] != '"')
        {
            return false;
        }

        i = JsonTokens.SkipWhitespace(text, StringEnd(text, i) is int end and >= 0 ? end : text.Length);
        if (i >= text.Length || text[i] != ':')
        {
            return false;
        }

        i++;
        goto Value;
    }

    /// <summary>Index after the closing quote of the string whose opening quote is at <paramref name="i"/>, or -1.</summary>
    private static int StringEnd(ReadOnlySpan<byte> text, int i)
    {
        for (int j = i + 1; j < text.Length; j++)
        {
            byte c = text[j];
            if (c == '"')
            {
                return j + 1;
            }

            if (c < 0x20)
            {
                return -1;
            }

            if (c != '\\')
            {
                continue;
            }

            if (++j >= text.Length)
            {
                return -1;
            }

            if (text[j] == 'u')
            {
                if (j + 4 >= text.Length || !Ascii.IsHex(text[j + 1]) || !Ascii.IsHex(text[j + 2]) || !Ascii.IsHex(text[j + 3]) || !Ascii.IsHex(text[j + 4]))
                {
                    return -1;
                }

                j += 4;
            }
            else if (text[j] is not ((byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t'))
            {
                return -1;
            }
        }

        return -1;
    }

    private static int LiteralEnd(ReadOnlySpan<byte> text, int i)
    {
        ReadOnlySpan<byte> rest = text[i..];
        if (rest.StartsWith("true"u8) || rest.StartsWith("null"u8))
        {
            return i + 4;
        }

        return rest.StartsWith("false"u8) ? i + 5 : -1;
    }
}
