using PiiExtProc.Processing;
using PiiExtProc.Scanning;

namespace PiiExtProc.Diagnostics;

/// <summary>What scanning one body found; handed to metrics and the audit log. Holds no raw value.</summary>
/// <param name="Direction">Request or response.</param>
/// <param name="RuleName">The policy rule that applied (bounded label).</param>
/// <param name="PolicyVersion">The policy snapshot's version.</param>
/// <param name="RequestId">The exchange's x-request-id header, when Envoy sent it and the body has findings (audit events
/// are its only reader; not decoded for clean bodies).</param>
/// <param name="BytesScanned">Body bytes scanned (after decompression).</param>
/// <param name="Findings">Findings kept by the session, in body order; usually a pooled <see cref="ReportFindings"/>, valid until
/// <see cref="ReleaseFindings"/>.</param>
/// <param name="FindingCount">All findings, including those not kept.</param>
/// <param name="Blocked">True when the exchange was blocked because of this body.</param>
/// <param name="Entities">The scanner's entity settings (operators), to label findings by operator kind; null when unknown.</param>
internal sealed record BodyScanReport(
    Direction Direction,
    string RuleName,
    string PolicyVersion,
    string? RequestId,
    long BytesScanned,
    IReadOnlyList<PiiFinding> Findings,
    int FindingCount,
    bool Blocked,
    IReadOnlyDictionary<PiiEntity, EntitySettings>? Entities = null)
{
    /// <summary>
    /// The report's last reader is done with <see cref="Findings"/>: a pooled list goes back to its pool (see
    /// <see cref="ReportFindings"/>). Call once; nothing may read <see cref="Findings"/> afterwards.
    /// </summary>
    public void ReleaseFindings() => ReportFindings.Release(Findings);
}
