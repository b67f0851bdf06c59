using System.Net;
using Grpc.HealthCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using PiiExtProc.Diagnostics;
using PiiExtProc.Processing;
using PiiExtProc.Routing;

namespace PiiExtProc.Hosting;

/// <summary>
/// Builds the ASP.NET Core application of `serve`: an HTTP/2 (h2c, or TLS) gRPC listener with the ext_proc and
/// grpc.health.v1 services, an optional Unix socket listener, and an HTTP/1.1 admin listener with /healthz, /readyz and
/// /metrics. Logs go to standard error, at the levels of <see cref="LoggingDefaults"/> unless configured; standard output carries only the audit events (JSON lines).
/// </summary>
internal static class ServerApplication
{
    /// <summary>The gRPC health service name Envoy's health checks can ask for, besides "" (overall).</summary>
    public const string ExtProcServiceName = "envoy.service.ext_proc.v3.ExternalProcessor";

    /// <summary>Builds (does not start) the application.</summary>
    /// <param name="options">Listener, TLS and limit settings.</param>
    /// <param name="policySource">Where streams take their policy snapshot from.</param>
    /// <param name="configureServices">Optional extra service registrations (telemetry, test doubles).</param>
    public static WebApplication Build(ServeOptions options, IPolicySource policySource, Action<IServiceCollection>? configureServices = null)
        => Build(options, _ => policySource, configureServices);

    /// <summary>Builds (does not start) the application with a policy source made from its services (logging).</summary>
    /// <param name="options">Listener, TLS and limit settings.</param>
    /// <param name="policySourceFactory">Creates the policy source; resolve <see cref="IPolicySource"/> before starting
    /// so that an invalid policy fails start-up.</param>
    /// <param name="configureServices">Optional extra service registrations (telemetry, test doubles).</param>
    public static WebApplication Build(ServeOptions options, Func<IServiceProvider, IPolicySource> policySourceFactory, Action<IServiceCollection>? configureServices = null)
        => Build<ExternalProcessorService>(options, policySourceFactory, configureServices);

    /// <summary>
    /// Builds the application with <typeparamref name="TProcessor"/> as the ext_proc service: the load benchmark's
    /// no-op server uses this so that it differs from ours only in the processing, not in host settings.
    /// </summary>
    /// <typeparam name="TProcessor">The ext_proc gRPC service implementation.</typeparam>
    /// <param name="options">Listener, TLS and limit settings.</param>
    /// <param name="policySourceFactory">Creates the policy source.</param>
    /// <param name="configureServices">Optional extra service registrations (telemetry, test doubles).</param>
    public static WebApplication Build<TProcessor>(ServeOptions options, Func<IServiceProvider, IPolicySource> policySourceFactory, Action<IServiceCollection>? configureServices = null)
        where TProcessor : Envoy.Service.ExtProc.V3.ExternalProcessor.ExternalProcessorBase
    {
        var builder = WebApplication.CreateSlimBuilder();
        LoggingDefaults.AddTo(builder.Configuration);
        if (options.LogFormat == LogFormat.Json)
        {
            builder.Logging.AddJsonConsole(console =>
            {
                console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                console.UseUtcTimestamp = true;
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                console.UseUtcTimestamp = true;
            });
        }

        // Standard output is the audit event stream (one JSON object per line); keep log lines out of it.
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Host.ConfigureHostOptions(host => host.ShutdownTimeout = TimeSpan.FromSeconds(options.ShutdownTimeoutSeconds));
        builder.WebHost.ConfigureKestrel(kestrel => ConfigureListeners(kestrel, options));

        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = options.MaxMessageBytes;
            grpc.MaxSendMessageSize = options.MaxMessageBytes;
            grpc.EnableDetailedErrors = false;
            grpc.Interceptors.Add<StreamTracingInterceptor>();
        });
        builder.Services.AddGrpcHealthChecks(health =>
        {
            health.Services.Map("", _ => true);
            health.Services.Map(ExtProcServiceName, _ => true);
        }).AddCheck<ReadinessGate>("readiness", tags: ["ready"]);
        builder.Services.AddSingleton(policySourceFactory);

        // Resolved from DI as singletons (both are stateless and thread-safe), instead of created by ActivatorUtilities
        // for every Process call.
        builder.Services.AddSingleton<TProcessor>();
        builder.Services.AddSingleton<StreamTracingInterceptor>();
        builder.Services.AddPiiExtProcObservability(options);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context => context.Request.Path == "/metrics" && AdminListener.IsAdminRequest(context));

        if (!string.IsNullOrEmpty(options.GrpcUnixSocket))
        {
            // Kestrel creates the socket file with the process umask; restrict who may connect once it exists.
            var socketPath = options.GrpcUnixSocket;
            var socketMode = options.GrpcUnixSocketMode;
            app.Lifetime.ApplicationStarted.Register(() =>
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(socketPath, socketMode);
                }
            });
        }

        app.MapGrpcService<TProcessor>();
        app.MapGrpcHealthChecksService();
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }

    private static void ConfigureListeners(KestrelServerOptions kestrel, ServeOptions options)
    {
        var address = IPAddress.Parse(options.BindAddress);
        kestrel.AddServerHeader = false;
        kestrel.Limits.MaxRequestBodySize = null;
        // Envoy opens one stream per HTTP exchange on few connections: keep Kestrel's 100 streams per connection
        // (raising it adds write contention, per the gRPC docs) and size windows for pipelined STREAMED chunks.
        kestrel.Limits.Http2.InitialConnectionWindowSize = 4 * 1024 * 1024;
        kestrel.Limits.Http2.InitialStreamWindowSize = 1024 * 1024;
        kestrel.Limits.Http2.KeepAlivePingDelay = TimeSpan.FromSeconds(30);
        kestrel.Limits.Http2.KeepAlivePingTimeout = TimeSpan.FromSeconds(10);
        kestrel.Listen(address, options.GrpcPort, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            TlsConfiguration.Apply(listen, options);
        });
        if (!string.IsNullOrEmpty(options.GrpcUnixSocket))
        {
            if (File.Exists(options.GrpcUnixSocket))
            {
                File.Delete(options.GrpcUnixSocket);
            }

            kestrel.ListenUnixSocket(options.GrpcUnixSocket, listen => listen.Protocols = HttpProtocols.Http2);
        }

        kestrel.Listen(address, options.AdminPort, listen => listen.Protocols = HttpProtocols.Http1);
    }
}
