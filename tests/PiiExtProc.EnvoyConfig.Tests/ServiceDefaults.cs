namespace PiiExtProc.EnvoyConfig.Tests;

/// <summary>The service's command-line defaults that Envoy configs must agree with (interfaces.md, `serve`).</summary>
internal static class ServiceDefaults
{
    /// <summary>`serve --grpc-port` default: h2c ExternalProcessor and grpc.health.v1.</summary>
    public const int GrpcPort = 50051;

    /// <summary>`serve --admin-port` default: /healthz, /readyz, /metrics over HTTP/1.1.</summary>
    public const int AdminPort = 9464;

    /// <summary>The Unix socket path the chart and envoy/*.yaml use with `serve --grpc-unix-socket`.</summary>
    public const string UnixSocketPath = "/var/run/pii-ext-proc/grpc.sock";

    /// <summary>The gRPC metadata key that selects the policy per route.</summary>
    public const string PolicyMetadataKey = "x-pii-policy";
}
