using System.Text;
using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Tests;

/// <summary>The scanner-wide key class cache: shared by threads, never returns another key's class.</summary>
public sealed class SharedKeyClassCacheTests
{
    private static readonly string[] s_words =
        ["customer", "phone", "name", "email", "order", "id", "ip", "address", "city", "pan", "aadhaar", "first", "last", "sku", "price"];

    /// <summary>Many keys (more than the cache holds, so entries collide and are replaced) in several casings.</summary>
    private static List<byte[]> Keys()
    {
        var keys = new List<byte[]>();
        for (int i = 0; i < 3000; i++)
        {
            string key = s_words[i % s_words.Length] + (i % 3 == 0 ? "_" : "") + s_words[(i / s_words.Length) % s_words.Length] + (i % 7);
            keys.Add(Encoding.UTF8.GetBytes(i % 2 == 0 ? key : key.ToUpperInvariant()));
        }

        return keys;
    }

    [Fact]
    public void ClassifyKey_ConcurrentThreads_SameAsAloneWithoutCache()
    {
        List<byte[]> keys = Keys();
        var shared = new KeywordTable([]);
        KeyClass[] expected = keys.Select(k => shared.ClassifyKeyUncached(k)).ToArray();
        int wrong = 0;

        Parallel.For(0, 8, worker =>
        {
            for (int round = 0; round < 20; round++)
            {
                for (int i = 0; i < keys.Count; i++)
                {
                    int k = (i * (worker + 1) + round) % keys.Count;
                    if (shared.ClassifyKey(keys[k]) != expected[k])
                    {
                        Interlocked.Increment(ref wrong);
                    }
                }
            }
        });

        Assert.Equal(0, wrong);
    }

    [Fact]
    public void TryGet_AfterAdd_ReturnsOnlyTheSameKey()
    {
        var cache = new SharedKeyClassCache();
        var value = new KeyClass(5, false, ValueRole.PersonName);
        cache.Add("customer_name"u8, 42, value);

        Assert.True(cache.TryGet("customer_name"u8, 42, out KeyClass found));
        Assert.Equal(value, found);
        Assert.False(cache.TryGet("customer_namf"u8, 42, out _));
        Assert.False(cache.TryGet("customer_name"u8, 43, out _));
    }
}
