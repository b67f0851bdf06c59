using System.Net.Sockets;
using Grpc.Health.V1;
using Grpc.Net.Client;
using PiiExtProc.Reliability.Tests.Support;

namespace PiiExtProc.Reliability.Tests;

/// <summary>The Unix domain socket listener (sidecar topology): reachable, and its file mode restricts who may connect.</summary>
public sealed class UnixSocketTests
{
    [Fact]
    public async Task Serve_UnixSocket_AnswersGrpcWithFileMode0660()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var directory = Path.Combine(Path.GetTempPath(), "piiextproc-uds-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var socketPath = Path.Combine(directory, "ext-proc.sock");
        try
        {
            await using var server = await InProcessServer.StartAsync(TestPolicies.Source(), options => options with { GrpcUnixSocket = socketPath });

            var mode = File.GetUnixFileMode(socketPath);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite, mode);

            var handler = new SocketsHttpHandler
            {
                ConnectCallback = async (_, cancellation) =>
                {
                    var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    try
                    {
                        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellation);
                        return new NetworkStream(socket, ownsSocket: true);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                },
            };
            using var channel = GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
            var reply = await new Health.HealthClient(channel).CheckAsync(
                new HealthCheckRequest { Service = "envoy.service.ext_proc.v3.ExternalProcessor" }, deadline: DateTime.UtcNow.AddSeconds(10));

            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
