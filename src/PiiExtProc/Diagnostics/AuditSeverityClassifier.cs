using PiiExtProc.Processing;
using PiiExtProc.Scanning;

namespace PiiExtProc.Diagnostics;

/// <summary>
/// Decides an audit event's severity from its findings: critical for a high-risk identifier leaving in a response
/// (IN_AADHAAR, IN_AADHAAR_VID, CREDIT_CARD, IN_PAN, IN_PASSPORT, IN_BANK_ACCOUNT), warning for any other identifier
/// (or a high-risk one in a request), info for quasi-identifiers and attributes. Findings the policy exempted
/// (allowed) or that stayed below the combination rule count as info whatever their entity.
/// </summary>
internal static class AuditSeverityClassifier
{
    /// <summary>Classifies the findings of one body; no allocation.</summary>
    public static AuditSeverity Classify(Direction direction, IReadOnlyList<PiiFinding> findings)
    {
        var severity = AuditSeverity.Info;
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            if (finding.Action is FindingAction.Allowed or FindingAction.BelowCombinationThreshold
                || finding.Entity.Category != EntityCategory.Identifier)
            {
                continue;
            }

            if (direction == Direction.Response && IsHighRisk(finding.Entity))
            {
                return AuditSeverity.Critical;
            }

            severity = AuditSeverity.Warning;
        }

        return severity;
    }

    /// <summary>True for the identifiers whose leak in a response is critical.</summary>
    public static bool IsHighRisk(PiiEntity entity)
        => ReferenceEquals(entity, PiiEntity.Aadhaar)
            || ReferenceEquals(entity, PiiEntity.AadhaarVirtualId)
            || ReferenceEquals(entity, PiiEntity.PaymentCard)
            || ReferenceEquals(entity, PiiEntity.Pan)
            || ReferenceEquals(entity, PiiEntity.IndianPassport)
            || ReferenceEquals(entity, PiiEntity.BankAccount);

    /// <summary>The <c>severity</c> field value.</summary>
    public static string Name(AuditSeverity severity) => severity switch
    {
        AuditSeverity.Critical => "critical",
        AuditSeverity.Warning => "warning",
        _ => "info",
    };
}
