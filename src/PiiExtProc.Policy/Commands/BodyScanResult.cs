using PiiExtProc.Scanning;

namespace PiiExtProc.Policy.Commands;

/// <summary>The outcome of scanning one whole body with <see cref="BodyScanner.Scan"/>.</summary>
/// <param name="Output">The redacted body (the input itself when nothing changed), UTF-8.</param>
/// <param name="Findings">Findings kept, in body order; they hold no values.</param>
/// <param name="FindingCount">All findings, including those not kept.</param>
/// <param name="ContainsPii">True when the body holds PII by the policy (the Guardian is_pii).</param>
/// <param name="Blocked">True when a block operator fired: the exchange would be answered with the rule's block response.</param>
public sealed record BodyScanResult(byte[] Output, IReadOnlyList<PiiFinding> Findings, int FindingCount, bool ContainsPii, bool Blocked);
