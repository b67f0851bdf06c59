using System.Globalization;
using Envoy.Service.ExtProc.V3;
using Grpc.Core;

namespace PiiExtProc.Benchmarks.Load;

/// <summary>
/// `memory --servers ... --streams 10000 --connections 100`: for each server, opens N concurrent ext_proc streams
/// (request headers sent and answered, then held open as while Envoy waits for a slow upstream), reads the server's
/// memory after a full GC (/bench/stats?gc=1), then finishes every stream (bodies and response) and reads it again.
/// Kestrel allows 100 streams per connection, so the client spreads streams over at least N/100 connections.
/// </summary>
internal static class MemoryCommand
{
    public static async Task<int> RunAsync(Arguments arguments)
    {
        var servers = arguments.Get("servers", "piiextproc:50061:9561,noop:50062:9562").Split(',').Select(ServerTarget.Parse).ToArray();
        var streams = arguments.GetInt("streams", 10_000);
        var connections = arguments.GetInt("connections", Math.Max(1, streams / 100));
        var scenario = ExchangeScenario.Find(arguments.Get("scenario", "pii-buffered"));
        Console.WriteLine($"# memory: {streams} concurrent streams over {connections} client channels, scenario {scenario.Name}");
        Console.WriteLine("| server | heap before MB | heap with streams open MB | per open stream KB | working set before MB | working set with streams MB | per open stream KB (working set) | heap after close MB | errors |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var server in servers)
        {
            using var client = new LoadClient(server.GrpcAddress, connections);
            await client.RunClosedLoopAsync(scenario, 8, TimeSpan.FromSeconds(1));
            var before = await server.StatsAsync(collect: true);
            var calls = new AsyncDuplexStreamingCall<ProcessingRequest, ProcessingResponse>[streams];
            long errors = 0;
            using (var gate = new SemaphoreSlim(256))
            {
                var opening = new Task[streams];
                for (var i = 0; i < streams; i++)
                {
                    var index = i;
                    opening[i] = Task.Run(async () =>
                    {
                        await gate.WaitAsync();
                        try
                        {
                            var call = client.NextClient().Process();
                            calls[index] = call;
                            await call.RequestStream.WriteAsync(scenario.Messages[0]);
                            if (!await call.ResponseStream.MoveNext(CancellationToken.None))
                            {
                                Interlocked.Increment(ref errors);
                            }
                        }
                        catch (RpcException)
                        {
                            Interlocked.Increment(ref errors);
                        }
                        finally
                        {
                            gate.Release();
                        }
                    });
                }

                await Task.WhenAll(opening);
            }

            await Task.Delay(1000);
            var open = await server.StatsAsync(collect: true);
            var finishing = new Task[streams];
            for (var i = 0; i < streams; i++)
            {
                var call = calls[i];
                finishing[i] = Task.Run(async () =>
                {
                    try
                    {
                        if (call is null)
                        {
                            return;
                        }

                        for (var m = 1; m < scenario.Messages.Length; m++)
                        {
                            await call.RequestStream.WriteAsync(scenario.Messages[m]);
                            if (scenario.Phases.Length > 0 && !await call.ResponseStream.MoveNext(CancellationToken.None))
                            {
                                Interlocked.Increment(ref errors);
                                return;
                            }
                        }

                        await call.RequestStream.CompleteAsync();
                        while (await call.ResponseStream.MoveNext(CancellationToken.None))
                        {
                        }
                    }
                    catch (RpcException)
                    {
                        Interlocked.Increment(ref errors);
                    }
                    finally
                    {
                        call?.Dispose();
                    }
                });
            }

            await Task.WhenAll(finishing);
            await Task.Delay(500);
            var after = await server.StatsAsync(collect: true);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {server.Name} | {Mb(before["gc_heap_bytes"])} | {Mb(open["gc_heap_bytes"])} | {(open["gc_heap_bytes"] - before["gc_heap_bytes"]) / 1024.0 / streams:0.00} | {Mb(before["working_set_bytes"])} | {Mb(open["working_set_bytes"])} | {(open["working_set_bytes"] - before["working_set_bytes"]) / 1024.0 / streams:0.00} | {Mb(after["gc_heap_bytes"])} | {errors} |"));
        }

        return 0;
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
}
