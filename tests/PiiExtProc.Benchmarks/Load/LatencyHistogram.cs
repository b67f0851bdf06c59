using System.Globalization;
using System.Numerics;
using System.Text;

namespace PiiExtProc.Benchmarks.Load;

/// <summary>
/// A lock-free log-linear histogram of durations in nanoseconds: 64 sub-buckets per power of two (relative error
/// below 1.6 %), up to about 18 minutes. Recording is one Interlocked.Increment; safe from many threads.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBucketBits = 6;
    private const int SubBuckets = 1 << SubBucketBits;
    private const int Exponents = 41;
    private readonly long[] _counts = new long[Exponents * SubBuckets];
    private long _total;
    private long _max;

    /// <summary>Recorded values.</summary>
    public long Count => Interlocked.Read(ref _total);

    /// <summary>Largest value recorded, ns.</summary>
    public long Max => Interlocked.Read(ref _max);

    /// <summary>Records one duration.</summary>
    public void Record(long nanoseconds)
    {
        if (nanoseconds < 0)
        {
            nanoseconds = 0;
        }

        Interlocked.Increment(ref _counts[IndexOf(nanoseconds)]);
        Interlocked.Increment(ref _total);
        var max = Interlocked.Read(ref _max);
        while (nanoseconds > max)
        {
            var seen = Interlocked.CompareExchange(ref _max, nanoseconds, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    /// <summary>Records a Stopwatch interval.</summary>
    public void RecordTicks(long stopwatchTicks) => Record((long)(stopwatchTicks * (1e9 / System.Diagnostics.Stopwatch.Frequency)));

    /// <summary>Adds every count of <paramref name="other"/>.</summary>
    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            Interlocked.Add(ref _counts[i], Interlocked.Read(ref other._counts[i]));
        }

        Interlocked.Add(ref _total, other.Count);
        _max = Math.Max(_max, other.Max);
    }

    /// <summary>Forgets everything.</summary>
    public void Reset()
    {
        Array.Clear(_counts);
        _total = 0;
        _max = 0;
    }

    /// <summary>The value at <paramref name="percentile"/> (0-100), ns: the upper edge of its bucket; 0 when empty.</summary>
    public long Percentile(double percentile)
    {
        var total = Count;
        if (total == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(percentile / 100.0 * total);
        rank = Math.Clamp(rank, 1, total);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= rank)
            {
                return Math.Min(UpperEdge(i), Max);
            }
        }

        return Max;
    }

    /// <summary>Serializes the non-empty buckets as "index:count" pairs (for the server stats endpoint).</summary>
    public string Serialize()
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"{Max}");
        for (var i = 0; i < _counts.Length; i++)
        {
            var count = Interlocked.Read(ref _counts[i]);
            if (count > 0)
            {
                builder.Append(CultureInfo.InvariantCulture, $" {i}:{count}");
            }
        }

        return builder.ToString();
    }

    /// <summary>Reads what <see cref="Serialize"/> wrote.</summary>
    public static LatencyHistogram Deserialize(string text)
    {
        var histogram = new LatencyHistogram();
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        histogram._max = long.Parse(parts[0], CultureInfo.InvariantCulture);
        for (var i = 1; i < parts.Length; i++)
        {
            var colon = parts[i].IndexOf(':', StringComparison.Ordinal);
            var index = int.Parse(parts[i].AsSpan(0, colon), CultureInfo.InvariantCulture);
            var count = long.Parse(parts[i].AsSpan(colon + 1), CultureInfo.InvariantCulture);
            histogram._counts[index] = count;
            histogram._total += count;
        }

        return histogram;
    }

    private static int IndexOf(long value)
    {
        if (value < SubBuckets)
        {
            return (int)value;
        }

        var exponent = 63 - BitOperations.LeadingZeroCount((ulong)value) - SubBucketBits + 1;
        var subBucket = (int)(value >> exponent) - (SubBuckets / 2);
        var index = SubBuckets + ((exponent - 1) * (SubBuckets / 2)) + subBucket;
        return Math.Min(index, (Exponents * SubBuckets) - 1);
    }

    private static long UpperEdge(int index)
    {
        if (index < SubBuckets)
        {
            return index;
        }

        var offset = index - SubBuckets;
        var exponent = (offset / (SubBuckets / 2)) + 1;
        var subBucket = (offset % (SubBuckets / 2)) + (SubBuckets / 2);
        return ((long)(subBucket + 1) << exponent) - 1;
    }
}
