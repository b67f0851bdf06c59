namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// One recognizer hit inside a scanned span (a JSON value or a text record), before the policy decides what to do.
/// Offsets are relative to the span. Holds no matched bytes.
/// </summary>
internal struct RawMatch
{
    public PiiEntity Entity;
    public int Start;
    public int Length;
    public float Score;
    public string Recognizer;
    public Evidence Evidence;

    /// <summary>For part matches (first/last name, street/city of an address object): the role; a part counts only when the record also has its other half (<see cref="Sessions.RecordPartRules"/>).</summary>
    public ValueRole NamePart;

    /// <summary>An allow-list entry exempts the value.</summary>
    public bool Allowed;

    /// <summary>The match's bytes are a form-encoded query value in text (<c>?email=ravi.k%40example.com</c>): it was
    /// found in the decoded value, and its operator gets the decoded bytes and its output is encoded again.</summary>
    public bool FormEncoded;

    /// <summary>Reported only when its record makes it PII: dropped when the record decides it below the combination
    /// threshold or an allow-list entry exempts it (a salutation name, <see cref="SalutationName"/>: the clean-body proof does not look
    /// for it, and a body it proves clean has no second kind that could make the name PII).</summary>
    public bool ReportedOnlyWhenPii;

    public RawMatch(PiiEntity entity, int start, int length, float score, string recognizer, Evidence evidence)
    {
        Entity = entity;
        Start = start;
        Length = length;
        Score = score;
        Recognizer = recognizer;
        Evidence = evidence;
        NamePart = ValueRole.None;
        Allowed = false;
        FormEncoded = false;
        ReportedOnlyWhenPii = false;
    }

    public readonly int End => Start + Length;

    /// <summary>
    /// Copies <paramref name="source"/> into <paramref name="destination"/> field by field: a whole-struct copy reads the
    /// match with wide loads, which stall on the narrow stores that just built it (store forwarding fails).
    /// </summary>
    public static void Copy(in RawMatch source, ref RawMatch destination)
    {
        destination.Entity = source.Entity;
        destination.Start = source.Start;
        destination.Length = source.Length;
        destination.Score = source.Score;
        destination.Recognizer = source.Recognizer;
        destination.Evidence = source.Evidence;
        destination.NamePart = source.NamePart;
        destination.Allowed = source.Allowed;
        destination.FormEncoded = source.FormEncoded;
        destination.ReportedOnlyWhenPii = source.ReportedOnlyWhenPii;
    }

    /// <summary>True when this match should win over <paramref name="other"/> where they overlap.</summary>
    public readonly bool Beats(in RawMatch other)
    {
        if (Evidence != other.Evidence)
        {
            return Evidence > other.Evidence;
        }

        if (Score != other.Score)
        {
            return Score > other.Score;
        }

        return Length > other.Length;
    }
}
