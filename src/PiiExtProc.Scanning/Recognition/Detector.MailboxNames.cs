using static PiiExtProc.Scanning.Recognition.BuiltInId;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>Display names of mailboxes (<c>"Anita Desai" &lt;anita.desai@example.com&gt;</c>) as person names.</summary>
internal sealed partial class Detector
{
    /// <summary>Local parts of role mailboxes, whose display names name a team or a service, not a person.</summary>
    private static readonly string[] s_roleMailboxes =
    [
        "noreply", "no-reply", "donotreply", "do-not-reply", "support", "help", "helpdesk", "info", "admin", "sales",
        "contact", "care", "customercare", "billing", "orders", "order", "notifications", "notification", "alerts",
        "alert", "hello", "team", "service", "services", "accounts", "mailer-daemon", "postmaster", "feedback", "news",
        "newsletter", "marketing", "updates", "security", "hr", "careers", "jobs", "office", "enquiry", "enquiries",
    ];

    /// <summary>
    /// The display names of mailboxes (RFC 5322 <c>name-addr</c>): <c>"Anita Desai" &lt;anita.desai@example.com&gt;</c> or
    /// <c>Anita Desai &lt;anita.desai@example.com&gt;</c>, as in mail logs, notification payloads and <c>from</c>/<c>to</c>
    /// fields. A quoted name, or up to four capitalized words right before the <c>&lt;</c>, of person-name shape, is a
    /// PERSON_NAME (recognizer <c>name.mailbox</c>, key-named score), unless the address is a role mailbox
    /// (<c>noreply@</c>, <c>support@</c>...). Logs, CRM notes and audit trails write the same pair with parentheses:
    /// <c>Ravi Kumar (ravi.kumar@example.com)</c>, or the older comment form <c>ravi.kumar@example.com (Ravi Kumar)</c>;
    /// there the name must be two to five capitalized words with no organisation word
    /// (<see cref="NameShape.HasOrganisationWord"/>), after any placeholder words before it (<c>User</c>,
    /// <c>Customer</c>) are dropped.
    /// </summary>
    private void AddMailboxNames(ReadOnlySpan<byte> text, List<RawMatch> output, int first)
    {
        // Collected, then merged in one pass (AddAll): the emails' indexes stay put while they are read.
        List<RawMatch> names = t_additions ??= [];
        names.Clear();
        for (int m = first; m < output.Count; m++)
        {
            RawMatch email = output[m];
            int emailEnd = email.Start + email.Length;
            if (email.Entity != PiiEntity.Email)
            {
                continue;
            }

            byte before = email.Start > 0 ? text[email.Start - 1] : (byte)0;
            byte after = emailEnd < text.Length ? text[emailEnd] : (byte)0;
            int start;
            int end;
            if (before == '<' && after == '>')
            {
                (start, end) = AngleMailboxName(text, email.Start - 1);
            }
            else if (before == '(' && after == ')')
            {
                (start, end) = ParenthesizedMailboxName(text, email.Start - 1);
            }
            else if (after == ' ' && emailEnd + 1 < text.Length && text[emailEnd + 1] == '(')
            {
                (start, end) = CommentMailboxName(text, emailEnd + 2);
            }
            else if (before == ':' && after is (byte)'"' or (byte)'\'' && email.Start >= 7
                && Ascii.StartsWithIgnoreCase(text[(email.Start - 7)..], "mailto:"u8))
            {
                (start, end) = MailtoLinkName(text, emailEnd + 1);
            }
            else
            {
                continue;
            }

            ReadOnlySpan<byte> address = text.Slice(email.Start, email.Length);
            int at = address.IndexOf((byte)'@');
            if (at < 0 || IsRoleMailbox(address[..at]))
            {
                // A role mailbox names a team or a service; an encoded address (ravi%40...) is no mailbox in prose.
                continue;
            }

            if (start < end && NameShape.Words(text[start..end]) is >= 2 and <= 5
                && Passes(PiiEntity.PersonName, Of(PiiEntity.PersonName), Scores.KeyNamed))
            {
                names.Add(new RawMatch(PiiEntity.PersonName, start, end - start, Scores.KeyNamed, "name.mailbox", Evidence.Key));
            }
        }

        AddAll(output, first, names);
        names.Clear();
    }

