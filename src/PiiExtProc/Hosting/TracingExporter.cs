namespace PiiExtProc.Hosting;

/// <summary>Where spans of the ActivitySource "PiiExtProc" go (`serve --tracing`).</summary>
internal enum TracingExporter
{
    /// <summary>Spans are not exported (the default).</summary>
    None,

    /// <summary>
    /// OTLP exporter, configured by the standard OTEL_EXPORTER_OTLP_* environment variables
    /// (default endpoint: a collector on localhost:4317, gRPC).
    /// </summary>
    Otlp,
}
