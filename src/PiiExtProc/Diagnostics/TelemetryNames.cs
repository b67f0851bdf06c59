namespace PiiExtProc.Diagnostics;

/// <summary>
/// The names under which the service publishes telemetry: one OpenTelemetry Meter and one ActivitySource, both
/// "PiiExtProc". The Prometheus names they produce are listed in interfaces.md ("Metrics").
/// </summary>
internal static class TelemetryNames
{
    /// <summary>The Meter every piiextproc_* instrument belongs to.</summary>
    public const string MeterName = "PiiExtProc";

    /// <summary>The ActivitySource of the per-stream span.</summary>
    public const string ActivitySourceName = "PiiExtProc";

    /// <summary>The name of the span that covers one ext_proc Process stream.</summary>
    public const string StreamActivityName = "ext_proc.process";
}
