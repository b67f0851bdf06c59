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

    private const byte AllowedFlag = 1;
    private const byte FormEncodedFlag = 2;
    private const byte ReportedOnlyWhenPiiFlag = 4;

    /// <summary>
    /// <see cref="Allowed"/>, <see cref="FormEncoded"/> and <see cref="ReportedOnlyWhenPii"/> in one byte, so that a match
    /// stays 32 bytes (two 8-byte references, three 4-byte numbers, four bytes); matches are copied a lot in dense bodies.
    /// </summary>
    private byte _flags;

    /// <summary>1 + the index of the remembered value this match repeats (<see cref="Sessions.BodyScanSession"/>'s
    /// repeated values, at most <see cref="Sessions.BodyScanSession.MaxRepeatedValues"/>): decided with that value's
    /// record, whatever its own record holds; 0 when it is no repeat.</summary>
    public byte RepeatOf;

    /// <summary>An allow-list entry exempts the value.</summary>
    public bool Allowed
    {
        readonly get => (_flags & AllowedFlag) != 0;
        set => SetFlag(AllowedFlag, value);
    }

    /// <summary>The match's bytes are a form-encoded query value in text (<c>?email=ravi.k%40example.com</c>): it was
    /// found in the decoded value, and its operator gets the decoded bytes and its output is encoded again.</summary>
    public bool FormEncoded
    {
        readonly get => (_flags & FormEncodedFlag) != 0;
        set => SetFlag(FormEncodedFlag, value);
    }

    /// <summary>Reported only when its record makes it PII: dropped when the record decides it below the combination
    /// threshold or an allow-list entry exempts it (a salutation name, <see cref="SalutationName"/>: the clean-body proof
    /// does not look for it, and a body it proves clean has no second kind that could make the name PII).</summary>
    public bool ReportedOnlyWhenPii
    {
        readonly get => (_flags & ReportedOnlyWhenPiiFlag) != 0;
        set => SetFlag(ReportedOnlyWhenPiiFlag, value);
    }

    private void SetFlag(byte flag, bool value) => _flags = value ? (byte)(_flags | flag) : (byte)(_flags & ~flag);

    public RawMatch(PiiEntity entity, int start, int length, float score, string recognizer, Evidence evidence)
    {
        Entity = entity;
        Start = start;
        Length = length;
        Score = score;
        Recognizer = recognizer;
        Evidence = evidence;
        NamePart = ValueRole.None;
        _flags = 0;
        RepeatOf = 0;
    }

    public readonly int End => Start + Length;

    /// <summary>Orders matches by start, and the longer first at the same start (the order a merge of additions reads).</summary>
    public static readonly Comparison<RawMatch> ByStartLongestFirst =
        static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length);

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
        destination._flags = source._flags;
        destination.RepeatOf = source.RepeatOf;
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
