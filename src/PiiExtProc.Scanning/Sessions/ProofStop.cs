namespace PiiExtProc.Scanning.Sessions;

/// <summary>Why a sibling proof (<see cref="CleanJsonProof.CleanElementsEnd"/>, <see cref="CleanJsonProof.CleanMembersEnd"/>) stopped.</summary>
internal enum ProofStop
{
    /// <summary>Before something it does not prove: the container's end, a sibling of another shape, a value a finding is
    /// possible in, malformed JSON. More data changes nothing.</summary>
    Stopped,

    /// <summary>The data ended outside any value (between siblings, in structure, in a property name) and nothing walked
    /// was disproved: every byte walked after the last proved sibling is structure, property names or values the full
    /// scan finds nothing in, whatever follows.</summary>
    DataEnded,

    /// <summary>As <see cref="DataEnded"/>, but inside a property name: the bytes walked end with the name so far, after
    /// its opening quote (the walked data holds no backslash, so no escaped quote).</summary>
    DataEndedInName,

    /// <summary>The data ended inside a string, number or literal value that nothing had disproved yet: more data may
    /// prove the sibling, but the bytes of that value are not settled.</summary>
    DataEndedInValue,
}
