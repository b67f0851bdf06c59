using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>One open JSON container as <see cref="CleanJsonProof"/> tracks it (the session's <see cref="JsonFrame"/> key state).</summary>
internal struct ProofFrame
{
    public bool IsArray;

    /// <summary>For objects: the number of property names read so far (picks the <see cref="KeyMemo"/> slot).</summary>
    public int Ordinal;

    /// <summary>What the key holding this container says (arrays pass it to their elements).</summary>
    public KeyClass ContainerKey;

    /// <summary>For objects: the current property's class.</summary>
    public KeyClass PropertyKey;

    /// <summary>For objects: where the last attribute-list label string is in the walked bytes (its content), and its
    /// length, bytes; 0 for none (the session's <see cref="JsonFrame.AttributeLabelLength"/>).</summary>
    public int AttributeLabelStart;

    /// <inheritdoc cref="AttributeLabelStart"/>
    public int AttributeLabelLength;
}
