namespace PiiExtProc.Scanning;

/// <summary>What happened to a finding after the policy's operator ran.</summary>
public enum FindingAction
{
    /// <summary>The value was rewritten in the output (mask, replace, redact or hash operator).</summary>
    Redacted,

    /// <summary>The value was left as it is and only reported (observe operator).</summary>
    Observed,

    /// <summary>The value asks for the whole exchange to be blocked (block operator).</summary>
    Blocked,

    /// <summary>
    /// A quasi-identifier left as it is because the record did not hold enough other quasi-identifiers
    /// for the combination rule; reported, not PII.
    /// </summary>
    BelowCombinationThreshold,

    /// <summary>A match that an allow-list entry exempts.</summary>
    Allowed,
}
