using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PiiExtProc.Benchmarks.Corpus;
using PiiExtProc.Diagnostics;
using PiiExtProc.Hosting;
using PiiExtProc.Processing;
using PiiExtProc.Routing;

namespace PiiExtProc.Benchmarks.Load;

/// <summary>
/// `server --kind piiextproc|noop --grpc-port N --admin-port M`: runs our ext_proc service or the no-op one in
/// ServerApplication (same Kestrel, gRPC and GC settings), on 127.0.0.1, with <see cref="RecordingTelemetry"/>
/// served at http://127.0.0.1:M/bench/stats (append ?gc=1 to collect first) and cleared by /bench/reset. With
/// `--audit off`, no audit events are written (to measure what the audit log costs). With
/// `--sample-types`, /bench/types names the types allocated since the last reset (<see cref="AllocationSampler"/>).
/// </summary>
internal static class BenchServer
{
    public static async Task<int> RunAsync(Arguments arguments)
    {
        var kind = arguments.Get("kind", "piiextproc");
        var options = new ServeOptions
        {
            BindAddress = "127.0.0.1",
            GrpcPort = arguments.GetInt("grpc-port", 50061),
            AdminPort = arguments.GetInt("admin-port", 9561),
            ShutdownTimeoutSeconds = 2,
            Audit = arguments.Get("audit", "on") != "off",
        };
        StandardOutput.UseLineWriter(); // as `serve` does
        void Services(IServiceCollection services) => services.AddSingleton<IProcessingTelemetry>(provider =>
            new RecordingTelemetry(ActivatorUtilities.CreateInstance<MeterProcessingTelemetry>(provider)));
        await using var app = kind switch
        {
            "noop" => ServerApplication.Build<NoOpExternalProcessor>(options, _ => new UnusedPolicySource(), Services),
            "piiextproc" => ServerApplication.Build(options, _ => BenchmarkPolicy.CreateSource(auditFingerprints: options.Audit), Services),
            _ => throw new ArgumentException("--kind must be piiextproc or noop"),
        };
        var recording = (RecordingTelemetry)app.Services.GetRequiredService<IProcessingTelemetry>();
        using var sampler = arguments.Has("sample-types") ? new AllocationSampler() : null;
        app.MapGet("/bench/types", () =>
        {
            if (sampler is null)
            {
                return Results.Text("start the server with --sample-types\n");
            }

            var text = new StringWriter(CultureInfo.InvariantCulture);
            sampler.PrintAndClear(text, Math.Max(1, recording.StreamsEnded));
            return Results.Text(text.ToString());
        });
        app.MapGet("/bench/stats", (HttpContext context) => Results.Text(recording.Render(context.Request.Query.ContainsKey("gc"))));
        app.MapGet("/bench/reset", () =>
        {
            recording.Reset();
            sampler?.Clear();
            return Results.Text("ok\n");
        });
        await app.StartAsync();
        Console.WriteLine($"{kind} listening on 127.0.0.1:{options.GrpcPort} (admin {options.AdminPort}), server GC {System.Runtime.GCSettings.IsServerGC}, DATAS {Environment.GetEnvironmentVariable("DOTNET_GCDynamicAdaptationMode") ?? "default"}");
        await app.WaitForShutdownAsync();
        return 0;
    }

    /// <summary>The no-op server reads no policy.</summary>
    private sealed class UnusedPolicySource : IPolicySource
    {
        public IPolicySnapshot Current => throw new InvalidOperationException("The no-op server has no policy.");
    }
}
