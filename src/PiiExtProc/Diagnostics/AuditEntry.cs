namespace PiiExtProc.Diagnostics;

/// <summary>An audit event waiting in the queue: the scan report, when it completed and its severity.</summary>
/// <param name="Timestamp">When the scan completed, UTC.</param>
/// <param name="Severity">The classified severity.</param>
/// <param name="Report">The report (immutable; holds no raw value).</param>
internal readonly record struct AuditEntry(DateTimeOffset Timestamp, AuditSeverity Severity, BodyScanReport Report);
