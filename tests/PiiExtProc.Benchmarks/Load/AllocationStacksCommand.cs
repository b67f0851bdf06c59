using System.Globalization;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace PiiExtProc.Benchmarks.Load;

/// <summary>
/// `allocation-stacks --trace FILE [--frames 8] [--top 12]`: what allocates in a running server, by type and by call
/// stack, from an EventPipe trace. Prefer the runtime's randomized allocation sampling (.NET 9+; AllocationSampled
/// events, keyword 0x80000000000): every allocated byte is sampled with probability 1/102,400, so an object of S bytes
/// is sampled with probability q = 1 - e^(-S/102,400) and stands for S/q bytes, an unbiased estimate for every type
/// and stack. Record it while the server is under load:
/// <c>dotnet-trace collect -p PID --providers Microsoft-Windows-DotNETRuntime:0x80000000000:5 --duration 00:00:00:10 -o FILE</c>
/// (<c>dotnet tool install -g dotnet-trace</c>). Without such events the GC AllocationTick events are read
/// (<c>--providers Microsoft-Windows-DotNETRuntime:0x1:5</c>): one per ~100 KB allocated, credited to the object
/// whose allocation crossed the mark, which over-counts objects that follow large ones (see README.md, section 6).
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
        var sampled = new AllocationTally();
        var ticks = new AllocationTally();
        using (var log = new TraceLog(etlx))
        {
            foreach (var traceEvent in log.Events)
            {
                if (traceEvent is AllocationSampledTraceData sample)
                {
                    sampled.Add(sample.TypeName, UpscaledBytes(sample.ObjectSize), traceEvent.CallStack(), frames);
                }
                else if (traceEvent is GCAllocationTickTraceData tick)
                {
                    ticks.Add(tick.TypeName, tick.AllocationAmount64, traceEvent.CallStack(), frames);
                }
            }
        }

        File.Delete(etlx);
        AllocationTally tally = sampled.Events > 0 ? sampled : ticks;
        var (byType, byStack, total) = (tally.ByType, tally.ByStack, tally.Bytes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(sampled.Events > 0 ? "estimated bytes (AllocationSampled, unbiased)" : "sampled bytes (AllocationTick)")}: {total:N0} from {tally.Events:N0} events"));
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

    /// <summary>Bytes one sampled object of <paramref name="objectSize"/> bytes stands for: S / (1 - e^(-S/102,400)).</summary>
    private static double UpscaledBytes(long objectSize)
    {
        const double MeanBytesBetweenSamples = 100 * 1024;
        double size = Math.Max(1, objectSize);
        return size / -double.ExpM1(-size / MeanBytesBetweenSamples);
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

    /// <summary>Bytes by type and by type and stack, from one kind of event.</summary>
    private sealed class AllocationTally
    {
        public Dictionary<string, long> ByType { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, long> ByStack { get; } = new(StringComparer.Ordinal);

        public long Bytes { get; private set; }

        public int Events { get; private set; }

        public void Add(string? typeName, double bytes, TraceCallStack? stack, int frames)
        {
            string type = typeName ?? "?";
            long amount = (long)bytes;
            Events++;
            Bytes += amount;
            ByType[type] = ByType.GetValueOrDefault(type) + amount;
            string key = type + Environment.NewLine + string.Join(Environment.NewLine, Frames(stack, frames));
            ByStack[key] = ByStack.GetValueOrDefault(key) + amount;
        }
    }
}
