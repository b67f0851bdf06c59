namespace PiiExtProc.Scanning;

/// <summary>
/// One detection in a body. Holds where and what, never the matched value itself, so findings can be
/// logged, counted and audited without leaking the data they describe.
/// </summary>
/// <param name="Entity">The entity found.</param>
/// <param name="Offset">Start of the match in the body, bytes from the first byte of the body (UTF-8).
/// For a match inside a JSON string with escape sequences, the start of that string value token.</param>
/// <param name="Length">Length of the match in the body, bytes.</param>
/// <param name="Score">Confidence in [0, 1]: 1.0 for a validated match (checksum passed), lower for
/// pattern-only matches, raised by context words (Presidio's scoring model).</param>
/// <param name="Recognizer">Name of the recognizer or rule that fired, for example <c>aadhaar.verhoeff</c>
/// or <c>custom.employee_id</c>; a bounded set of names.</param>
/// <param name="JsonPath">The JSON key path of the value, for example <c>$.customer.phone</c> with array
/// indices written as <c>[]</c> so that the set of paths stays bounded; null outside JSON.</param>
/// <param name="Action">What the policy's operator did with the match.</param>
/// <param name="Fingerprint">A keyed fingerprint of the matched value for audit correlation, never the value: SipHash-2-4
/// (64 bits) of entity name (UTF-8) + one 0x00 byte + the value's bytes (UTF-8, the decoded JSON string for escaped
/// strings), under a 16-byte key derived once per scanner from <see cref="ScannerOptions.FingerprintKey"/>
/// (HMAC-SHA256 of a fixed label, truncated). Audit events write it as 16 lower-case hex characters. Null when the
/// options have no fingerprint key, and for a finding after the <see cref="MaxFingerprintsPerGroup"/>-th distinct value
/// of its group (same entity, recognizer, action and JSON path) in the body: an audit event lists no more, so the value
/// is not hashed.</param>
public readonly record struct PiiFinding(
    PiiEntity Entity,
    long Offset,
    int Length,
    float Score,
    string Recognizer,
    string? JsonPath,
    FindingAction Action,
    ulong? Fingerprint = null)
{
    /// <summary>
    /// Distinct fingerprints per group of findings with the same entity, recognizer, action and JSON path in one body:
    /// the findings up to the group's 16th distinct value carry one, later ones none. Audit events list at most this
    /// many per group.
    /// </summary>
    public const int MaxFingerprintsPerGroup = 16;
}
