using Microsoft.Extensions.Logging;

namespace PiiExtProc.Diagnostics;

/// <summary>
/// Source-generated log messages with stable event ids (1xx stream, 2xx hosting). Messages carry protocol facts,
/// labels and counts only: never header values, body bytes or detected values.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "ext_proc stream ended with a protocol violation ({Cause}): {Detail}")]
    public static partial void ProtocolViolation(ILogger logger, string cause, string detail);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "ext_proc stream closed by the client")]
    public static partial void StreamCancelled(ILogger logger);

    /// <summary>
    /// An unexpected exception ended a stream: its type and the method that threw it (no message, which could quote
    /// data), so a rare failure can be traced without the exception's text.
    /// </summary>
    [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "ext_proc stream failed with {ExceptionType} thrown in {ThrownIn}; ended with INTERNAL so Envoy fails closed")]
    public static partial void StreamFailed(ILogger logger, string exceptionType, string thrownIn);

    [LoggerMessage(EventId = 104, Level = LogLevel.Error, Message = "ext_proc stream ended with INTERNAL: a finding at body offset {FindingOffset} lies in bytes already released up to offset {ReleasedTo} (malformed JSON after a STREAMED chunk boundary); the rest of the exchange is not forwarded")]
    public static partial void ReleasedBytesChanged(ILogger logger, long findingOffset, long releasedTo);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Listening for ext_proc gRPC on {BindAddress}:{GrpcPort}; admin on port {AdminPort}; policy version {PolicyVersion}")]
    public static partial void Listening(ILogger logger, string bindAddress, int grpcPort, int adminPort, string policyVersion);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "Shutting down: gRPC health is NOT_SERVING and /readyz fails; draining for {DrainSeconds} s before listeners close")]
    public static partial void ShutdownStarted(ILogger logger, int drainSeconds);

    [LoggerMessage(EventId = 301, Level = LogLevel.Error, Message = "The audit sink failed with {ExceptionType}; audit events are dropped and counted in piiextproc_audit_events_dropped_total")]
    public static partial void AuditSinkFailed(ILogger logger, string exceptionType);
}
