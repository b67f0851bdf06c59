using System.Buffers;
using System.Text;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>Findings carry the JSON path of their value, whether the path string is cached or built anew.</summary>
public sealed class JsonPathTests
{
    [Fact]
    public void Process_RepeatedAndVariedPaths_EachFindingHasItsOwnPath()
    {
        var body = new StringBuilder("[");
        var expected = new List<string>();
        for (int i = 0; i < 80; i++)
        {
            string key = i % 3 == 0 ? "email" : "contact_email_" + i;
            body.Append(i == 0 ? "" : ",").Append("{\"").Append(key).Append("\":\"user").Append(i).Append("@example.com\"}");
            expected.Add("$[]." + key);
        }

        IReadOnlyList<PiiFinding> findings = Scan(body.Append(']').ToString());

        Assert.Equal(expected, findings.Select(f => f.JsonPath));
    }

    [Fact]
    public void Process_NonAsciiAndLongKeys_PathsDecodedFromUtf8()
    {
        string longKey = "email_" + new string('k', 300);
        string json = "{\"données\":{\"e-mail\":\"a.user@example.com\"},\"" + longKey + "\":\"b.user@example.com\"}";

        IReadOnlyList<PiiFinding> findings = Scan(json);

        Assert.Equal(2, findings.Count);
        Assert.Equal("$.données.e-mail", findings[0].JsonPath);
        Assert.Equal("$." + longKey[..256], findings[1].JsonPath);
    }

    [Fact]
    public void Process_NestedArraysAndBracketKey_ElementAndPropertyPathsDiffer()
    {
        string json = "[{\"a\":[{\"[]\":\"a.user@example.com\"}],\"b\":{\"c\":[[\"b.user@example.com\"]]}},"
            + "{\"a\":[{\"[]\":\"c.user@example.com\"}],\"b\":{\"c\":[[\"d.user@example.com\"]]}}]";

        IReadOnlyList<PiiFinding> findings = Scan(json);

        Assert.Equal(["$[].a[].[]", "$[].b.c[][]", "$[].a[].[]", "$[].b.c[][]"], findings.Select(f => f.JsonPath));
    }

    [Fact]
    public void Process_PathLongerThanTheCacheLimit_BuiltWhole()
    {
        string k1 = new('a', 100), k2 = new('b', 100), k3 = new('c', 100);
        string json = "{\"" + k1 + "\":{\"" + k2 + "\":[{\"" + k3 + "\":{\"email\":\"a.user@example.com\"}}]}}";

        IReadOnlyList<PiiFinding> findings = Scan(json);

        Assert.Equal("$." + k1 + "." + k2 + "[]." + k3 + ".email", Assert.Single(findings).JsonPath);
    }

    private static IReadOnlyList<PiiFinding> Scan(string json)
    {
        var output = new ArrayBufferWriter<byte>();
        using var session = Scanners.Guardian.CreateSession(BodyFormat.Json);
        session.Process(Encoding.UTF8.GetBytes(json), isFinal: true, output);
        return session.Findings.ToList();
    }
}
