using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using PiiExtProc.Reliability.Tests.Support;

namespace PiiExtProc.Reliability.Tests;

/// <summary>TLS and mutual TLS on the gRPC listener, with certificate rotation picked up without a restart.</summary>
public sealed class TlsTests : IDisposable
{
    private readonly TestCertificates _certificates = new(Path.Combine(Path.GetTempPath(), "piiextproc-tls-" + Guid.NewGuid().ToString("N")));

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public async Task Serve_Tls_HealthCheckSucceedsWithServerCertificateFromTheCa()
    {
        _certificates.WriteServerCertificate("server-1");
        await using var server = await StartAsync(mutual: false);

        var (status, presented) = await CheckAsync(server, clientCertificate: null);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, status);
        Assert.Equal("CN=server-1", presented);
    }

    [Fact]
    public async Task Serve_Tls_PlaintextClientIsRefused()
    {
        _certificates.WriteServerCertificate("server-1");
        await using var server = await StartAsync(mutual: false);
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{server.GrpcPort}");

        var error = await Assert.ThrowsAsync<RpcException>(async () => await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10)));

        Assert.NotEqual(StatusCode.OK, error.StatusCode);
    }

    [Fact]
    public async Task Serve_MutualTls_RejectsClientWithoutCertificate()
    {
        _certificates.WriteServerCertificate("server-1");
        await using var server = await StartAsync(mutual: true);

        var error = await Assert.ThrowsAsync<RpcException>(() => CheckAsync(server, clientCertificate: null));

        Assert.NotEqual(StatusCode.OK, error.StatusCode);
    }

    [Fact]
    public async Task Serve_MutualTls_RejectsClientCertificateFromAnotherCa()
    {
        _certificates.WriteServerCertificate("server-1");
        await using var server = await StartAsync(mutual: true);
        var stranger = _certificates.CreateClientCertificate(_certificates.OtherAuthority);

        var error = await Assert.ThrowsAsync<RpcException>(() => CheckAsync(server, stranger));

        Assert.NotEqual(StatusCode.OK, error.StatusCode);
    }

    [Fact]
    public async Task Serve_MutualTls_AcceptsClientCertificateSignedByTheCa()
    {
        _certificates.WriteServerCertificate("server-1");
        await using var server = await StartAsync(mutual: true);

        var (status, _) = await CheckAsync(server, _certificates.CreateClientCertificate());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, status);
    }

    [Fact]
    public async Task Serve_CertificateFilesRotated_NewConnectionsGetTheNewCertificate()
    {
        _certificates.WriteServerCertificate("server-1");
        await using var server = await StartAsync(mutual: true);
        var client = _certificates.CreateClientCertificate();
        Assert.Equal("CN=server-1", (await CheckAsync(server, client)).Presented);

        _certificates.WriteServerCertificate("server-2");
        string? presented = null;
        for (var attempt = 0; attempt < 100 && presented != "CN=server-2"; attempt++)
        {
            await Task.Delay(100);
            presented = (await CheckAsync(server, client)).Presented;
        }

        Assert.Equal("CN=server-2", presented);
    }

    private Task<InProcessServer> StartAsync(bool mutual)
        => InProcessServer.StartAsync(TestPolicies.Source(), options => options with
        {
            TlsCertificateFile = _certificates.ServerCertificateFile,
            TlsKeyFile = _certificates.ServerKeyFile,
            TlsClientCaFile = mutual ? _certificates.AuthorityFile : null,
            TlsReloadInterval = TimeSpan.FromMilliseconds(200),
        });

    /// <summary>A health check over a new TLS connection; returns the status and the server certificate's subject.</summary>
    private async Task<(HealthCheckResponse.Types.ServingStatus Status, string? Presented)> CheckAsync(InProcessServer server, X509Certificate2? clientCertificate)
    {
        string? presented = null;
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                TargetHost = "localhost",
                ClientCertificates = clientCertificate is null ? null : [clientCertificate],
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    if (certificate is null)
                    {
                        return false;
                    }

                    using var copy = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
                    presented = copy.Subject;
                    return _certificates.IsIssuedByAuthority(copy);
                },
            },
        };
        using var channel = GrpcChannel.ForAddress($"https://localhost:{server.GrpcPort}", new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
        var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10));
        return (reply.Status, presented);
    }
}
