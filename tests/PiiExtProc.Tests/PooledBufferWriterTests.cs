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

    [Theory]
    [InlineData(1000)]
    [InlineData(PooledBufferWriter.MaxRetainedBytes)]
    public void Recycle_ShortArray_KeptEmpty(int bytes)
    {
        using var writer = new PooledBufferWriter { ExpectedBytes = 1 };
        writer.GetSpan(bytes);
        writer.Advance(bytes);
        var capacity = writer.Capacity;

        writer.Recycle();

        Assert.Equal(capacity, writer.Capacity);
        Assert.Equal(0, writer.WrittenCount);
        writer.GetSpan(10);
        Assert.Equal(capacity, writer.Capacity); // no expectation left over: the kept array serves
    }

    [Fact]
    public void Recycle_LongArray_ReturnedToThePool()
    {
        using var writer = new PooledBufferWriter();
        writer.GetSpan(PooledBufferWriter.MaxRetainedBytes + 1);
        writer.Advance(100);

        writer.Recycle();

        Assert.Equal(0, writer.Capacity);
        Assert.Equal(0, writer.WrittenCount);
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
