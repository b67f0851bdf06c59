namespace PiiExtProc.Hosting;

/// <summary>The `serve` command's settings (see README "Command line").</summary>
internal sealed record ServeOptions
{
    /// <summary>TCP port of the h2c gRPC listener (ext_proc and grpc.health.v1). Default 50051; 0 picks a free port.</summary>
    public int GrpcPort { get; init; } = 50051;

    /// <summary>How log lines are written to standard error: text (default) or JSON, one entry per line.</summary>
    public LogFormat LogFormat { get; init; } = LogFormat.Text;

    /// <summary>TCP port of the HTTP/1.1 admin listener (/healthz, /readyz, /metrics). Default 9464; 0 picks a free port.</summary>
    public int AdminPort { get; init; } = 9464;

    /// <summary>Address the listeners bind to. Default all interfaces (0.0.0.0); tests use 127.0.0.1.</summary>
    public string BindAddress { get; init; } = "0.0.0.0";

    /// <summary>The policy file, or null for the embedded default policy.</summary>
    public string? PolicyFile { get; init; }

    /// <summary>A Unix domain socket path for the gRPC listener (sidecar topology), in addition to the TCP port.</summary>
    public string? GrpcUnixSocket { get; init; }

    /// <summary>
    /// Permissions of the Unix socket file, set once the listener is up. Default 0660 (owner and group read/write):
    /// only the proxy's user or group can connect.
    /// </summary>
    public UnixFileMode GrpcUnixSocketMode { get; init; } =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;

    /// <summary>PEM certificate for TLS on the gRPC listener; null for h2c.</summary>
    public string? TlsCertificateFile { get; init; }

    /// <summary>PEM private key for <see cref="TlsCertificateFile"/>.</summary>
    public string? TlsKeyFile { get; init; }

    /// <summary>PEM CA bundle; when set, clients must present a certificate it signed (mutual TLS).</summary>
    public string? TlsClientCaFile { get; init; }

    /// <summary>How often the certificate files are checked for rotation. Default 10 s; tests use less.</summary>
    public TimeSpan TlsReloadInterval { get; init; } = ReloadingCertificate.DefaultCheckInterval;

    /// <summary>Seconds in-flight streams get to finish after SIGTERM. Default 25 (shorter than the chart's grace period).</summary>
    public int ShutdownTimeoutSeconds { get; init; } = 25;

    /// <summary>
    /// Body messages of at least this many bytes are preceded by a standalone <c>override_message_timeout</c> reply
    /// (extproc-protocol.md §7), so a long scan does not trip Envoy's message_timeout (default 200 ms). Bytes; default
    /// 1 MiB; 0 turns it off. Envoy honours it only when its <c>max_message_timeout</c> is at least
    /// <see cref="OverrideMessageTimeoutSeconds"/>, and ignores (counts) it otherwise.
    /// </summary>
    public int OverrideMessageTimeoutAboveBytes { get; init; } = 1024 * 1024;

    /// <summary>The message timeout asked for by that reply, seconds. Default 10 (the max_message_timeout of envoy/envoy.yaml).</summary>
    public int OverrideMessageTimeoutSeconds { get; init; } = 10;

    /// <summary>Largest gRPC message accepted or sent, bytes: the largest BUFFERED body plus framing. Default 64 MiB.</summary>
    public int MaxMessageBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>
    /// Seconds between the start of shutdown (readiness and gRPC health turn NOT_SERVING) and the listeners closing, so
    /// load balancers stop sending new exchanges first. Default 0; part of <see cref="ShutdownTimeoutSeconds"/>.
    /// </summary>
    public int ShutdownDrainSeconds { get; init; }

    /// <summary>True (the default) to write audit events (JSON lines on standard output).</summary>
    public bool Audit { get; init; } = true;

    /// <summary>Fraction of info-only audit events written, in [0, 1]; warning and critical always are. Default 1.</summary>
    public double AuditSampleRate { get; init; } = 1;

    /// <summary>Where the per-stream spans go. Default <see cref="TracingExporter.None"/>.</summary>
    public TracingExporter Tracing { get; init; } = TracingExporter.None;
}
