namespace PiiExtProc.Benchmarks.Load;

/// <summary>CPU time of this process: on a shared machine, throughput per CPU second is stable where wall time is not.</summary>
internal static class CpuClock
{
    public static TimeSpan Now()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
