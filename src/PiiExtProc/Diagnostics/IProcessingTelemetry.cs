using PiiExtProc.Processing;

namespace PiiExtProc.Diagnostics;

/// <summary>
/// The seam between the stream state machine and metrics/audit. Implementations must be thread-safe, must not block,
/// and must never record raw values (findings carry none).
/// </summary>
internal interface IProcessingTelemetry
{
    /// <summary>A Process call started.</summary>
    void StreamStarted();

    /// <summary>A Process call ended; <paramref name="errorCause"/> is null for a normal end, else a bounded cause label.</summary>
    void StreamEnded(string? errorCause);

    /// <summary>One ProcessingRequest was handled, from receipt to reply built, in seconds.</summary>
    void MessageProcessed(MessageType type, double seconds);

    /// <summary>
    /// A body (or the scanned part of it) is complete. The report's findings are usually pooled: the implementation's
    /// last reader calls <see cref="BodyScanReport.ReleaseFindings"/> when done (an implementation that keeps reports may
    /// skip it; the findings then go to the GC).
    /// </summary>
    void BodyScanned(BodyScanReport report);

    /// <summary>A body was not scanned.</summary>
    void BodySkipped(Direction direction, string ruleName, SkipReason reason);
}
