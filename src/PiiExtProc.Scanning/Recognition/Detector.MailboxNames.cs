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
    /// (<c>noreply@</c>, <c>support@</c>...).
    /// </summary>
    private void AddMailboxNames(ReadOnlySpan<byte> text, List<RawMatch> output, int first)
    {
        // Collected, then merged in one pass (AddAll): the emails' indexes stay put while they are read.
        List<RawMatch> names = t_additions ??= [];
        names.Clear();
        for (int m = first; m < output.Count; m++)
        {
            RawMatch email = output[m];
            if (email.Entity != PiiEntity.Email || email.Start == 0 || text[email.Start - 1] != '<'
                || email.Start + email.Length >= text.Length || text[email.Start + email.Length] != '>')
            {
                continue;
            }

            ReadOnlySpan<byte> address = text.Slice(email.Start, email.Length);
            if (IsRoleMailbox(address[..address.IndexOf((byte)'@')]))
            {
                continue;
            }

            int end = email.Start - 1;
            while (end > 0 && text[end - 1] == ' ')
            {
                end--;
            }

            int start;
            if (end > 1 && text[end - 1] == '"')
            {
                int open = text[..(end - 1)].LastIndexOf((byte)'"');
                if (open < 0 || end - 1 - open > 100)
                {
                    continue;
                }

                start = open + 1;
                end--;
            }
            else
            {
                start = CapitalizedWordsStart(text, end);
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
