using Microsoft.Extensions.Logging;

namespace PiiExtProc.Policy;

/// <summary>Log messages of <see cref="PolicyProvider"/>. They carry versions, paths and located errors, never values or keys.</summary>
internal static partial class PolicyProviderLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Policy {Version} loaded from {Source}: {RuleCount} rules plus the default rule.")]
    public static partial void PolicyLoaded(ILogger logger, string version, string source, int ruleCount);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Policy reloaded from {Source}: version {OldVersion} replaced by {NewVersion}.")]
    public static partial void PolicyReloaded(ILogger logger, string source, string oldVersion, string newVersion);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Policy reload from {Source} failed with {ErrorCount} errors; keeping version {Version}. {Errors}")]
    public static partial void PolicyReloadFailed(ILogger logger, string source, int errorCount, string version, string errors);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Polling policy file {Source} every {IntervalSeconds} s.")]
    public static partial void PollingStarted(ILogger logger, string source, double intervalSeconds);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "Policy poll of {Source} failed unexpectedly ({ExceptionType}); keeping version {Version}.")]
    public static partial void PollFailed(ILogger logger, string source, string exceptionType, string version);
}
