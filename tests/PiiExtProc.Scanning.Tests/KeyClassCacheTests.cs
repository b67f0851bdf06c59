using System.Text;
using PiiExtProc.Scanning.Recognition;
using PiiExtProc.Scanning.Sessions;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

public sealed class KeyClassCacheTests
{
    [Fact]
    public void KeyClass_IsEightBytes_AndKeepsEachMember()
    {
        // Copied for every JSON value and property (frames, cache entries): one register, not a 12-byte copy.
        Assert.Equal(8, System.Runtime.CompilerServices.Unsafe.SizeOf<KeyClass>());
        var keyClass = new KeyClass(0x80000001u, negative: true, ValueRole.PostalAddress, ValueRole.CityPart, AttributeMember.Value);
        Assert.Equal(0x80000001u, keyClass.Entities);
        Assert.True(keyClass.Negative);
        Assert.Equal(ValueRole.PostalAddress, keyClass.Role);
        Assert.Equal(ValueRole.CityPart, keyClass.MemberPartRole);
        Assert.Equal(AttributeMember.Value, keyClass.Attribute);
        KeyClass changed = keyClass with { Attribute = AttributeMember.Label, Negative = false };
        Assert.Equal((false, AttributeMember.Label), (changed.Negative, changed.Attribute));
        Assert.Equal((true, AttributeMember.None), ((keyClass with { Attribute = AttributeMember.None }).Negative, AttributeMember.None));
    }

    [Fact]
    public void Classify_ManyKeysRepeated_SameAsTable()
    {
        KeywordTable table = Scanners.Guardian.Keywords;
        string[] words = ["name", "phone", "order", "id", "customer", "address", "aadhar", "sku", "email", "first", "ip", "x"];
        var random = new Random(7);
        var keys = new List<string>();
        for (int n = 0; n < 400; n++)
        {
            keys.Add(words[random.Next(words.Length)] + (random.Next(2) == 0 ? "_" : "") + words[random.Next(words.Length)]);
        }

        keys.Add(new string('a', 40) + "_name");
        keys.Add("");
        var cache = default(KeyClassCache);
        try
        {
            for (int round = 0; round < 3; round++)
            {
                foreach (string key in keys)
                {
                    byte[] bytes = Encoding.UTF8.GetBytes(key);
                    Assert.Equal(table.ClassifyKey(bytes), cache.Classify(bytes, table));
                }
            }
        }
        finally
        {
            cache.Return();
        }
    }

    /// <summary>A forgotten entry (a name that was data) no longer holds its bytes: the next lookup classifies it anew.</summary>
    [Fact]
    public void Forget_Entry_NextLookupMissesAndRemembersTheTriggerTest()
    {
        KeywordTable table = Scanners.Guardian.Keywords;
        var cache = default(KeyClassCache);
        try
        {
            cache.Classify("9876543210"u8, "9876543210"u8, table, out _, out int entry, out int stamp, out bool mayHoldEntity);
            Assert.True(mayHoldEntity);
            cache.Classify("9876543210"u8, "9876543210"u8, table, out _, out int again, out int sameStamp, out _);
            Assert.Equal((entry, stamp), (again, sameStamp));

            cache.Forget(entry);
            cache.Classify("9876543210"u8, "9876543210"u8, table, out _, out int afterForget, out int newStamp, out bool stillDigits);
            Assert.NotEqual(stamp, newStamp);
            Assert.True(stillDigits);
            Assert.True(afterForget >= 0);
        }
        finally
        {
            cache.Return();
        }
    }

    /// <summary>A key too long to cache gets its trigger test from the whole name it is a prefix of.</summary>
    [Fact]
    public void Classify_UncachedKey_TriggerTestOfTheWholeName()
    {
        KeywordTable table = Scanners.Guardian.Keywords;
        var cache = default(KeyClassCache);
        try
        {
            ReadOnlySpan<byte> whole = "customer_reference_identifier_for_ravi.kumar@example.in"u8;
            cache.Classify(whole[..40], whole, table, out _, out int entry, out _, out bool mayHoldEntity);
            Assert.Equal(-1, entry);
            Assert.True(mayHoldEntity);
            cache.Classify(whole[..40], whole[..40], table, out _, out _, out _, out bool prefixOnly);
            Assert.False(prefixOnly);
        }
        finally
        {
            cache.Return();
        }
    }

    [Fact]
    public void TryGetPath_EntryReplacedByAnotherKey_NotFound()
    {
        KeywordTable table = Scanners.Guardian.Keywords;
        var cache = default(KeyClassCache);
        try
        {
            cache.Classify("mobile"u8, "mobile"u8, table, out _, out int entry, out int stamp, out bool mayHoldEntity);
            Assert.False(mayHoldEntity);
            cache.RememberPath(entry, stamp, "$[]", "$[].mobile");
            Assert.True(cache.TryGetPath(entry, stamp, "$[]", out string path));
            Assert.Equal("$[].mobile", path);
            Assert.False(cache.TryGetPath(entry, stamp, "$.other", out _));

            // Other keys until the entry holds another key: the remembered path must not come back for it.
            for (int n = 0; n < 10_000; n++)
            {
                byte[] key = Encoding.UTF8.GetBytes("key" + n);
                cache.Classify(key, key, table, out _, out int other, out int otherStamp, out bool digits);
                Assert.Equal(n >= 1000, digits); // a digit before the last three bytes
                if (other == entry)
                {
                    Assert.NotEqual(stamp, otherStamp);
                    Assert.False(cache.TryGetPath(entry, stamp, "$[]", out _));
                    Assert.False(cache.TryGetPath(other, otherStamp, "$[]", out _));
                    return;
                }
            }

            Assert.Fail("No key replaced the entry.");
        }
        finally
        {
            cache.Return();
        }
    }
}
