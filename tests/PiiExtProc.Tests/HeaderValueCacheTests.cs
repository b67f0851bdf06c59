using System.Text;
using PiiExtProc.Processing;

namespace PiiExtProc.Tests;

public sealed class HeaderValueCacheTests
{
    [Fact]
    public void Get_SameBytesTwice_SameStringInstance()
    {
        var first = HeaderValueCache.Get("application/json; charset=utf-8"u8);
        var second = HeaderValueCache.Get("application/json; charset=utf-8"u8);

        Assert.Equal("application/json; charset=utf-8", first);
        Assert.Same(first, second);
    }

    [Fact]
    public void Get_ManyDistinctValues_EachDecodedCorrectly()
    {
        // More values than entries: collisions replace entries and never return another value's string.
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 2000; i++)
            {
                var text = $"host-{i}.shop.example";
                Assert.Equal(text, HeaderValueCache.Get(Encoding.UTF8.GetBytes(text)));
            }
        }
    }

    [Fact]
    public void Get_LongOrNonAsciiValue_DecodedAsUtf8()
    {
        var longValue = new string('a', HeaderValueCache.MaxValueBytes + 1);
        Assert.Equal(longValue, HeaderValueCache.Get(Encoding.UTF8.GetBytes(longValue)));
        Assert.Equal("text/plain; name=\"résumé\"", HeaderValueCache.Get(Encoding.UTF8.GetBytes("text/plain; name=\"résumé\"")));
        Assert.Equal("", HeaderValueCache.Get([]));
    }
}
