namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// Per-thread working memory of <see cref="CleanJsonProof"/>: its frame stack and key memo, kept between bodies so a
/// proof does not zero them each time. Frames are written on push before they are read; memo slots carry the generation
/// (one per proof) that wrote them and count as empty under any other.
/// </summary>
internal sealed class ProofScratch
{
    /// <summary>Deepest nesting proved (frames on the stack).</summary>
    public const int MaxFrames = 64;

    /// <summary>Slots of the key memo (a power of two).</summary>
    public const int MemoSlots = 64;

    [ThreadStatic]
    private static ProofScratch? s_forThread;

    private int _generation;

    /// <summary>The frame stack, <see cref="MaxFrames"/> long.</summary>
    public ProofFrame[] Frames { get; } = new ProofFrame[MaxFrames];

    /// <summary>The key memo, <see cref="MemoSlots"/> long.</summary>
    public KeyMemo[] Memo { get; } = new KeyMemo[MemoSlots];

    /// <summary>The calling thread's scratch (not shared between threads; one proof at a time per thread).</summary>
    public static ProofScratch ForThread() => s_forThread ??= new ProofScratch();

    /// <summary>
    /// A generation no memo slot holds yet (never 0, the value of unused slots); on wrap-around the memo is cleared first
    /// so an old slot can never pass for a new one.
    /// </summary>
    public int NextGeneration()
    {
        if (_generation == int.MaxValue)
        {
            Array.Clear(Memo);
            _generation = 0;
        }

        return ++_generation;
    }
}
