namespace PiiExtProc.Scanning;

/// <summary>
/// How an entity counts towards the decision that a record holds PII, following the ISCP Project
/// Guardian 2.0 rules (shared/data/guardian/RULES.md).
/// </summary>
public enum EntityCategory
{
    /// <summary>PII on its own (Guardian list A, plus other direct identifiers such as PAN or a card number).</summary>
    Identifier,

    /// <summary>
    /// PII only together with a second, different quasi-identifier in the same record (Guardian list B:
    /// full name, email, physical address, device ID or IP address).
    /// </summary>
    QuasiIdentifier,

    /// <summary>
    /// Reported and counted but never PII on its own and not part of the combination (for example a PIN
    /// code, an IFSC or a GSTIN, which name a place, a branch or a business).
    /// </summary>
    Attribute,
}
