using System.Buffers;
using System.Diagnostics;
using System.Text;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Tests.Support;
using Xunit.Abstractions;

namespace PiiExtProc.Scanning.Tests;

/// <summary>Rough throughput and allocation numbers, printed (no timing assertions; benchmarks come later).</summary>
[Trait("Category", "Probe")]
public sealed class ThroughputProbe(ITestOutputHelper output)
{
    [Fact]
    public void Measure_CleanAndDense_PrintsNumbers()
    {
        var clean = new StringBuilder("[");
        for (int i = 0; clean.Length < 1_000_000; i++)
        {
            clean.Append(i == 0 ? "" : ",").Append("{\"id\":").Append(i).Append(",\"title\":\"Stainless steel water bottle, 750 ml\",\"price\":")
                .Append(499 + i % 300).Append(",\"in_stock\":true,\"tags\":[\"kitchen\",\"travel\"],\"rating\":4.").Append(i % 10).Append('}');
        }

        byte[] cleanBody = Encoding.UTF8.GetBytes(clean.Append(']').ToString());
        var dense = new StringBuilder();
        while (dense.Length < 1_000_000)
        {
            dense.Append("{\"name\": \"Rajesh Kumar\", \"email\": \"rajesh.kumar@email.com\", \"phone\": \"9876543210\", \"aadhar\": \"234567890124\", \"address\": \"123 MG Road, Bangalore, 560001\", \"order_id\": 12345}\n");
        }

        byte[] denseBody = Encoding.UTF8.GetBytes(dense.ToString());
        byte[] text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("2025-11-22T10:00:00Z INFO request completed path=/api/v1/cart status=200 bytes=5123 ms=12\n", 12000)));
        output.WriteLine(Measure("clean JSON", cleanBody, BodyFormat.Json));
        output.WriteLine(Measure("dense JSON", denseBody, BodyFormat.Json));
        output.WriteLine(Measure("log text", text, BodyFormat.Text));
        File.WriteAllText("/tmp/throughput.txt", Measure("clean JSON", cleanBody, BodyFormat.Json) + "\n" + Measure("dense JSON", denseBody, BodyFormat.Json) + "\n" + Measure("log text", text, BodyFormat.Text));
    }

    private static string Measure(string name, byte[] body, BodyFormat format)
    {
        var writer = new ArrayBufferWriter<byte>(body.Length * 2);
        void Once()
        {
            writer.ResetWrittenCount();
            using var session = Scanners.Guardian.CreateSession(format);
            session.Process(body, true, writer);
        }

        Once();
        Once();
        const int Iterations = 3;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < Iterations; i++)
        {
            Once();
        }

        watch.Stop();
        long allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / Iterations;
        double mbPerSecond = body.Length * (double)Iterations / watch.Elapsed.TotalSeconds / 1e6;
        return $"{name}: {body.Length / 1e6:F2} MB, {mbPerSecond:F0} MB/s, {allocated} bytes allocated per scan";
    }
}
