using System.Diagnostics;

namespace PiiExtProc.Diagnostics;

/// <summary>The ActivitySource "PiiExtProc" that the per-stream span comes from.</summary>
internal static class StreamTracing
{
    /// <summary>The source; spans are created only when a listener (the OTLP exporter, a test) samples them.</summary>
    public static readonly ActivitySource Source = new(TelemetryNames.ActivitySourceName);
}
