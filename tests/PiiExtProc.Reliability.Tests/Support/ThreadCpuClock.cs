using System.Diagnostics;
using System.Runtime.InteropServices;

namespace PiiExtProc.Reliability.Tests.Support;

/// <summary>
/// CPU time of the calling OS thread, user and system (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>, nanosecond
/// resolution): unlike wall time it does not grow while the thread waits for a core that other processes hold, so a
/// timing ratio taken on a busy shared machine measures the work itself. Elsewhere, the wall clock.
/// </summary>
internal static partial class ThreadCpuClock
{
    /// <summary>Linux's <c>CLOCK_THREAD_CPUTIME_ID</c>.</summary>
    private const int ThreadCpuTimeClockId = 3;

    /// <summary>The thread's CPU time so far (or wall time where that is not available).</summary>
    public static TimeSpan Now()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ThreadCpuTimeClockId, out var time) == 0)
        {
            return TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100));
        }

        return Stopwatch.GetElapsedTime(0);
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);

    /// <summary>The C <c>struct timespec</c> on 64-bit Linux.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
