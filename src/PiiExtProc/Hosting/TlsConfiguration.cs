using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace PiiExtProc.Hosting;

/// <summary>
/// TLS and mutual TLS for the gRPC listener from PEM files. The certificate is re-read when its file changes
/// (checked at most every 10 s), so rotated certificates (cert-manager, mounted secrets) apply without a restart.
/// </summary>
internal static class TlsConfiguration
{
    /// <summary>Turns on TLS for <paramref name="listen"/> when options name a certificate.</summary>
    /// <exception cref="InvalidOperationException">A certificate is given without a key, or a file cannot be read.</exception>
    public static void Apply(ListenOptions listen, ServeOptions options)
    {
        if (string.IsNullOrEmpty(options.TlsCertificateFile))
        {
            return;
        }

        if (string.IsNullOrEmpty(options.TlsKeyFile))
        {
            throw new InvalidOperationException("--tls-certificate needs --tls-key.");
        }

        var certificates = new ReloadingCertificate(options.TlsCertificateFile, options.TlsKeyFile, options.TlsReloadInterval);
        X509Certificate2Collection? clientAuthorities = null;
        if (!string.IsNullOrEmpty(options.TlsClientCaFile))
        {
            clientAuthorities = [];
            clientAuthorities.ImportFromPemFile(options.TlsClientCaFile);
        }

        listen.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificateSelector = (_, _) => certificates.Current,
            ClientCertificateMode = clientAuthorities is null ? ClientCertificateMode.NoCertificate : ClientCertificateMode.RequireCertificate,
            ClientCertificateValidation = clientAuthorities is null
                ? null
                : (certificate, _, _) => ValidateClient(certificate, clientAuthorities),
        });
    }

    private static bool ValidateClient(X509Certificate2 certificate, X509Certificate2Collection authorities)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
