using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PiiExtProc.Diagnostics;
using PiiExtProc.Hosting;
using PiiExtProc.Routing;
using PiiExtProc.Testing;

namespace PiiExtProc.Reliability.Tests.Support;

/// <summary>
/// The real server (ServerApplication.Build) on loopback, its logs captured instead of written to the console, its
/// telemetry recorded. Both listeners bind port 0 and the bound ports are read back (tests/Shared/Server/BoundListeners),
/// so parallel test runs never race for a port.
/// </summary>
internal sealed class InProcessServer : IAsyncDisposable
{
    private InProcessServer(WebApplication app, ServeOptions options, int grpcPort, int adminPort, CapturingLoggerProvider logs, RecordingTelemetry telemetry)
    {
        App = app;
        Logs = logs;
        Telemetry = telemetry;
        Options = options;
        GrpcPort = grpcPort;
        AdminPort = adminPort;
    }

    public WebApplication App { get; }

    public ServeOptions Options { get; }

    public int GrpcPort { get; }

    public int AdminPort { get; }

    public CapturingLoggerProvider Logs { get; }

    public RecordingTelemetry Telemetry { get; }

    /// <summary>Starts a server; <paramref name="configure"/> adjusts the options (ports and bind address are chosen here).</summary>
    public static async Task<InProcessServer> StartAsync(IPolicySource policies, Func<ServeOptions, ServeOptions>? configure = null)
    {
        var options = new ServeOptions { GrpcPort = 0, AdminPort = 0, BindAddress = "127.0.0.1", ShutdownTimeoutSeconds = 10 };
        options = configure?.Invoke(options) ?? options;
        var logs = new CapturingLoggerProvider();
        var telemetry = new RecordingTelemetry();
        var app = ServerApplication.Build(options, policies, services =>
        {
            services.RemoveAll<ILoggerProvider>();
            services.AddSingleton<ILoggerProvider>(logs);
            services.AddSingleton<IProcessingTelemetry>(telemetry);
            services.Configure<LoggerFilterOptions>(filter => filter.MinLevel = LogLevel.Trace);
        });
        await app.StartAsync();
        var (grpc, admin) = await BoundListeners.FindAsync(app);
        return new InProcessServer(app, options, grpc.Port, admin.Port, logs, telemetry);
    }

    /// <summary>The addresses Kestrel bound (for diagnostics).</summary>
    public IReadOnlyCollection<string> Addresses => BoundAddresses(App);

    /// <summary>An h2c channel to the gRPC port.</summary>
    public GrpcChannel CreateChannel(HttpMessageHandler? handler = null, int? maxSendBytes = null)
        => GrpcChannel.ForAddress($"http://127.0.0.1:{GrpcPort}", new GrpcChannelOptions
        {
            HttpHandler = handler ?? new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
            MaxReceiveMessageSize = null,
            MaxSendMessageSize = maxSendBytes,
            DisposeHttpClient = true,
        });

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await App.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
        }

        await App.DisposeAsync();
    }

    private static string[] BoundAddresses(WebApplication app)
        => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];
}
