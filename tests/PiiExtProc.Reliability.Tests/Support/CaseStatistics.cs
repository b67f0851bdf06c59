using System.Diagnostics;
using Xunit.Abstractions;

namespace PiiExtProc.Reliability.Tests.Support;

/// <summary>
/// Runs hostile-input cases under a hang guard and keeps the numbers the issue note needs: cases run, the slowest
/// case, managed memory and working set before and after. No timing assertion: the guard only catches hangs.
/// </summary>
internal sealed class CaseStatistics
{
    /// <summary>A case that takes longer than this is a hang, not a slow case.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private readonly string _name;
    private readonly long _managedBefore;
    private readonly long _workingSetBefore;
    private readonly Stopwatch _total = Stopwatch.StartNew();

    public CaseStatistics(string name)
    {
        _name = name;
        _managedBefore = SettledManagedBytes();
        _workingSetBefore = Environment.WorkingSet;
    }

    public int Cases { get; private set; }

    public TimeSpan MaxCase { get; private set; }

    public long ManagedAfter { get; private set; }

    public long ManagedBefore => _managedBefore;

    /// <summary>Runs one case inline, timing it; <see cref="Guard"/> wraps the batch against hangs.</summary>
    public void Run(Action testCase)
    {
        var started = Stopwatch.GetTimestamp();
        testCase();
        Record(Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Runs one case on the thread pool and fails if it does not finish within <see cref="HangGuard"/>.</summary>
    public void RunGuarded(Action testCase)
    {
        var started = Stopwatch.GetTimestamp();
        var task = Task.Run(testCase);
        if (!task.Wait(HangGuard))
        {
            throw new TimeoutException($"{_name}: case {Cases} did not finish within {HangGuard.TotalSeconds} s (hang).");
        }

        Record(Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Runs a batch of cases on the thread pool under a hang guard scaled by the case count.</summary>
    public static void Guard(string name, TimeSpan limit, Action batch)
    {
        var task = Task.Run(batch);
        if (!task.Wait(limit))
        {
            throw new TimeoutException($"{name}: did not finish within {limit.TotalSeconds} s (hang).");
        }

        task.GetAwaiter().GetResult();
    }

    public void Record(TimeSpan elapsed)
    {
        Cases++;
        if (elapsed > MaxCase)
        {
            MaxCase = elapsed;
        }
    }

    /// <summary>Prints the numbers and returns the retained managed growth in bytes after a full GC.</summary>
    public long Report(ITestOutputHelper output)
    {
        ManagedAfter = SettledManagedBytes();
        var growth = ManagedAfter - _managedBefore;
        output.WriteLine(
            $"{_name}: cases={Cases} total={_total.Elapsed.TotalSeconds:F2}s maxCase={MaxCase.TotalMilliseconds:F1}ms " +
            $"managedBefore={Mib(_managedBefore)} managedAfter={Mib(ManagedAfter)} " +
            $"workingSetBefore={Mib(_workingSetBefore)} workingSetAfter={Mib(Environment.WorkingSet)}");
        return growth;
    }

    public static long SettledManagedBytes()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    public static string Mib(long bytes) => $"{bytes / (1024.0 * 1024.0):F1}MiB";
}
