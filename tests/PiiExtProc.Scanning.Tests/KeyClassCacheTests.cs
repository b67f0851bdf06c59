using System.Text;
using PiiExtProc.Scanning.Recognition;
using PiiExtProc.Scanning.Sessions;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

public sealed class KeyClassCacheTests
{
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
}
