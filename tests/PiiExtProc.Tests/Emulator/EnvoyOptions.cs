using Envoy.Extensions.Filters.Http.ExtProc.V3;
using Google.Protobuf.WellKnownTypes;
using HeaderSendMode = Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types.HeaderSendMode;
using BodySendMode = Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types.BodySendMode;

namespace PiiExtProc.Tests.Emulator;

/// <summary>How the emulated Envoy closes the side stream (protocol §1.1).</summary>
internal enum SideStreamClose
{
    /// <summary>Default Envoy: END_STREAM then an immediate RST_STREAM.</summary>
    EndStreamThenReset,

    /// <summary>Runtime guard ext_proc_graceful_grpc_close: END_STREAM, wait up to 1 s for the server's status.</summary>
    Graceful,
}

/// <summary>
/// The ext_proc filter configuration the emulator applies (protocol §1-§10, §13 "Emulated config"). Defaults are
/// Envoy's: headers SEND, bodies NONE, trailers SKIP, failure_mode_allow false, status_on_error 500,
/// message_timeout 200 ms, buffer limit 1 MiB.
/// </summary>
internal sealed record EnvoyOptions
{
    /// <summary>The filter-level processing mode (the base of every mode_override, protocol §5).</summary>
    public ProcessingMode Mode { get; init; } = new();

    public bool FailureModeAllow { get; init; }

    public int StatusOnError { get; init; } = 500;

    /// <summary>message_timeout. Tests use a generous value (see <see cref="ForTests"/>): the server JITs on first use.</summary>
    public TimeSpan MessageTimeout { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>max_message_timeout; zero disables override_message_timeout (protocol §7).</summary>
    public TimeSpan MaxMessageTimeout { get; init; } = TimeSpan.Zero;

    /// <summary>Stands for the HCM stream_idle_timeout when nothing else can end a wait (FDS has no message timer).</summary>
    public TimeSpan StreamIdleTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public bool AllowModeOverride { get; init; }

    /// <summary>allowed_override_modes; empty means any override is accepted (when allowed at all).</summary>
    public IReadOnlyList<ProcessingMode> AllowedOverrideModes { get; init; } = [];

    public bool SendBodyWithoutWaitingForHeaderResponse { get; init; }

    public bool ObservabilityMode { get; init; }

    /// <summary>Envoy 1.34+ sends protocol_config on the first message; false emulates older Envoy.</summary>
    public bool SendProtocolConfig { get; init; } = true;

    /// <summary>per_connection_buffer_limit_bytes (BUFFERED limit, BUFFERED_PARTIAL threshold).</summary>
    public int BufferLimitBytes { get; init; } = 1024 * 1024;

    public bool DisallowIsError { get; init; }

    public bool AllowAllRouting { get; init; }

    public bool AllowEnvoy { get; init; }

    public bool DisableImmediateResponse { get; init; }

    /// <summary>Attributes sent on the first request-direction message under "envoy.filters.http.ext_proc".</summary>
    public Struct? RequestAttributes { get; init; }

    /// <summary>Attributes sent on the first response-direction message.</summary>
    public Struct? ResponseAttributes { get; init; }

    /// <summary>metadata_context sent with every message (forwarding_namespaces).</summary>
    public Envoy.Config.Core.V3.Metadata? MetadataContext { get; init; }

    /// <summary>gRPC initial metadata on the Process call (grpc_service.initial_metadata).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> InitialMetadata { get; init; } = [];

    public SideStreamClose Close { get; init; } = SideStreamClose.Graceful;

    /// <summary>Options with message_timeout 10 s: a loaded 2-core CI machine must not turn JIT pauses into 504s.</summary>
    public static EnvoyOptions ForTests(ProcessingMode mode) => new() { Mode = mode, MessageTimeout = TimeSpan.FromSeconds(10) };

    /// <summary>Builds a processing mode. Header modes default to SEND, trailers to SKIP, bodies to NONE.</summary>
    public static ProcessingMode Modes(
        BodySendMode requestBody = BodySendMode.None,
        BodySendMode responseBody = BodySendMode.None,
        HeaderSendMode requestHeaders = HeaderSendMode.Send,
        HeaderSendMode responseHeaders = HeaderSendMode.Send,
        HeaderSendMode requestTrailers = HeaderSendMode.Skip,
        HeaderSendMode responseTrailers = HeaderSendMode.Skip)
        => new()
        {
            RequestBodyMode = requestBody,
            ResponseBodyMode = responseBody,
            RequestHeaderMode = requestHeaders,
            ResponseHeaderMode = responseHeaders,
            RequestTrailerMode = requestTrailers,
            ResponseTrailerMode = responseTrailers,
        };

    /// <summary>Both directions in one body mode (trailers SEND for FULL_DUPLEX_STREAMED, which requires it).</summary>
    public static ProcessingMode Both(BodySendMode body, bool trailers = false)
    {
        var sendTrailers = trailers || body == BodySendMode.FullDuplexStreamed;
        var trailerMode = sendTrailers ? HeaderSendMode.Send : HeaderSendMode.Skip;
        return Modes(body, body, requestTrailers: trailerMode, responseTrailers: trailerMode);
    }
}
