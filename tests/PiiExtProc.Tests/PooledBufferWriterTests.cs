using PiiExtProc.Processing;

namespace PiiExtProc.Tests;

/// <summary>The reply buffer of a stream direction: sized once for a whole body, bytes kept in order.</summary>
public sealed class PooledBufferWriterTests
{
    [Fact]
    public void Write_ExpectedBytesSet_FirstArrayHoldsTheWholeBody()
    {
        // Arrange
        using var writer = new PooledBufferWriter { ExpectedBytes = 1 << 20 };
        var piece = new byte[100];

        // Act: a rewritten 1 MB body arrives in small writes.
        var capacities = new HashSet<int>();
        for (var i = 0; i < (1 << 20) / piece.Length; i++)
        {
            piece.AsSpan().Fill((byte)i);
            piece.CopyTo(writer.GetSpan(piece.Length));
            writer.Advance(piece.Length);
            capacities.Add(writer.Capacity);
        }

        // Assert: one array, the bytes in order.
        Assert.Single(capacities);
        Assert.True(writer.Capacity >= 1 << 20);
        Assert.Equal((byte)0, writer.WrittenMemory.Span[99]);
        Assert.Equal((byte)1, writer.WrittenMemory.Span[100]);
    }

    [Fact]
    public void Write_NothingExpected_GrowsByDoublingAndKeepsBytes()
    {
        using var writer = new PooledBufferWriter();
        var data = Enumerable.Range(0, 20_000).Select(i => (byte)(i * 7)).ToArray();
        for (var i = 0; i < data.Length; i += 1000)
        {
            data.AsSpan(i, 1000).CopyTo(writer.GetSpan(1000));
            writer.Advance(1000);
        }

        Assert.Equal(data, writer.WrittenMemory.ToArray());
        Assert.InRange(writer.Capacity, 20_000, 40_000);
    }

    [Fact]
    public void Reset_ClearsTheExpectation()
    {
        using var writer = new PooledBufferWriter { ExpectedBytes = 1 << 20 };
        writer.Reset();
        writer.GetSpan(10);
        Assert.InRange(writer.Capacity, 4096, 16_384);
    }
}
