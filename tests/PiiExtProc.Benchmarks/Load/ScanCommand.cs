using System.Globalization;
using PiiExtProc.Benchmarks.Corpus;

namespace PiiExtProc.Benchmarks.Load;

/// <summary>
/// `scan --kind CleanJson --size 16384 [--chunk 0] [--seconds 10] [--warmup 3]`: scans one corpus body over and over
/// for a fixed CPU time with the default policy and prints MB per CPU second, after an untimed warm-up (CPU seconds) in
/// which tiered compilation and dynamic PGO settle (without it, short runs of dense bodies read 2-3x slow). Sessions are
/// rented from the scanner's pool, as the server does. Made for profilers (`perf record` with
/// DOTNET_PerfMapEnabled=1): one code path, nothing else running in the process.
/// </summary>
internal static class ScanCommand
{
    public static int Run(Arguments arguments)
    {
        var kind = Enum.Parse<BodyKind>(arguments.Get("kind", nameof(BodyKind.CleanJson)));
        var size = arguments.GetInt("size", 16 * 1024);
        var chunk = arguments.GetInt("chunk", 0);
        var seconds = arguments.GetDouble("seconds", 10);
        var body = BodyCorpus.Get(kind, size);
        var format = BodyCorpus.FormatOf(kind);
        var scanner = BenchmarkPolicy.CreateScanner();
        var output = new System.Buffers.ArrayBufferWriter<byte>(body.Length * 2);
        var warmup = arguments.GetDouble("warmup", 3);
        Run(scanner, format, body, chunk, output, warmup);
        var (scans, bytes, findings, cpuSeconds) = Run(scanner, format, body, chunk, output, seconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{kind} {body.Length} B, chunk {(chunk <= 0 ? "whole" : chunk.ToString(CultureInfo.InvariantCulture))}: {scans} scans, {findings} findings each, {bytes / 1e6 / cpuSeconds:0.0} MB per CPU second"));
        return 0;
    }

    /// <summary>
    /// Scans <paramref name="body"/> (text when <paramref name="isText"/>, else JSON; whole when <paramref name="chunk"/>
    /// is 0, else in chunks of that many bytes) with the default policy for <paramref name="seconds"/> of CPU time and
    /// returns MB per CPU second. The entry point `scan-compare` calls in both builds it compares: keep its signature.
    /// </summary>
    public static double MegabytesPerCpuSecond(byte[] body, bool isText, int chunk, double seconds)
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>(body.Length * 2);
        var format = isText ? Scanning.BodyFormat.Text : Scanning.BodyFormat.Json;
        var (_, bytes, _, cpuSeconds) = Run(s_scanner.Value, format, body, chunk, output, seconds);
        return bytes / 1e6 / cpuSeconds;
    }

    /// <summary>
    /// <see cref="MegabytesPerCpuSecond(byte[], bool, int, double)"/> for a body of any format, named as a
    /// <see cref="Scanning.BodyFormat"/> member (<c>Csv</c>, <c>Form</c>, ...): a name, not the enum, because the two builds
    /// `scan-compare` loads have two distinct enum types. Builds from session 21 on have it: keep its signature.
    /// </summary>
    public static double MegabytesPerCpuSecond(byte[] body, string format, int chunk, double seconds)
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>(body.Length * 2);
        var (_, bytes, _, cpuSeconds) = Run(s_scanner.Value, Enum.Parse<Scanning.BodyFormat>(format), body, chunk, output, seconds);
        return bytes / 1e6 / cpuSeconds;
    }

    private static readonly Lazy<Scanning.PiiScanner> s_scanner = new(BenchmarkPolicy.CreateScanner);

    private static (long Scans, long Bytes, int Findings, double CpuSeconds) Run(
        Scanning.PiiScanner scanner, Scanning.BodyFormat format, byte[] body, int chunk, System.Buffers.ArrayBufferWriter<byte> output, double seconds)
    {
        long bytes = 0;
        long scans = 0;
        var findings = 0;
        var started = CpuClock.Now();

        // The CPU clock (getrusage) costs about a microsecond, as much as scanning a 1 KB body: read it once per ~1 MB
        // scanned, so that the clock stays under 0.2% of the measured time whatever the body size.
        var scansPerClockRead = Math.Max(16, (1 << 20) / Math.Max(1, body.Length));
        while ((CpuClock.Now() - started).TotalSeconds < seconds)
        {
            for (var i = 0; i < scansPerClockRead; i++)
            {
                output.ResetWrittenCount();
                using var session = scanner.RentSession(format);
                if (chunk <= 0)
                {
                    session.Process(body, isFinal: true, output);
                }
                else
                {
                    for (var offset = 0; offset < body.Length; offset += chunk)
                    {
                        var length = Math.Min(chunk, body.Length - offset);
                        session.Process(body.AsSpan(offset, length), offset + length == body.Length, output);
                    }
                }

                findings = session.FindingCount;
                bytes += body.Length;
                scans++;
            }
        }

        return (scans, bytes, findings, (CpuClock.Now() - started).TotalSeconds);
    }
}
