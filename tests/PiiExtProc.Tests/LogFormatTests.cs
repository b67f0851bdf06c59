using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using PiiExtProc.Cli;
using PiiExtProc.Hosting;
using PiiExtProc.Tests.Infrastructure;

namespace PiiExtProc.Tests;

/// <summary>
/// `serve --log-format`: the console logger of the built server formats entries as single text lines (default) or as
/// one JSON object per line, with UTC timestamps; an unknown format is a usage error.
/// </summary>
public sealed class LogFormatTests
{
    [Fact]
    public async Task Json_EachEntryIsOneJsonObjectWithUtcTimestamp()
    {
        string line = await FormatAsync(LogFormat.Json);

        Assert.DoesNotContain('\n', line.TrimEnd('\n'));
        using var document = JsonDocument.Parse(line);
        JsonElement root = document.RootElement;
        Assert.Equal("Warning", root.GetProperty("LogLevel").GetString());
        Assert.Equal("PiiExtProc.Tests", root.GetProperty("Category").GetString());
        Assert.Equal(101, root.GetProperty("EventId").GetInt32());
        Assert.Equal("stream ended: client_gone", root.GetProperty("Message").GetString());
        Assert.Equal("client_gone", root.GetProperty("State").GetProperty("Cause").GetString());
        Assert.EndsWith("Z", root.GetProperty("Timestamp").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_IsTheDefault_OneLinePerEntry()
    {
        Assert.Equal(LogFormat.Text, new ServeOptions().LogFormat);

        string line = await FormatAsync(LogFormat.Text);

        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z warn: PiiExtProc\.Tests\[101\] stream ended: client_gone\n$", line);
    }

    [Fact]
    public void UnknownFormat_IsAUsageError()
    {
        var result = PiiExtProcCommandLine.Create().Parse(["serve", "--log-format", "xml"]);

        Assert.NotEmpty(result.Errors);
    }

    /// <summary>One warning with a named value, written by the console formatter the server of <paramref name="format"/> uses.</summary>
    private static async Task<string> FormatAsync(LogFormat format)
    {
        var options = new ServeOptions { GrpcPort = 0, AdminPort = 0, BindAddress = "127.0.0.1", LogFormat = format };
        await using var app = ServerApplication.Build(options, TestPolicies.Default());
        string name = app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName!;
        ConsoleFormatter formatter = app.Services.GetServices<ConsoleFormatter>().Single(f => f.Name == name);

        var state = new Dictionary<string, object?> { ["Cause"] = "client_gone", ["{OriginalFormat}"] = "stream ended: {Cause}" };
        var entry = new LogEntry<IReadOnlyList<KeyValuePair<string, object?>>>(
            LogLevel.Warning, "PiiExtProc.Tests", new EventId(101), [.. state], null, (_, _) => "stream ended: client_gone");
        using var writer = new StringWriter();
        formatter.Write(entry, new LoggerExternalScopeProvider(), writer);
        return writer.ToString();
    }
}