    /// <summary>The display name before a <c>&lt;</c> at <paramref name="open"/>: quoted, or capitalized words; an empty range when none.</summary>
    private static (int Start, int End) AngleMailboxName(ReadOnlySpan<byte> text, int open)
    {
        int end = text[..open].TrimEnd((byte)' ').Length;

        if (end > 1 && text[end - 1] == '"')
        {
            int quote = text[..(end - 1)].LastIndexOf((byte)'"');
            return quote < 0 || end - 1 - quote > 100 ? (0, 0) : (quote + 1, end - 1);
        }

        return (CapitalizedWordsStart(text, end), end);
    }

    /// <summary>
    /// The name before a <c>(</c> at <paramref name="open"/> (<c>Ravi Kumar (ravi@...)</c>): the capitalized words right
    /// before it, leading placeholder words dropped (<c>User Ravi Kumar</c>), with no organisation word.
    /// </summary>
    private static (int Start, int End) ParenthesizedMailboxName(ReadOnlySpan<byte> text, int open)
    {
        int end = text[..open].TrimEnd((byte)' ').Length;

        int start = CapitalizedWordsStart(text, end);
        while (start < end)
        {
            int space = text[start..end].IndexOf((byte)' ');
            if (space < 0 || !NameShape.HasOrganisationWord(text.Slice(start, space)))
            {
                break;
            }

            start += space + 1;
        }

        return NameShape.HasOrganisationWord(text[start..end]) ? (0, 0) : (start, end);
    }

    /// <summary>
    /// The name in the parentheses whose content starts at <paramref name="from"/>, after an address
    /// (<c>ravi@... (Ravi Kumar)</c>): all of it up to the <c>)</c>, capitalized words with no organisation word.
    /// </summary>
    private static (int Start, int End) CommentMailboxName(ReadOnlySpan<byte> text, int from)
    {
        int close = text[from..].IndexOf((byte)')');
        if (close <= 0 || close > 100)
        {
            return (0, 0);
        }

        int end = from + close;
        return CapitalizedWordsStart(text, end) == from && !NameShape.HasOrganisationWord(text[from..end]) ? (from, end) : (0, 0);
    }

    /// <summary>Most bytes from a <c>mailto:</c> link's address to its text (the rest of the <c>&lt;a&gt;</c> tag).</summary>
    private const int MaxMailtoTagBytes = 200;

    /// <summary>
    /// The text of the HTML link whose <c>mailto:</c> address ends its attribute value at <paramref name="from"/> - 1
    /// (<c>&lt;a href="mailto:ravi@..."&gt;Ravi Kumar&lt;/a&gt;</c>, as mails and order pages link a customer's address):
    /// all of it up to <c>&lt;/a</c>, capitalized words with no organisation word; an empty range when none.
    /// </summary>
    private static (int Start, int End) MailtoLinkName(ReadOnlySpan<byte> text, int from)
    {
        int tagEnd = text[from..Math.Min(text.Length, from + MaxMailtoTagBytes)].IndexOfAny((byte)'>', (byte)'<');
        if (tagEnd < 0 || text[from + tagEnd] != '>')
        {
            return (0, 0);
        }

        int start = from + tagEnd + 1;
        int close = text[start..].IndexOf("</"u8);
        if (close <= 0 || close > 100)
        {
            return (0, 0);
        }

        ReadOnlySpan<byte> name = text.Slice(start, close).Trim((byte)' ');
        start += text.Slice(start, close).IndexOf(name);
        int end = start + name.Length;
        return CapitalizedWordsStart(text, end) == start && !NameShape.HasOrganisationWord(name) ? (start, end) : (0, 0);
    }

    /// <summary>Start of up to four words right before <paramref name="end"/>, each of letters (and <c>. ' -</c>) starting
    /// with a capital letter or a non-ASCII letter, one space apart; <paramref name="end"/> when there is none.</summary>
    private static int CapitalizedWordsStart(ReadOnlySpan<byte> text, int end)
    {
        int start = end;
        int i = end;
        for (int words = 0; words < 4; words++)
        {
            int wordStart = i;
            while (wordStart > 0 && NameShape.IsWordByte(text[wordStart - 1]))
            {
                wordStart--;
            }

            if (wordStart == i || !(Ascii.IsUpper(text[wordStart]) || text[wordStart] >= 0x80))
            {
                break;
            }

            start = wordStart;
            if (wordStart < 2 || text[wordStart - 1] != ' ')
            {
                break;
            }

            i = wordStart - 1;
        }

        return start;
    }

    private static bool IsRoleMailbox(ReadOnlySpan<byte> localPart)
    {
        foreach (string role in s_roleMailboxes)
        {
            if (localPart.Length == role.Length && System.Text.Ascii.EqualsIgnoreCase(localPart, role))
            {
                return true;
            }
        }

        return false;
    }
}
