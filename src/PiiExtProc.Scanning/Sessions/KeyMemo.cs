using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// A property name <see cref="CleanJsonProof"/> classified, by position in the body: arrays of records repeat the same
/// keys in the same order, so the key at the same depth and ordinal is compared with it before the
/// <see cref="KeyClassCache"/> is asked. The zero value stands for the empty name, whose class is none.
/// </summary>
internal struct KeyMemo
{
    /// <summary>Where the (truncated) name is in the body.</summary>
    public int Start;

    /// <summary>Its length, bytes.</summary>
    public int Length;

    /// <summary>Its class.</summary>
    public KeyClass Class;
}
