using static PiiExtProc.Scanning.Recognition.BuiltInId;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>Names after a salutation at the start of a line (<c>Dear Ravi Kumar,</c>) as person names.</summary>
internal sealed partial class Detector
{
    /// <summary>
    /// The name after a salutation or honorific at the start of each line of <paramref name="text"/>
    /// (<see cref="SalutationName"/>): a PERSON_NAME (recognizer <c>name.salutation</c>, key-named score, the
    /// salutation being its context word). A quasi-identifier like any full name: it is redacted only with a second
    /// kind in its record (an email, an address, an IP), by the combination rule, and reported only then
    /// (<see cref="RawMatch.ReportedOnlyWhenPii"/>).
    /// </summary>
    private void AddSalutationNames(ReadOnlySpan<byte> text, List<RawMatch> output, int first)
    {
        if (!Passes(PiiEntity.PersonName, Of(PiiEntity.PersonName), Scores.KeyNamed))
        {
            return;
        }

        // Collected, then merged in one pass (AddAll): a name at a line start goes before the line's other matches.
        List<RawMatch> names = t_additions ??= [];
        names.Clear();
        int lineStart = 0;
        while (SalutationName.TryFindNext(text, ref lineStart, out int start, out int end))
        {
            names.Add(new RawMatch(PiiEntity.PersonName, start, end - start, Scores.KeyNamed, "name.salutation", Evidence.Key) { ReportedOnlyWhenPii = true });
        }

        AddAll(output, first, names);
        names.Clear();
    }
}
