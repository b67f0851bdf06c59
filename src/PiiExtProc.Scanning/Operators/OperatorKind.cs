namespace PiiExtProc.Scanning.Operators;

/// <summary>The kinds of redaction operator a policy can assign to an entity (Presidio's anonymizer operators).</summary>
public enum OperatorKind
{
    /// <summary>Format-preserving mask: keep the first and last N characters and separators, mask the rest.</summary>
    Mask,

    /// <summary>Replace the value with a label such as <c>[AADHAAR]</c>.</summary>
    Replace,

    /// <summary>Remove the value (an empty string in JSON).</summary>
    Redact,

    /// <summary>Replace the value with a keyed HMAC-SHA256 token: the same key and value give the same token.</summary>
    Hash,

    /// <summary>Block the exchange: the server answers with an immediate response instead of forwarding it.</summary>
    Block,

    /// <summary>Leave the value as it is; count and audit only.</summary>
    Observe,
}
