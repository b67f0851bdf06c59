using System.Text;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Operators;

namespace PiiExtProc.Policy.Tests;

public sealed class HashKeyTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pii-policy-key-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Hash_DefaultEnvironmentVariable_BuildsStableTokens()
    {
        var environment = new Dictionary<string, string> { ["PIIEXTPROC_HASH_KEY"] = TestPolicies.Key32Base64 };

        var first = TestPolicies.Compile("version: 1\nentities: {IN_MOBILE: hash}\n", environment);
        var second = TestPolicies.Compile("version: 1\nentities: {IN_MOBILE: hash}\n", environment);

        Assert.Equal(Token(first), Token(second));
        Assert.Equal("hash(key from PIIEXTPROC_HASH_KEY)", first.DefaultRule.ScannerOptions.Entities[PiiEntity.IndianMobile].Operator.ToString());
    }

    [Fact]
    public void Hash_KeyFile_DiffersFromOtherKey()
    {
        var keyFile = Path.Combine(_directory, "hash.key");
        File.WriteAllText(keyFile, Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray()) + "\n");
        var environment = new Dictionary<string, string> { ["OTHER_KEY"] = TestPolicies.Key32Base64 };

        var fromFile = TestPolicies.Compile($"version: 1\nentities:\n  IN_MOBILE: {{operator: {{type: hash, key_file: '{keyFile}'}}}}\n");
        var fromEnvironment = TestPolicies.Compile("version: 1\nhash_key_env: OTHER_KEY\nentities: {IN_MOBILE: hash}\n", environment);

        Assert.NotEqual(Token(fromFile), Token(fromEnvironment));
    }

    [Fact]
    public void Hash_MissingKeyFile_ReportsLineWithoutPath()
    {
        var exception = TestPolicies.Fails("version: 1\nentities:\n  IN_MOBILE:\n    operator: {type: hash, key_file: /nonexistent/secret.key}\n");

        var error = Assert.Single(exception.Errors);
        Assert.Equal((4, 38), (error.Line, error.Column));
        Assert.Contains("the hash key file cannot be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_UnsetEnvironmentVariable_ReportsWhereHashIsUsed()
    {
        var exception = TestPolicies.Fails("version: 1\nentities:\n  IN_MOBILE: hash\n  IN_PAN: hash\n");

        Assert.Equal([3, 4], exception.Errors.Select(e => e.Line).ToArray());
        Assert.Contains("PIIEXTPROC_HASH_KEY is not set", exception.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_ShortOrInvalidKey_ErrorsNeverEchoTheKey()
    {
        var shortKey = Convert.ToBase64String(Encoding.UTF8.GetBytes("tiny-secret-key-material"));
        var pasted = "c2VjcmV0LWtleS1wYXN0ZWQtaW50by10aGUtcG9saWN5LWZpbGU=";
        var keyFile = Path.Combine(_directory, "short.key");
        File.WriteAllText(keyFile, shortKey);
        var environment = new Dictionary<string, string> { ["SHORT"] = shortKey, ["NOTB64"] = "not base64 !!!" };

        var exception = TestPolicies.Fails($"""
            version: 1
            entities:
              IN_MOBILE: {"{"}operator: {"{"}type: hash, key_env: SHORT{"}}"}
              IN_PAN: {"{"}operator: {"{"}type: hash, key_env: NOTB64{"}}"}
              IN_AADHAAR: {"{"}operator: {"{"}type: hash, key_file: '{keyFile}'{"}}"}
              IN_PASSPORT: {"{"}operator: {"{"}type: hash, key_env: '{pasted}'{"}}"}
              IN_VOTER_ID: {"{"}operator: {"{"}type: hash, key_file: '{pasted}'{"}}"}
            """, environment);

        Assert.Equal(5, exception.Errors.Count);
        foreach (var secret in new[] { shortKey, "tiny-secret-key-material", "not base64 !!!", pasted })
        {
            Assert.DoesNotContain(secret, exception.Message, StringComparison.Ordinal);
        }

        Assert.Contains("24-byte key; at least 32", exception.Message, StringComparison.Ordinal);
    }

    private static string Token(PolicySnapshot snapshot)
    {
        var writer = new System.Buffers.ArrayBufferWriter<byte>();
        snapshot.DefaultRule.ScannerOptions.Entities[PiiEntity.IndianMobile].Operator.Write(PiiEntity.IndianMobile, "9876543210"u8, writer);
        var token = Encoding.UTF8.GetString(writer.WrittenSpan);
        Assert.StartsWith("tok_", token);
        Assert.Equal(HashOperator.TokenLength, token.Length);
        return token;
    }
}
