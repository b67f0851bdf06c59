using System.Globalization;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace PiiExtProc.Benchmarks.Load;

/// <summary>
/// `allocation-stacks --trace FILE [--frames 8] [--top 12]`: what allocates in a running server, by type and by call
/// stack, from an EventPipe trace of the runtime's GC AllocationTick events (one per ~100 KB allocated, naming the type
/// of the object that crossed the mark and the stack that allocated it). Record one while the server is under load:
/// <c>dotnet-trace collect -p PID --providers Microsoft-Windows-DotNETRuntime:0x1:5 --duration 00:00:00:10 -o FILE</c>
/// (<c>dotnet tool install -g dotnet-trace</c>). Shares are of the sampled bytes; a small type that often starts a new
/// allocation context can be over-counted, so read stacks of large arrays with more trust than those of small objects.
/// </summary>
internal static class AllocationStacksCommand
{
    public static int Run(Arguments arguments)
    {
        string trace = arguments.Get("trace", "");
        if (trace.Length == 0 || !File.Exists(trace))
        {
            Console.Error.WriteLine("allocation-stacks needs --trace FILE (a .nettrace recorded with dotnet-trace; see README.md)");
            return 2;
        }

        int frames = arguments.GetInt("frames", 8);
        int top = arguments.GetInt("top", 12);
        string etlx = TraceLog.CreateFromEventPipeDataFile(trace);
        var byType = new Dictionary<string, long>(StringComparer.Ordinal);
        var byStack = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        using (var log = new TraceLog(etlx))
        {
            foreach (var traceEvent in log.Events)
            {
                if (traceEvent is not GCAllocationTickTraceData tick)
                {
                    continue;
                }

                long amount = tick.AllocationAmount64;
                string type = tick.TypeName ?? "?";
                total += amount;
                byType[type] = byType.GetValueOrDefault(type) + amount;
                string stack = type + Environment.NewLine + string.Join(Environment.NewLine, Frames(traceEvent.CallStack(), frames));
                byStack[stack] = byStack.GetValueOrDefault(stack) + amount;
            }
        }

        File.Delete(etlx);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sampled bytes: {total:N0}"));
        foreach (var (type, bytes) in byType.OrderByDescending(pair => pair.Value).Take(top))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{100.0 * bytes / Math.Max(1, total),6:F1}%  {type}"));
        }

        Console.WriteLine();
        foreach (var (stack, bytes) in byStack.OrderByDescending(pair => pair.Value).Take(top))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{100.0 * bytes / Math.Max(1, total),6:F1}%  {stack}"));
            Console.WriteLine();
        }

        return 0;
    }

    private static IEnumerable<string> Frames(TraceCallStack? stack, int count)
    {
        for (int n = 0; stack is not null && n < count; stack = stack.Caller)
        {
            string method = stack.CodeAddress.FullMethodName;
            if (!string.IsNullOrEmpty(method))
            {
                n++;
                yield return "        " + (method.Length > 120 ? method[..120] : method);
            }
        }
    }
}
