namespace PiiExtProc.Diagnostics;

/// <summary>How urgent an audit event is; the <c>severity</c> field ("info", "warning", "critical").</summary>
internal enum AuditSeverity
{
    /// <summary>Only quasi-identifiers, attributes, allow-listed or below-threshold findings: sampled.</summary>
    Info,

    /// <summary>An identifier (a request body's Aadhaar, any mobile, UPI VPA, voter ID...): always written.</summary>
    Warning,

    /// <summary>A high-risk identifier (Aadhaar, Aadhaar VID, card, PAN, passport, bank account) in a response: always written.</summary>
    Critical,
}
