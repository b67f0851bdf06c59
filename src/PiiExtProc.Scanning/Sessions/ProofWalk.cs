using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// The state one <see cref="CleanJsonProof"/> carries from value to value: its scratch (frames, key memo), its
/// generation, the limits it checks, and the starts of the last two tokens (the token size check).
/// </summary>
internal ref struct ProofWalk
{
    /// <summary>Starts a walk whose last token began at <paramref name="lastTokenStart"/> (-1 before the body).</summary>
    public ProofWalk(ProofScratch scratch, KeywordTable keywords, int maxKeyBytes, int maxDepth, int maxToken, int lastTokenStart)
    {
        Frames = scratch.Frames;
        Memo = scratch.Memo;
        Generation = scratch.NextGeneration();
        Keywords = keywords;
        MaxKeyBytes = maxKeyBytes;
        MaxDepth = maxDepth;
        MaxToken = maxToken;
        PreviousStart = lastTokenStart;
        SecondPreviousStart = lastTokenStart;
    }

    /// <summary>The frame stack, <see cref="ProofScratch.MaxFrames"/> long.</summary>
    public Span<ProofFrame> Frames { get; }

    /// <summary>The key memo, <see cref="ProofScratch.MemoSlots"/> long.</summary>
    public Span<KeyMemo> Memo { get; }

    /// <summary>This walk's memo generation.</summary>
    public int Generation { get; }

    /// <summary>The scanner's keywords.</summary>
    public KeywordTable Keywords { get; }

    /// <summary>Longest property name prefix the session classifies, bytes.</summary>
    public int MaxKeyBytes { get; }

    /// <summary>Open containers allowed, this walk's own frames counted (a container may open only below it minus one).</summary>
    public int MaxDepth { get; }

    /// <summary>Largest distance between token starts two apart, bytes (<see cref="ScanLimits.MaxRecordBytes"/>).</summary>
    public int MaxToken { get; }

    /// <summary>Start of the last token walked.</summary>
    public int PreviousStart { get; set; }

    /// <summary>Start of the token before it.</summary>
    public int SecondPreviousStart { get; set; }

    /// <summary>The walk covers a whole body from its start (<see cref="CleanJsonProof.Holds"/>), so a column declaration
    /// in it only disproves the arrays of arrays after it; a sibling walk stops at one (the session would not read it).</summary>
    public bool WholeBody { get; init; }

    /// <summary>A column declaration was walked (<see cref="KeyClass.DeclaresColumns"/>): every row after it is read under
    /// its columns by the session, so none is proved.</summary>
    public bool ColumnsDeclared { get; set; }
}
