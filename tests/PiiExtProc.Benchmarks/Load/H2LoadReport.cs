using System.Globalization;
using System.Text.RegularExpressions;

namespace PiiExtProc.Benchmarks.Load;

/// <summary>
/// `h2report --dir DIR --servers piiextproc,noop`: summarizes the h2load runs of load/run.sh. For every
/// DIR/SCENARIO.SERVER.ROUND.out (h2load's stdout) and .log (its --log-file: start µs, HTTP status, duration µs) it
/// sums requests done over the run time, merges latencies into percentiles, reads server-side stream errors from
/// DIR/SCENARIO.SERVER.stats, and prints a table with the ratio of the first server to the last.
/// </summary>
internal static partial class H2LoadReport
{
    public static int Run(Arguments arguments)
    {
        var directory = arguments.Get("dir", "artifacts/load/h2load");
        var servers = arguments.Get("servers", "piiextproc,noop").Split(',');
        var scenarios = Directory.GetFiles(directory, "*.out")
            .Select(path => Path.GetFileName(path).Split('.')[0])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        Console.WriteLine("| scenario | server | streams/s | succeeded | failed | server stream errors | server CPU us/stream | p50 ms | p90 ms | p99 ms | p99.9 ms |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        var ratios = new List<string>();
        foreach (var scenario in scenarios)
        {
            var rates = new double[servers.Length];
            var cpuPerStream = new double[servers.Length];
            for (var s = 0; s < servers.Length; s++)
            {
                double seconds = 0;
                long done = 0, succeeded = 0, failed = 0;
                var latency = new LatencyHistogram();
                foreach (var output in Directory.GetFiles(directory, $"{scenario}.{servers[s]}.*.out"))
                {
                    var text = File.ReadAllText(output);
                    var finished = FinishedLine().Match(text);
                    var requests = RequestsLine().Match(text);
                    if (!finished.Success || !requests.Success)
                    {
                        continue;
                    }

                    seconds += ParseSeconds(finished.Groups[1].Value);
                    done += long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture);
                    succeeded += long.Parse(requests.Groups[2].Value, CultureInfo.InvariantCulture);
                    failed += long.Parse(requests.Groups[3].Value, CultureInfo.InvariantCulture) + long.Parse(requests.Groups[4].Value, CultureInfo.InvariantCulture);
                    var log = Path.ChangeExtension(output, ".log");
                    if (File.Exists(log))
                    {
                        foreach (var line in File.ReadLines(log))
                        {
                            var fields = line.Split('\t');
                            if (fields.Length >= 3 && long.TryParse(fields[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var micros))
                            {
                                latency.Record(micros * 1000);
                            }
                        }
                    }
                }

                var statsPath = Path.Combine(directory, $"{scenario}.{servers[s]}.stats");
                var stats = File.Exists(statsPath) ? ServerStats.Parse(File.ReadAllText(statsPath)) : new ServerStats();
                var errors = stats["stream_errors"];
                cpuPerStream[s] = stats["cpu_us"] / (double)Math.Max(1, stats["streams_ended"]);
                rates[s] = seconds > 0 ? done / seconds : 0;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {scenario} | {servers[s]} | {rates[s]:0} | {succeeded} | {failed} | {errors} | {cpuPerStream[s]:0.0} | {Ms(latency.Percentile(50))} | {Ms(latency.Percentile(90))} | {Ms(latency.Percentile(99))} | {Ms(latency.Percentile(99.9))} |"));
            }

            if (rates[^1] > 0)
            {
                ratios.Add(string.Create(CultureInfo.InvariantCulture, $"{scenario}: {servers[0]}/{servers[^1]} throughput ratio {rates[0] / rates[^1]:0.000}, capacity ratio by server CPU per stream {cpuPerStream[^1] / cpuPerStream[0]:0.000}"));
            }
        }

        Console.WriteLine();
        foreach (var ratio in ratios)
        {
            Console.WriteLine(ratio);
        }

        return 0;
    }

    private static double ParseSeconds(string value)
        => value.EndsWith("ms", StringComparison.Ordinal)
            ? double.Parse(value[..^2], CultureInfo.InvariantCulture) / 1000
            : double.Parse(value.TrimEnd('s'), CultureInfo.InvariantCulture);

    private static string Ms(long nanoseconds) => (nanoseconds / 1e6).ToString("0.000", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"finished in ([0-9.]+m?s), ([0-9.]+) req/s")]
    private static partial Regex FinishedLine();

    [GeneratedRegex(@"requests: \d+ total, \d+ started, (\d+) done, (\d+) succeeded, (\d+) failed, (\d+) errored")]
    private static partial Regex RequestsLine();
}
