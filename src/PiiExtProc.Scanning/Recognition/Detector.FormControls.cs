namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// The HTML form control pass of a <see cref="Detector"/>: a profile or checkout page that an internal web app renders
/// with the customer's data filled in names each value by its control's <c>name</c> attribute, not by text before it.
/// </summary>
internal sealed partial class Detector
{
    /// <summary>
    /// Names and addresses in HTML form controls of a text record or document: <c>&lt;input name="fullName"
    /// value="Ravi Kumar"&gt;</c> (the attributes in any order, double or single quotes) and <c>&lt;textarea
    /// name="address"&gt;...&lt;/textarea&gt;</c> (tag names in any case). The <c>name</c> attribute classifies like a
    /// JSON key (person name, first/last name, postal address, flat street or city field) and the value must have the
    /// same shape as in a text key-value pair (<see cref="ScanKeyValuePairs"/>). Other controls' values (email, phone)
    /// are found by their own recognizers.
    /// </summary>
    private void ScanFormControls(ReadOnlySpan<byte> text, List<RawMatch> output, int first)
    {
        int i = 0;
        while (true)
        {
            int k = text[i..].IndexOf((byte)'<');
            if (k < 0)
            {
                return;
            }

            i += k + 1;
            ReadOnlySpan<byte> rest = text[i..];
            bool input = Ascii.StartsWithIgnoreCase(rest, "input"u8) && rest.Length > 5 && !Ascii.IsLetterOrDigit(rest[5]);
            bool textarea = !input && Ascii.StartsWithIgnoreCase(rest, "textarea"u8) && rest.Length > 8 && !Ascii.IsLetterOrDigit(rest[8]);
            if (!input && !textarea)
            {
                continue;
            }

            int tagLength = rest.IndexOfAny((byte)'>', (byte)'<');
            if (tagLength < 0)
            {
                return;
            }

            int tagEnd = i + tagLength;
            ReadOnlySpan<byte> tag = text[i..tagEnd];
            if (text[tagEnd] != '>' || !TryAttribute(tag, "name"u8, out int nameStart, out int nameLength))
            {
                i = tagEnd;
                continue;
            }

            ValueRole role = _keywords.ClassifyKey(tag.Slice(nameStart, nameLength)).Role;
            if (IsTextPairRole(role))
            {
                if (input && TryAttribute(tag, "value"u8, out int valueStart, out int valueLength))
                {
                    AddRoleValue(text, i + valueStart, i + valueStart + valueLength, role, output, first);
                }
                else if (textarea)
                {
                    int contentStart = tagEnd + 1;
                    int contentLength = text[contentStart..].IndexOf((byte)'<');
                    if (contentLength >= 0 && Ascii.StartsWithIgnoreCase(text[(contentStart + contentLength)..], "</textarea"u8))
                    {
                        AddRoleValue(text, contentStart, contentStart + contentLength, role, output, first);
                    }
                }
            }

            i = tagEnd + 1;
        }
    }

    /// <summary>
    /// Finds attribute <paramref name="name"/> (ASCII, any case, after whitespace) with a quoted value in the bytes of a
    /// tag after its name, and gives the value's offset and length in <paramref name="tag"/>.
    /// </summary>
    private static bool TryAttribute(ReadOnlySpan<byte> tag, ReadOnlySpan<byte> name, out int start, out int length)
    {
        start = length = 0;
        for (int i = 1; i + name.Length < tag.Length; i++)
        {
            if (tag[i - 1] is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') || !Ascii.StartsWithIgnoreCase(tag[i..], name))
            {
                continue;
            }

            int p = i + name.Length;
            while (p < tag.Length && tag[p] == ' ')
            {
                p++;
            }

            if (p >= tag.Length || tag[p] != '=')
            {
                continue;
            }

            p++;
            while (p < tag.Length && tag[p] == ' ')
            {
                p++;
            }

            if (p >= tag.Length || tag[p] is not ((byte)'"' or (byte)'\''))
            {
                continue;
            }

            int close = tag[(p + 1)..].IndexOf(tag[p]);
            if (close < 0)
            {
                return false;
            }

            start = p + 1;
            length = close;
            return true;
        }

        return false;
    }
}
