using BenchmarkDotNet.Running;
using PiiExtProc.Benchmarks;
using PiiExtProc.Benchmarks.Load;

// Commands (README.md beside this file): bench (default; BenchmarkDotNet), server, frames, load, h2report, memory, allocations, allocation-stacks,
// scan, scan-compare, scan-golden, unchanged-chunks.
var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "bench";
var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
var arguments = new Arguments(rest);
return command switch
{
    "bench" => RunBenchmarks(rest),
    "server" => await BenchServer.RunAsync(arguments),
    "frames" => FramesCommand.Run(arguments),
    "load" => await LoadCommand.RunAsync(arguments),
    "h2report" => H2LoadReport.Run(arguments),
    "memory" => await MemoryCommand.RunAsync(arguments),
    "allocations" => AllocationsCommand.Run(arguments),
    "allocation-stacks" => AllocationStacksCommand.Run(arguments),
    "scan" => ScanCommand.Run(arguments),
    "scan-compare" => ScanCompareCommand.Run(arguments),
    "scan-golden" => ScanGoldenCommand.Run(arguments),
    "unchanged-chunks" => UnchangedChunksCommand.Run(arguments),
    _ => Usage(),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Arguments).Assembly).Run(args);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: PiiExtProc.Benchmarks [bench|server|frames|load|h2report|memory|allocations|allocation-stacks|scan|scan-compare|scan-golden|unchanged-chunks] [options]; see README.md");
    return 2;
}
