using System.CommandLine;
using Microsoft.Extensions.Logging;
using PiiExtProc.Diagnostics;
using PiiExtProc.Hosting;
using PiiExtProc.Policy;
using PiiExtProc.Routing;

namespace PiiExtProc.Cli;

/// <summary>`PiiExtProc serve`: runs the ext_proc gRPC server until SIGTERM/SIGINT.</summary>
internal static class ServeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var grpcPort = new Option<int>("--grpc-port") { Description = "TCP port of the h2c gRPC listener (ext_proc and grpc.health.v1).", DefaultValueFactory = _ => 50051 };
        var adminPort = new Option<int>("--admin-port") { Description = "TCP port of the HTTP admin listener (/healthz, /readyz, /metrics).", DefaultValueFactory = _ => 9464 };
        var policy = new Option<FileInfo?>("--policy") { Description = "Policy YAML file; hot-reloaded. Default: the embedded default policy." };
        var unixSocket = new Option<string?>("--grpc-unix-socket") { Description = "Also listen for gRPC on this Unix socket path (sidecar topology)." };
        var certificate = new Option<FileInfo?>("--tls-certificate") { Description = "PEM certificate for TLS on the gRPC port (reloaded on change)." };
        var key = new Option<FileInfo?>("--tls-key") { Description = "PEM private key for --tls-certificate." };
        var clientCa = new Option<FileInfo?>("--tls-client-ca") { Description = "PEM CA bundle; clients must present a certificate it signed (mutual TLS)." };
        var shutdown = new Option<int>("--shutdown-timeout-seconds") { Description = "Seconds in-flight streams get to finish after SIGTERM.", DefaultValueFactory = _ => 25 };
        var moreTimeAbove = new Option<int>("--override-message-timeout-above-bytes") { Description = "Body messages of at least this many bytes are preceded by an override_message_timeout reply; 0 turns it off.", DefaultValueFactory = _ => 1024 * 1024 };
        var moreTime = new Option<int>("--override-message-timeout-seconds") { Description = "The message timeout asked for (must not exceed Envoy's max_message_timeout).", DefaultValueFactory = _ => 10 };
        var bind = new Option<string>("--bind-address") { Description = "Address to bind the listeners to.", DefaultValueFactory = _ => "0.0.0.0" };
        var drain = new Option<int>("--shutdown-drain-seconds") { Description = "Seconds to keep listening after SIGTERM while readiness and gRPC health report NOT_SERVING.", DefaultValueFactory = _ => 0 };
        var audit = new Option<string>("--audit") { Description = "Write audit events (JSON lines) to standard output: on or off.", DefaultValueFactory = _ => "on" };
        audit.AcceptOnlyFromAmong("on", "off");
        var auditSampleRate = new Option<double>("--audit-sample-rate") { Description = "Fraction (0..1) of info-only audit events written; warning and critical events always are.", DefaultValueFactory = _ => 1.0 };
        auditSampleRate.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is not (>= 0 and <= 1))
            {
                result.AddError("--audit-sample-rate must be between 0 and 1.");
            }
        });
        var logFormat = new Option<string>("--log-format") { Description = "Log lines on standard error: text, or json (one JSON object per line).", DefaultValueFactory = _ => "text" };
        logFormat.AcceptOnlyFromAmong("text", "json");
        var tracing = new Option<string>("--tracing") { Description = "Export per-stream spans: otlp (OTEL_EXPORTER_OTLP_* environment variables) or none.", DefaultValueFactory = _ => "none" };
        tracing.AcceptOnlyFromAmong("none", "otlp");

        var command = new Command("serve", "Run the ext_proc gRPC server (the default command).")
        {
            grpcPort, adminPort, policy, unixSocket, certificate, key, clientCa, shutdown, bind, moreTimeAbove, moreTime, drain, audit, auditSampleRate, tracing, logFormat,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            StandardOutput.UseLineWriter();
            var options = new ServeOptions
            {
                GrpcPort = parse.GetValue(grpcPort),
                AdminPort = parse.GetValue(adminPort),
                PolicyFile = parse.GetValue(policy)?.FullName,
                GrpcUnixSocket = parse.GetValue(unixSocket),
                TlsCertificateFile = parse.GetValue(certificate)?.FullName,
                TlsKeyFile = parse.GetValue(key)?.FullName,
                TlsClientCaFile = parse.GetValue(clientCa)?.FullName,
                ShutdownTimeoutSeconds = parse.GetValue(shutdown),
                BindAddress = parse.GetValue(bind)!,
                OverrideMessageTimeoutAboveBytes = parse.GetValue(moreTimeAbove),
                OverrideMessageTimeoutSeconds = parse.GetValue(moreTime),
                ShutdownDrainSeconds = parse.GetValue(drain),
                Audit = parse.GetValue(audit) == "on",
                AuditSampleRate = parse.GetValue(auditSampleRate),
                Tracing = parse.GetValue(tracing) == "otlp" ? TracingExporter.Otlp : TracingExporter.None,
                LogFormat = parse.GetValue(logFormat) == "json" ? LogFormat.Json : LogFormat.Text,
            };
            await using var app = ServerApplication.Build(
                options, services => new ReloadingPolicySource(options.PolicyFile, services.GetRequiredService<ILoggerFactory>(), auditFingerprints: options.Audit));
            IPolicySource policySource;
            try
            {
                policySource = app.Services.GetRequiredService<IPolicySource>();
            }
            catch (PolicyException exception)
            {
                Console.Error.WriteLine(exception.Message);
                return 2;
            }

            await app.StartAsync(cancellation);
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PiiExtProc");
            Log.Listening(logger, options.BindAddress, options.GrpcPort, options.AdminPort, policySource.Current.Version);
            await app.WaitForShutdownAsync(cancellation);
            return 0;
        });
        return command;
    }
}
