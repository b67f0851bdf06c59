using System.Net;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PiiExtProc.Hosting;
using PiiExtProc.Routing;
using PiiExtProc.Tests.Emulator;

namespace PiiExtProc.Tests.Infrastructure;

/// <summary>
/// The real Kestrel server in-process on 127.0.0.1 with port 0 for gRPC and admin (ports read back from
/// IServerAddressesFeature), an h2c GrpcChannel and an admin HttpClient. One server per test class.
/// </summary>
public abstract class ExtProcServerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public GrpcChannel Channel { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    internal CapturingLoggerProvider Logs { get; } = new();

    internal IPolicySource Policy { get; private set; } = null!;

    internal abstract IPolicySource CreatePolicySource();

    public async Task InitializeAsync()
    {
        Policy = CreatePolicySource();
        var options = new ServeOptions { GrpcPort = 0, AdminPort = 0, BindAddress = "127.0.0.1", ShutdownTimeoutSeconds = 2 };
        _app = ServerApplication.Build(options, Policy, services => services.AddLogging(logging =>
        {
            logging.ClearProviders();
            logging.SetMinimumLevel(LogLevel.Debug);
            logging.AddProvider(Logs);
        }));
        await _app.StartAsync();
        var (grpc, admin) = await PiiExtProc.Testing.BoundListeners.FindAsync(_app);
        Admin = new HttpClient { Timeout = TimeSpan.FromSeconds(10), BaseAddress = admin };
        Channel = GrpcChannel.ForAddress(grpc, new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024, MaxSendMessageSize = 64 * 1024 * 1024 });
    }

    public async Task DisposeAsync()
    {
        Channel?.Dispose();
        Admin?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    internal Task<Verdict> RunAsync(EnvoyOptions options, HttpExchange exchange) => EnvoyEmulator.RunAsync(Channel, options, exchange);
}

/// <summary>A server running <see cref="TestPolicies.Mask"/>.</summary>
public sealed class MaskServerFixture : ExtProcServerFixture
{
    internal override IPolicySource CreatePolicySource() => TestPolicies.Mask();
}

/// <summary>A server running the embedded default policy.</summary>
public sealed class DefaultPolicyServerFixture : ExtProcServerFixture
{
    internal override IPolicySource CreatePolicySource() => TestPolicies.Default();
}

/// <summary>A server whose policy blocks payment cards.</summary>
public sealed class BlockServerFixture : ExtProcServerFixture
{
    internal override IPolicySource CreatePolicySource() => TestPolicies.BlockCards();
}
