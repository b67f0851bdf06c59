namespace PiiExtProc.Policy;

/// <summary>What to do with a body that cannot be scanned: larger than the rule's limit, or cut short (BUFFERED_PARTIAL).</summary>
public enum UnscannableAction
{
    /// <summary>Forward it unscanned and count it (policy value <c>fail_open</c>).</summary>
    FailOpen,

    /// <summary>Block the exchange with the rule's block response (policy value <c>fail_closed</c>).</summary>
    FailClosed,
}
