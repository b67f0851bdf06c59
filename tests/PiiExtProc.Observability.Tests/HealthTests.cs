using System.Net;
using Grpc.Health.V1;
using PiiExtProc.Hosting;
using PiiExtProc.Observability.Tests.Support;

namespace PiiExtProc.Observability.Tests;

/// <summary>grpc.health.v1, /healthz and /readyz through start and shutdown.</summary>
[Collection(ServerTests.Name)]
public sealed class HealthTests
{
    [Fact]
    public async Task Health_Started_ServingAndReady()
    {
        // Arrange
        await using var server = await RunningServer.StartAsync();
        var health = new Health.HealthClient(server.Channel);

        // Act
        var overall = await health.CheckAsync(new HealthCheckRequest { Service = "" });
        var extProc = await health.CheckAsync(new HealthCheckRequest { Service = ServerApplication.ExtProcServiceName });
        using var ready = await server.Admin.GetAsync(new Uri(server.AdminAddress, "/readyz"));

        // Assert
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, overall.Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, extProc.Status);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Health_ShutdownDraining_NotServingAndNotReadyButAlive()
    {
        // Arrange: a drain long enough to ask while the listeners are still open.
        var server = await RunningServer.StartAsync(options: new ServeOptions { ShutdownDrainSeconds = 5 });
        try
        {
            var health = new Health.HealthClient(server.Channel);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);

            // Act: SIGTERM's path (StopAsync fires ApplicationStopping, then the drain holds the listeners open).
            var stopping = server.App.StopAsync();
            var overall = await health.CheckAsync(new HealthCheckRequest { Service = "" });
            var extProc = await health.CheckAsync(new HealthCheckRequest { Service = ServerApplication.ExtProcServiceName });
            using var ready = await server.Admin.GetAsync(new Uri(server.AdminAddress, "/readyz"));
            using var alive = await server.Admin.GetAsync(new Uri(server.AdminAddress, "/healthz"));
            await stopping.WaitAsync(TimeSpan.FromSeconds(30));

            // Assert
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, overall.Status);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, extProc.Status);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
            Assert.Contains("Shutting down", server.Logs.Text, StringComparison.Ordinal);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
