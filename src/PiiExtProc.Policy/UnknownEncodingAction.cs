namespace PiiExtProc.Policy;

/// <summary>What to do with a body whose content-encoding the server cannot decode (not identity, gzip, deflate or br).</summary>
public enum UnknownEncodingAction
{
    /// <summary>Forward it unscanned with a counted warning (policy value <c>pass</c>).</summary>
    Pass,

    /// <summary>Block the exchange with HTTP 415 and the rule's block response body (policy value <c>block</c>).</summary>
    Block,
}
