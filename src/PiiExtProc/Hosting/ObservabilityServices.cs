using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PiiExtProc.Diagnostics;
using PiiExtProc.Routing;

namespace PiiExtProc.Hosting;

/// <summary>
/// Registers what `serve` needs to be observed (issue 6): the piiextproc_* metrics with the Prometheus exporter, the
/// <see cref="MeterProcessingTelemetry"/> that replaces <see cref="NullProcessingTelemetry"/>, the audit log and its
/// writer, the readiness gate and shutdown drain, and the per-stream span with the optional OTLP exporter.
/// </summary>
internal static class ObservabilityServices
{
    /// <summary>Adds the services; call after the <see cref="IPolicySource"/> registration.</summary>
    /// <remarks>
    /// An <see cref="IPolicyReloadStatus"/> registered before this call (the policy provider) is kept; otherwise the
    /// status is read from the <see cref="IPolicySource"/> (version only, no reload counts).
    /// </remarks>
    public static IServiceCollection AddPiiExtProcObservability(this IServiceCollection services, ServeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPolicyReloadStatus>(provider =>
        {
            var source = provider.GetRequiredService<IPolicySource>();
            return source as IPolicyReloadStatus ?? new PolicySourceReloadStatus(source);
        });
        services.AddSingleton(options);
        services.AddSingleton(new AuditOptions { Enabled = options.Audit, InfoSampleRate = options.AuditSampleRate });
        services.AddSingleton<ProcessingMetrics>();
        services.AddSingleton<AuditLog>();
        services.AddHostedService<AuditWriter>();
        services.AddSingleton<IProcessingTelemetry, MeterProcessingTelemetry>();
        services.AddSingleton<ReadinessGate>();
        services.AddHostedService<ShutdownDrain>();

        var openTelemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("pii-ext-proc"))
            .WithMetrics(metrics => metrics
            .AddMeter(TelemetryNames.MeterName)
            .AddPrometheusExporter(prometheus =>
            {
                // Prometheus scrapes every 15-60 s; a cached response would only hide fresh values from tests and humans.
                prometheus.ScrapeResponseCacheDurationMilliseconds = 0;
            }));
        if (options.Tracing == TracingExporter.Otlp)
        {
            openTelemetry.WithTracing(tracing => tracing
                .AddSource(TelemetryNames.ActivitySourceName)
                .AddOtlpExporter());
        }

        return services;
    }
}
