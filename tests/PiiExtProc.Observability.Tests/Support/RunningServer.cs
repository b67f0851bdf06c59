using System.Net;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PiiExtProc.Diagnostics;
using PiiExtProc.Hosting;
using PiiExtProc.Routing;

namespace PiiExtProc.Observability.Tests.Support;

/// <summary>
/// The real `serve` application on 127.0.0.1 with ports picked at bind time, its logs captured and its audit events
/// written to a string.
/// </summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly StringWriter _auditText = new();
    private readonly TextWriter _auditWriter;

    private RunningServer(ServeOptions options, IPolicySource policies, Action<IServiceCollection>? configure)
    {
        _auditWriter = TextWriter.Synchronized(_auditText);
        App = ServerApplication.Build(options, policies, services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            services.Configure<LoggerFilterOptions>(filter => filter.MinLevel = LogLevel.Trace);
            services.AddSingleton(new AuditOptions { Enabled = options.Audit, InfoSampleRate = options.AuditSampleRate, Output = _auditWriter });
            configure?.Invoke(services);
        });
    }

    public WebApplication App { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public Uri GrpcAddress { get; private set; } = null!;

    public Uri AdminAddress { get; private set; } = null!;

    public HttpClient Admin { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    public GrpcChannel Channel { get; private set; } = null!;

    public string AuditText
    {
        get
        {
            lock (_auditWriter)
            {
                return _auditText.ToString();
            }
        }
    }

    public static async Task<RunningServer> StartAsync(IPolicySource? policies = null, ServeOptions? options = null, Action<IServiceCollection>? configure = null)
    {
        options ??= new ServeOptions();
        options = options with { GrpcPort = 0, AdminPort = 0, BindAddress = "127.0.0.1" };
        var server = new RunningServer(options, policies ?? TestPolicies.MaskEverything(), configure);
        await server.App.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        (server.GrpcAddress, server.AdminAddress) = await PiiExtProc.Testing.BoundListeners.FindAsync(server.App);
        server.Channel = GrpcChannel.ForAddress(server.GrpcAddress);
        return server;
    }

    public Task<string> ScrapeAsync() => Admin.GetStringAsync(new Uri(AdminAddress, "/metrics"));

    public async Task<string> WaitForAuditAsync(Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!done(AuditText) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return AuditText;
    }

    public async ValueTask DisposeAsync()
    {
        Channel?.Dispose();
        Admin.Dispose();
        await App.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await App.DisposeAsync();
    }
}
