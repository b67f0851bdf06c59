using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// A property name <see cref="CleanJsonProof"/> classified, by position in the body: arrays of records repeat the same
/// keys in the same order, so the key at the same depth and ordinal is compared with it before the
/// <see cref="KeyClassCache"/> is asked. A slot counts only in the proof whose <see cref="ProofScratch.NextGeneration"/>
/// wrote it.
/// </summary>
internal struct KeyMemo
{
    /// <summary>Where the (truncated) name is in the body.</summary>
    public int Start;

    /// <summary>Its length, bytes.</summary>
    public int Length;

    /// <summary>Its class.</summary>
    public KeyClass Class;

    /// <summary><see cref="PropertyNameTriggers.MayHoldEntity"/> of the whole name (it is then checked as a value).</summary>
    public bool MayHoldEntity;

    /// <summary>The proof that wrote the slot (0: none).</summary>
    public int Generation;
}
