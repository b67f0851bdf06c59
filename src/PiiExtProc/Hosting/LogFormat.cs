namespace PiiExtProc.Hosting;

/// <summary>How `serve` writes log lines to standard error (`--log-format`).</summary>
internal enum LogFormat
{
    /// <summary>One line of text per entry: <c>2026-11-24T08:06:17.885Z info: Category[EventId] Message</c> (the default).</summary>
    Text,

    /// <summary>
    /// One JSON object per line (the runtime's JSON console formatter): <c>Timestamp</c> (UTC, ISO 8601), <c>EventId</c>,
    /// <c>LogLevel</c>, <c>Category</c>, <c>Message</c>, the entry's named values under <c>State</c>, and <c>Exception</c>
    /// when there is one; for log pipelines that parse JSON (Loki, Elasticsearch, Cloud Logging).
    /// </summary>
    Json,
}
