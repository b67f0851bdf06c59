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

    [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "ext_proc stream failed with {ExceptionType}; ended with INTERNAL so Envoy fails closed")]
    public static partial void StreamFailed(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Listening for ext_proc gRPC on {BindAddress}:{GrpcPort}; admin on port {AdminPort}; policy version {PolicyVersion}")]
    public static partial void Listening(ILogger logger, string bindAddress, int grpcPort, int adminPort, string policyVersion);
}
