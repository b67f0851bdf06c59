using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PiiExtProc.Reliability.Tests.Support;

/// <summary>A throw-away CA with server and client certificates (ECDSA P-256), written as PEM files for the server.</summary>
internal sealed class TestCertificates : IDisposable
{
    private readonly List<X509Certificate2> _owned = [];

    public TestCertificates(string directory)
    {
        Directory = directory;
        System.IO.Directory.CreateDirectory(directory);
        Authority = CreateAuthority("CN=PiiExtProc Test CA");
        OtherAuthority = CreateAuthority("CN=Untrusted Test CA");
        File.WriteAllText(AuthorityFile, Authority.ExportCertificatePem());
    }

    public string Directory { get; }

    public X509Certificate2 Authority { get; }

    public X509Certificate2 OtherAuthority { get; }

    public string AuthorityFile => Path.Combine(Directory, "ca.pem");

    public string ServerCertificateFile => Path.Combine(Directory, "server.pem");

    public string ServerKeyFile => Path.Combine(Directory, "server-key.pem");

    /// <summary>Writes a server certificate with <paramref name="commonName"/> to the server PEM files (a rotation when called again).</summary>
    public void WriteServerCertificate(string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        using var certificate = Sign(request, Authority);
        // Write to temporary names and move, as a secret volume does, so the server never reads a half-written pair.
        var certificateTemp = ServerCertificateFile + ".tmp";
        var keyTemp = ServerKeyFile + ".tmp";
        File.WriteAllText(certificateTemp, certificate.ExportCertificatePem());
        File.WriteAllText(keyTemp, key.ExportPkcs8PrivateKeyPem());
        File.Move(keyTemp, ServerKeyFile, overwrite: true);
        File.Move(certificateTemp, ServerCertificateFile, overwrite: true);
        var stamp = DateTime.UtcNow.AddSeconds(System.IO.Directory.GetFiles(Directory).Length);
        File.SetLastWriteTimeUtc(ServerCertificateFile, stamp);
        File.SetLastWriteTimeUtc(ServerKeyFile, stamp);
    }

    /// <summary>A client certificate with its private key, signed by <paramref name="issuer"/> (the test CA by default).</summary>
    public X509Certificate2 CreateClientCertificate(X509Certificate2? issuer = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=envoy-client", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        using var certificate = Sign(request, issuer ?? Authority);
        using var withKey = certificate.CopyWithPrivateKey(key);
        var loaded = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        _owned.Add(loaded);
        return loaded;
    }

    /// <summary>True when <paramref name="certificate"/> chains to the test CA.</summary>
    public bool IsIssuedByAuthority(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    public void Dispose()
    {
        foreach (var certificate in _owned)
        {
            certificate.Dispose();
        }

        Authority.Dispose();
        OtherAuthority.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private X509Certificate2 CreateAuthority(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        using var selfSigned = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var authority = X509CertificateLoader.LoadPkcs12(selfSigned.Export(X509ContentType.Pkcs12), null);
        return authority;
    }

    private static X509Certificate2 Sign(CertificateRequest request, X509Certificate2 issuer)
    {
        var serial = new byte[12];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7f;
        return request.Create(issuer, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7), serial);
    }
}
