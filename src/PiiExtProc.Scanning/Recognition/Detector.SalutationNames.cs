using static PiiExtProc.Scanning.Recognition.BuiltInId;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// Names after a salutation at the start of a line (<c>Dear Ravi Kumar,</c>), a capitalized honorific inside one
/// (<c>delivered to Mr. Ravi Kumar</c>) or an introduction (<c>my name is Ravi Kumar</c>) as person names.
/// </summary>
internal sealed partial class Detector
{
    /// <summary>
    /// The name after a salutation or honorific at the start of each line of <paramref name="text"/>, after each
    /// capitalized honorific inside a line (<see cref="SalutationName"/>) and after each salutation that opens a message
    /// quoted inside a line (<see cref="SalutationName.TryFindNextQuoted"/>): a PERSON_NAME (recognizer <c>name.salutation</c>, key-named score, the
    /// salutation being its context word); and each introduced name (<see cref="SalutationName.TryFindNextIntroduction"/>,
    /// recognizer <c>name.introduced</c>). A quasi-identifier like any full name: it is redacted only with a second
    /// kind in its record (an email, an address, an IP), by the combination rule, and reported only then
    /// (<see cref="RawMatch.ReportedOnlyWhenPii"/>).
    /// </summary>
    /// <param name="text">UTF-8 text.</param>
    /// <param name="output">The matches.</param>
    /// <param name="first">Index of this span's first match in <paramref name="output"/>.</param>
    /// <param name="inLine">False to skip the names after an honorific inside a line, the introduced names and the names
    /// after a quoted salutation (the caller
    /// knows there is none: <see cref="SalutationName.MayHoldInLineOrIntroducedName"/>).</param>
    /// <param name="quotedMessages">False to skip the names after a quoted salutation: in markup, whose attribute values
    /// are quoted after <c>=</c> (<c>alt="Cotton kurta"</c>) and whose mails greet after a tag, a line start.</param>
    private void AddSalutationNames(ReadOnlySpan<byte> text, List<RawMatch> output, int first, bool inLine, bool quotedMessages)
    {
        if (!Passes(PiiEntity.PersonName, Of(PiiEntity.PersonName), Scores.KeyNamed))
        {
            return;
        }

        // Collected in start order (the line-start names and the in-line ones merged), then merged into the matches in
        // one pass (AddAll): a name at a line start goes before the line's other matches.
        bool introductions = inLine;
        List<RawMatch> names = t_additions ??= [];
        names.Clear();
        int lineStart = 0;
        int position = 0;
        bool atLineStart = SalutationName.TryFindNext(text, ref lineStart, out int lineName, out int lineNameEnd);
        int start = 0;
        int end = 0;
        inLine = inLine && SalutationName.TryFindNextInLine(text, ref position, out start, out end);
        while (atLineStart || inLine)
        {
            if (atLineStart && (!inLine || lineName <= start))
            {
                names.Add(SalutationMatch(lineName, lineNameEnd));
                if (inLine && start == lineName)
                {
                    // The same name ("Dear Mr. Ravi Kumar": the honorific inside the line): once.
                    inLine = SalutationName.TryFindNextInLine(text, ref position, out start, out end);
                }

                atLineStart = SalutationName.TryFindNext(text, ref lineStart, out lineName, out lineNameEnd);
            }
            else
            {
                names.Add(SalutationMatch(start, end));
                inLine = SalutationName.TryFindNextInLine(text, ref position, out start, out end);
            }
        }

        // Introduced names ("my name is Ravi Kumar") and names after a quoted salutation ("sms sent: Dear Ravi Kumar,")
        // after the others: rare, so out of start order only when they occur (AddAll then adds them one by one, and keeps
        // one of two equal matches: "sms sent: Dear Mr. Ravi Kumar" is also a name after an honorific inside the line).
        // Skipped with the in-line names when the caller knows there is none.
        position = 0;
        while (introductions && SalutationName.TryFindNextIntroduction(text, ref position, out start, out end))
        {
            names.Add(new RawMatch(PiiEntity.PersonName, start, end - start, Scores.KeyNamed, "name.introduced", Evidence.Key) { ReportedOnlyWhenPii = true });
        }

        position = 0;
        while (introductions && quotedMessages && SalutationName.TryFindNextQuoted(text, ref position, out start, out end))
        {
            names.Add(SalutationMatch(start, end));
        }

        AddAll(output, first, names);
        names.Clear();
    }

    private static RawMatch SalutationMatch(int start, int end) =>
        new(PiiEntity.PersonName, start, end - start, Scores.KeyNamed, "name.salutation", Evidence.Key) { ReportedOnlyWhenPii = true };
}
