using static PiiExtProc.Scanning.Recognition.BuiltInId;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// Names repeated later in the same text: a log line or a one-line XML document names the customer by key
/// (<c>name=Ravi Kumar</c>, <c>&lt;name&gt;Ravi Kumar&lt;/name&gt;</c>) and again in free text further on
/// (<c>msg="Ravi Kumar asked for a refund"</c>, <c>&lt;note&gt;Called Ravi Kumar&lt;/note&gt;</c>). The session finds
/// repeats of earlier values and lines (<see cref="Sessions.BodyScanSession"/>); this finds those within the one text it
/// scans, so they are decided with the name itself.
/// </summary>
internal sealed partial class Detector
{
    /// <summary>Most names per text whose later copies are looked for.</summary>
    private const int MaxRepeatedNamesPerText = 16;

    /// <summary>Shortest full name (or email) whose copies are looked for, bytes: shorter names (<c>Ab Cd</c>) repeat by
    /// chance. The session's repeated values across a body use the same bounds.</summary>
    internal const int MinRepeatedBytes = 5;

    /// <summary>Longest full name (or email) whose copies are looked for, bytes (UTF-8).</summary>
    internal const int MaxRepeatedBytes = 100;

    /// <summary>
    /// Adds, for each full name among the matches from <paramref name="first"/> on (a <see cref="PiiEntity.PersonName"/>
    /// of 2-5 words and 5-100 bytes that is no first or last name), its later copies in <paramref name="text"/>: the same
    /// bytes, ASCII letters in any case, as a whole name (<see cref="NameShape.NextWholeCopy"/>), recognizer
    /// <c>name.repeated</c> with the key-named score, where no other match wins the bytes. A copy is a match of the same
    /// record, so it is masked exactly when the name is.
    /// </summary>
    private void AddInLineRepeatedNames(ReadOnlySpan<byte> text, List<RawMatch> output, int first)
    {
        if (!Passes(PiiEntity.PersonName, Of(PiiEntity.PersonName), Scores.KeyNamed))
        {
            return;
        }

        List<RawMatch> copies = t_additions ??= [];
        copies.Clear();
        int names = 0;
        for (int m = first; m < output.Count && names < MaxRepeatedNamesPerText; m++)
        {
            RawMatch name = output[m];
            if (name.Entity != PiiEntity.PersonName || name.NamePart != ValueRole.None
                || name.Length is < MinRepeatedBytes or > MaxRepeatedBytes)
            {
                continue;
            }

            ReadOnlySpan<byte> bytes = text.Slice(name.Start, name.Length);
            if (NameShape.Words(bytes) is < 2 or > 5 || HasEarlierSameName(text, output, first, m, bytes))
            {
                continue;
            }

            names++;
            int from = name.Start + name.Length;
            int at;
            while ((at = NameShape.NextWholeCopy(text, ref from, bytes)) >= 0)
            {
                copies.Add(new RawMatch(PiiEntity.PersonName, at, bytes.Length, Scores.KeyNamed, "name.repeated", Evidence.Key));
            }
        }

        if (copies.Count > 1)
        {
            copies.Sort(RawMatch.ByStartLongestFirst);
        }

        AddAll(output, first, copies);
        copies.Clear();
    }

    /// <summary>True when a name match before index <paramref name="index"/> has the same bytes (ASCII case aside): its
    /// copies were looked for already.</summary>
    private static bool HasEarlierSameName(ReadOnlySpan<byte> text, List<RawMatch> output, int first, int index, ReadOnlySpan<byte> bytes)
    {
        for (int m = first; m < index; m++)
        {
            RawMatch earlier = output[m];
            if (earlier.Entity == PiiEntity.PersonName && earlier.Length == bytes.Length
                && System.Text.Ascii.EqualsIgnoreCase(text.Slice(earlier.Start, earlier.Length), bytes))
            {
                return true;
            }
        }

        return false;
    }
}
