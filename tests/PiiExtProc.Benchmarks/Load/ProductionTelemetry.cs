using System.Buffers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using PiiExtProc.Diagnostics;
using PiiExtProc.Hosting;
using PiiExtProc.Routing;

namespace PiiExtProc.Benchmarks.Load;

/// <summary>
/// The telemetry the `allocations` command runs streams with: "null" (NullProcessingTelemetry, processing alone) or
/// "production" (the server's MeterProcessingTelemetry from AddPiiExtProcObservability, with the OpenTelemetry
/// MeterProvider and its Prometheus exporter listening, and the audit log whose queued events are serialized on the
/// calling thread after each stream, as AuditWriter does, so that their cost is counted per stream).
/// </summary>
internal sealed class ProductionTelemetry : IDisposable
{
    private readonly ServiceProvider? _services;
    private readonly AuditLog? _audit;
    private readonly ArrayBufferWriter<byte> _auditBuffer = new(1024);
    private readonly AuditEventSerializer _serializer = new();
    private char[] _chars = new char[1024];

    private ProductionTelemetry(string name, IProcessingTelemetry telemetry, ServiceProvider? services, AuditLog? audit)
    {
        Name = name;
        Telemetry = telemetry;
        _services = services;
        _audit = audit;
    }

    public string Name { get; }

    public IProcessingTelemetry Telemetry { get; }

    /// <summary>Audit lines serialized so far.</summary>
    public long AuditEvents { get; private set; }

    public static ProductionTelemetry Create(string kind, IPolicySource policy)
    {
        if (kind == "null")
        {
            return new ProductionTelemetry(kind, NullProcessingTelemetry.Instance, null, null);
        }

        if (kind != "production")
        {
            throw new ArgumentException($"--telemetry must be null or production, not '{kind}'.");
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddSingleton(policy);
        services.AddPiiExtProcObservability(new ServeOptions());
        var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<MeterProvider>();
        return new ProductionTelemetry(kind, provider.GetRequiredService<IProcessingTelemetry>(), provider, provider.GetRequiredService<AuditLog>());
    }

    /// <summary>Serializes and decodes the queued audit events as <see cref="AuditWriter"/> does (the line goes to TextWriter.Null).</summary>
    public void DrainAudit()
    {
        if (_audit is null)
        {
            return;
        }

        while (_audit.Reader.TryRead(out var entry))
        {
            _auditBuffer.ResetWrittenCount();
            _serializer.WriteEvent(entry, _auditBuffer);
            entry.Report.ReleaseFindings();
            var needed = Encoding.UTF8.GetMaxCharCount(_auditBuffer.WrittenCount);
            if (_chars.Length < needed)
            {
                _chars = new char[needed];
            }

            TextWriter.Null.WriteLine(_chars.AsSpan(0, Encoding.UTF8.GetChars(_auditBuffer.WrittenSpan, _chars)));
            AuditEvents++;
        }
    }

    public void Dispose() => _services?.Dispose();
}
