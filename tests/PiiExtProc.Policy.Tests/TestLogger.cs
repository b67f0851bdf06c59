using Microsoft.Extensions.Logging;

namespace PiiExtProc.Policy.Tests;

/// <summary>Captures formatted log messages (with exception text) for assertions.</summary>
internal sealed class TestLogger : ILogger
{
    private readonly List<string> _messages = [];

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    public string AllText => string.Join("\n", Messages);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_messages)
        {
            _messages.Add($"{logLevel} {eventId.Id} {formatter(state, exception)} {exception}");
        }
    }
}
