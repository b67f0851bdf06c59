using System.Security.Cryptography.X509Certificates;

namespace PiiExtProc.Hosting;

/// <summary>A PEM certificate and key pair re-read when either file's last-write time changes (checked every 10 s at most).</summary>
internal sealed class ReloadingCertificate
{
    /// <summary>How often the files' last-write times are checked by default.</summary>
    public static readonly TimeSpan DefaultCheckInterval = TimeSpan.FromSeconds(10);

    private readonly TimeSpan _checkInterval;
    private readonly string _certificateFile;
    private readonly string _keyFile;
    private readonly Lock _gate = new();
    private X509Certificate2 _current;
    private DateTime _stamp;
    private DateTime _nextCheck;

    /// <summary>Loads the pair.</summary>
    /// <param name="certificateFile">PEM certificate (chain) file.</param>
    /// <param name="keyFile">PEM private key file.</param>
    /// <param name="checkInterval">How often to look for a rotation; null for <see cref="DefaultCheckInterval"/> (tests use less).</param>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The files are not a valid PEM pair.</exception>
    public ReloadingCertificate(string certificateFile, string keyFile, TimeSpan? checkInterval = null)
    {
        _checkInterval = checkInterval ?? DefaultCheckInterval;
        _certificateFile = certificateFile;
        _keyFile = keyFile;
        _stamp = Stamp();
        _current = Load();
        _nextCheck = DateTime.UtcNow + _checkInterval;
    }

    /// <summary>The certificate in force; reloaded when the files changed, kept when a reload fails.</summary>
    public X509Certificate2 Current
    {
        get
        {
            var now = DateTime.UtcNow;
            if (now < _nextCheck)
            {
                return _current;
            }

            lock (_gate)
            {
                _nextCheck = now + _checkInterval;
                var stamp = Stamp();
                if (stamp != _stamp)
                {
                    try
                    {
                        _current = Load();
                        _stamp = stamp;
                    }
                    catch (System.Security.Cryptography.CryptographicException)
                    {
                        // Half-written rotation: keep serving the previous certificate and retry at the next check.
                    }
                    catch (IOException)
                    {
                    }
                }

                return _current;
            }
        }
    }

    private DateTime Stamp() => Max(File.GetLastWriteTimeUtc(_certificateFile), File.GetLastWriteTimeUtc(_keyFile));

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private X509Certificate2 Load()
    {
        using var pem = X509Certificate2.CreateFromPemFile(_certificateFile, _keyFile);
        // Re-import so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }
}
