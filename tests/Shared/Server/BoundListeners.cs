using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace PiiExtProc.Testing;

/// <summary>
/// Finds the addresses a started server bound when it was given port 0 for both listeners: the admin listener is the
/// HTTP/1.1 one that answers /healthz; the other is the HTTP/2-only gRPC listener, which refuses HTTP/1.1. A Unix socket
/// listener (<c>http://unix:/path</c>, served beside the TCP ones) is not a port and is left out.
/// </summary>
internal static class BoundListeners
{
    /// <summary>Returns the gRPC and admin base addresses of <paramref name="app"/> (already started).</summary>
    /// <exception cref="InvalidOperationException">The server did not bind exactly one of each.</exception>
    public static async Task<(Uri Grpc, Uri Admin)> FindAsync(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Where(address => !address.Contains("://unix:", StringComparison.Ordinal))
            .Select(address => new Uri(address, UriKind.Absolute)).ToList();
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var admin = new List<Uri>();
        var grpc = new List<Uri>();
        foreach (var address in addresses)
        {
            try
            {
                using var response = await probe.GetAsync(new Uri(address, "/healthz"));
                (response.StatusCode == HttpStatusCode.OK ? admin : grpc).Add(address);
            }
            catch (HttpRequestException)
            {
                grpc.Add(address);
            }
        }

        return admin.Count == 1 && grpc.Count == 1
            ? (grpc[0], admin[0])
            : throw new InvalidOperationException($"expected one gRPC and one admin listener, bound: {string.Join(", ", addresses)}");
    }
}
