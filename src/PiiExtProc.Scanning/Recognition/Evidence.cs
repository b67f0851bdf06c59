namespace PiiExtProc.Scanning.Recognition;

/// <summary>What besides the pattern supports a match; ranks overlapping matches before their scores do.</summary>
internal enum Evidence : byte
{
    /// <summary>The pattern (and its validator) only.</summary>
    Pattern = 0,

    /// <summary>A context word naming the entity occurs shortly before the match.</summary>
    ContextWord = 1,

    /// <summary>The JSON key of the value names the entity.</summary>
    Key = 2,
}
