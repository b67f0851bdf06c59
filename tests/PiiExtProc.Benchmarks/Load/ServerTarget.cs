using System.Globalization;
using System.Net.Http;

namespace PiiExtProc.Benchmarks.Load;

/// <summary>A benchmark server started by `server`: its gRPC address and its admin stats endpoint.</summary>
/// <param name="Name">piiextproc or noop.</param>
/// <param name="GrpcPort">The h2c gRPC port on 127.0.0.1.</param>
/// <param name="AdminPort">The admin port on 127.0.0.1 (/bench/stats, /bench/reset).</param>
internal sealed record ServerTarget(string Name, int GrpcPort, int AdminPort)
{
    private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public Uri GrpcAddress => new($"http://127.0.0.1:{GrpcPort}");

    /// <summary>Parses "name:grpcPort:adminPort".</summary>
    public static ServerTarget Parse(string text)
    {
        var parts = text.Split(':');
        return new ServerTarget(parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    public async Task ResetAsync() => await s_http.GetStringAsync(new Uri($"http://127.0.0.1:{AdminPort}/bench/reset"));

    public async Task<ServerStats> StatsAsync(bool collect = false)
        => ServerStats.Parse(await s_http.GetStringAsync(new Uri($"http://127.0.0.1:{AdminPort}/bench/stats" + (collect ? "?gc=1" : ""))));
}

/// <summary>What /bench/stats returned.</summary>
internal sealed class ServerStats
{
    public Dictionary<string, long> Values { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, LatencyHistogram> Messages { get; } = new(StringComparer.Ordinal);

    public long this[string name] => Values.GetValueOrDefault(name);

    /// <summary>All message types merged.</summary>
    public LatencyHistogram AllMessages
    {
        get
        {
            var all = new LatencyHistogram();
            foreach (var histogram in Messages.Values)
            {
                all.Add(histogram);
            }

            return all;
        }
    }

    public static ServerStats Parse(string text)
    {
        var stats = new ServerStats();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var name = line[..space];
            var value = line[(space + 1)..];
            if (name.StartsWith("message_ns.", StringComparison.Ordinal))
            {
                stats.Messages[name["message_ns.".Length..]] = LatencyHistogram.Deserialize(value);
            }
            else
            {
                stats.Values[name] = long.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        return stats;
    }
}
