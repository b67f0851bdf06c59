using System.Globalization;

namespace PiiExtProc.Benchmarks.Load;

/// <summary>
/// `load`: drives our server and the no-op server side by side with the same traffic and prints, per scenario,
/// closed-loop peak throughput (streams/s), open-loop latency at a fraction of our peak (same rate for both),
/// server-side time per message, allocated bytes per stream, and the ratios. Rounds alternate between the servers
/// so drift from other load on the machine hits both alike.
/// </summary>
internal static class LoadCommand
{
    public static async Task<int> RunAsync(Arguments arguments)
    {
        var servers = arguments.Get("servers", "piiextproc:50061:9561,noop:50062:9562").Split(',').Select(ServerTarget.Parse).ToArray();
        var connections = arguments.GetInt("connections", 4);
        var concurrency = arguments.GetInt("concurrency", 32);
        var duration = TimeSpan.FromSeconds(arguments.GetDouble("duration", 5));
        var rounds = arguments.GetInt("rounds", 3);
        var warmup = TimeSpan.FromSeconds(arguments.GetDouble("warmup", 3));
        var openFraction = arguments.GetDouble("open-fraction", 0.5);

        // A fixed open-loop rate (streams/s) instead of a fraction of the measured peak: with the client pinned to one
        // core its closed loop is client-bound, so half of the server's own peak (from a pinned h2load run) is given here.
        var openRate = arguments.GetDouble("open-rate", 0);
        var names = arguments.Get("scenarios", "clean-buffered,pii-buffered,clean-streamed,pii-streamed,clean-buffered-1mb,pii-buffered-1mb");

        var clients = servers.Select(server => new LoadClient(server.GrpcAddress, connections)).ToArray();
        Console.WriteLine($"# load: {servers.Length} servers, {connections} connections, closed loop {concurrency} concurrent streams, {rounds} rounds x {duration.TotalSeconds:0} s per server, alternating; open loop at {(openRate > 0 ? $"{openRate:0} streams/s" : $"{openFraction:0.##} x {servers[0].Name} peak")}");
        foreach (var name in names.Split(','))
        {
            var scenario = ExchangeScenario.Find(name);
            var large = scenario.BodyBytes > 512 * 1024;
            var streams = large ? Math.Max(1, concurrency / 16) : concurrency;
            Console.WriteLine();
            Console.WriteLine($"## {scenario.Name}: {scenario.Messages.Length} messages, {scenario.BodyBytes} body bytes per stream");

            for (var s = 0; s < servers.Length; s++)
            {
                await clients[s].RunClosedLoopAsync(scenario, streams, warmup);
            }

            var closed = await AlternateAsync(servers, clients, rounds, (client, _) => client.RunClosedLoopAsync(scenario, streams, duration));
            PrintTable("closed loop (peak)", servers, closed.Results, closed.Stats, scenario);
            if (large)
            {
                continue;
            }

            var rate = openRate > 0 ? openRate : Math.Max(10, closed.Results[0].StreamsPerSecond * openFraction);
            var open = await AlternateAsync(servers, clients, rounds, (client, _) => client.RunOpenLoopAsync(scenario, rate, duration));
            PrintTable($"open loop at {rate:0} streams/s", servers, open.Results, open.Stats, scenario);
            Console.WriteLine($"latency added at p99 (open loop, {servers[0].Name} - {servers[^1].Name}): {Milliseconds(open.Results[0].Latency.Percentile(99) - open.Results[^1].Latency.Percentile(99))} ms");
        }

        foreach (var client in clients)
        {
            client.Dispose();
        }

        return 0;
    }

    private static async Task<(RunResult[] Results, ServerStats[] Stats)> AlternateAsync(
        ServerTarget[] servers, LoadClient[] clients, int rounds, Func<LoadClient, int, Task<RunResult>> run)
    {
        var results = servers.Select(_ => new RunResult()).ToArray();
        var stats = new ServerStats[servers.Length];
        foreach (var server in servers)
        {
            await server.ResetAsync();
        }

        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < servers.Length; k++)
            {
                // ABBA order: the first server of a round alternates, so a trend in background load cancels out.
                var s = round % 2 == 0 ? k : servers.Length - 1 - k;
                results[s].Add(await run(clients[s], round));
            }
        }

        for (var s = 0; s < servers.Length; s++)
        {
            stats[s] = await servers[s].StatsAsync();
        }

        return (results, stats);
    }

    private static void PrintTable(string title, ServerTarget[] servers, RunResult[] results, ServerStats[] stats, ExchangeScenario scenario)
    {
        Console.WriteLine($"### {title}");
        Console.WriteLine("| server | streams/s | p50 ms | p90 ms | p99 ms | p99.9 ms | errors | dropped | server errors | server msg p50 us | server msg p99 us | server body msg p99 us | alloc B/stream | server CPU us/stream |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (var s = 0; s < servers.Length; s++)
        {
            var r = results[s];
            var st = stats[s];
            var all = st.AllMessages;
            var bodies = new LatencyHistogram();
            bodies.Add(st.Messages.GetValueOrDefault("RequestBody") ?? new LatencyHistogram());
            bodies.Add(st.Messages.GetValueOrDefault("ResponseBody") ?? new LatencyHistogram());
            var ended = Math.Max(1, st["streams_ended"]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {servers[s].Name} | {r.StreamsPerSecond:0} | {Milliseconds(r.Latency.Percentile(50))} | {Milliseconds(r.Latency.Percentile(90))} | {Milliseconds(r.Latency.Percentile(99))} | {Milliseconds(r.Latency.Percentile(99.9))} | {r.Errors} | {r.Dropped} | {st["stream_errors"]} | {all.Percentile(50) / 1000.0:0.0} | {all.Percentile(99) / 1000.0:0.0} | {bodies.Percentile(99) / 1000.0:0.0} | {st["allocated_bytes"] / ended} | {st["cpu_us"] / (double)ended:0.0} |"));
            if (r.FirstError is not null)
            {
                Console.WriteLine($"  first error on {servers[s].Name}: {r.FirstError}");
            }
        }

        if (servers.Length > 1 && results[^1].StreamsPerSecond > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratio {servers[0].Name}/{servers[^1].Name}: throughput {results[0].StreamsPerSecond / results[^1].StreamsPerSecond:0.000}, capacity by server CPU per stream {CpuRatio(stats[^1], stats[0])}, p99 {Ratio(results[0].Latency.Percentile(99), results[^1].Latency.Percentile(99))}, body MB/s {servers[0].Name} {results[0].StreamsPerSecond * scenario.BodyBytes / 1e6:0.0}"));
        }
    }

    /// <summary>
    /// Server CPU per stream of the baseline over ours: the throughput ratio the two would have on dedicated cores,
    /// independent of what else runs on the machine.
    /// </summary>
    private static string CpuRatio(ServerStats baseline, ServerStats ours)
    {
        var baselinePerStream = baseline["cpu_us"] / (double)Math.Max(1, baseline["streams_ended"]);
        var oursPerStream = ours["cpu_us"] / (double)Math.Max(1, ours["streams_ended"]);
        return oursPerStream > 0 ? (baselinePerStream / oursPerStream).ToString("0.000", CultureInfo.InvariantCulture) : "n/a";
    }

    private static string Ratio(long a, long b) => b == 0 ? "n/a" : (a / (double)b).ToString("0.000", CultureInfo.InvariantCulture);

    private static string Milliseconds(long nanoseconds) => (nanoseconds / 1e6).ToString("0.000", CultureInfo.InvariantCulture);
}
