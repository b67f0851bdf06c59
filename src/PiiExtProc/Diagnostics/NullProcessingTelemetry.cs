using PiiExtProc.Processing;

namespace PiiExtProc.Diagnostics;

/// <summary>Telemetry that records nothing (offline commands and unit tests).</summary>
internal sealed class NullProcessingTelemetry : IProcessingTelemetry
{
    /// <summary>The shared instance.</summary>
    public static readonly NullProcessingTelemetry Instance = new();

    public void StreamStarted() { }

    public void StreamEnded(string? errorCause) { }

    public void MessageProcessed(MessageType type, double seconds) { }

    public void BodyScanned(BodyScanReport report) => report?.ReleaseFindings();

    public void BodySkipped(Direction direction, string ruleName, SkipReason reason) { }
}
