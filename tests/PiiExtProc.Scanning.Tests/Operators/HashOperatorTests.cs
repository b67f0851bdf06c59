using System.Text;
using PiiExtProc.Scanning.Operators;
using static PiiExtProc.Scanning.Tests.Operators.OperatorTestHelper;

namespace PiiExtProc.Scanning.Tests.Operators;

public sealed class HashOperatorTests
{
    private static readonly byte[] s_keyA = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] s_keyB = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void Write_SameKeyAndValue_SameToken()
    {
        var first = Apply(new HashOperator(s_keyA, "test"), PiiEntity.Aadhaar, "234567899012");
        var second = Apply(new HashOperator(s_keyA, "test"), PiiEntity.Aadhaar, "234567899012");

        Assert.Equal(first, second);
        Assert.StartsWith("tok_", first);
        Assert.Equal(HashOperator.TokenLength, first.Length);
        Assert.Matches("^tok_[a-z2-7]{24}$", first);
    }

    [Fact]
    public void Write_DifferentKeys_DifferentTokens()
    {
        Assert.NotEqual(
            Apply(new HashOperator(s_keyA, "a"), PiiEntity.Aadhaar, "234567899012"),
            Apply(new HashOperator(s_keyB, "b"), PiiEntity.Aadhaar, "234567899012"));
    }

    [Fact]
    public void Write_DifferentEntities_DifferentTokens()
    {
        var op = new HashOperator(s_keyA, "a");

        Assert.NotEqual(Apply(op, PiiEntity.Aadhaar, "9876543210"), Apply(op, PiiEntity.IndianMobile, "9876543210"));
    }

    [Fact]
    public void Write_DifferentValues_DifferentTokens()
    {
        var op = new HashOperator(s_keyA, "a");

        Assert.NotEqual(Apply(op, PiiEntity.Email, "a@b.in"), Apply(op, PiiEntity.Email, "a@b.io"));
    }

    [Fact]
    public void Write_LongValue_UsesPooledBufferAndStaysStable()
    {
        var value = new string('a', 5000);
        var op = new HashOperator(s_keyA, "a");

        Assert.Equal(Apply(op, PiiEntity.Email, value), Apply(op, PiiEntity.Email, value));
    }

    [Fact]
    public void Write_KnownVector_MatchesHmacDefinition()
    {
        // HMAC-SHA256(key, "IN_AADHAAR" 0x1F value), first 15 bytes, RFC 4648 base32 lower case.
        var input = Encoding.UTF8.GetBytes("IN_AADHAAR\u001f234567899012");
        var mac = System.Security.Cryptography.HMACSHA256.HashData(s_keyA, input);
        var expected = "tok_" + Base32(mac.AsSpan(0, 15));

        Assert.Equal(expected, Apply(new HashOperator(s_keyA, "a"), PiiEntity.Aadhaar, "234567899012"));
    }

    [Fact]
    public void Constructor_ShortKey_ThrowsWithoutKeyBytes()
    {
        var key = Encoding.UTF8.GetBytes("short-secret-key");

        var error = Assert.Throws<ArgumentException>(() => new HashOperator(key, "env"));

        Assert.DoesNotContain("short-secret-key", error.Message);
        Assert.Contains("16 bytes", error.Message);
    }

    [Fact]
    public void ToString_NamesTheSourceNotTheKey()
    {
        var text = new HashOperator(s_keyA, "PIIEXTPROC_HASH_KEY").ToString();

        Assert.Equal("hash(key from PIIEXTPROC_HASH_KEY)", text);
    }

    private static string Base32(ReadOnlySpan<byte> bytes)
    {
        const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var bits = string.Concat(bytes.ToArray().Select(b => Convert.ToString(b, 2).PadLeft(8, '0')));
        var builder = new StringBuilder();
        for (var i = 0; i < bits.Length; i += 5)
        {
            builder.Append(Alphabet[Convert.ToInt32(bits.Substring(i, 5), 2)]);
        }

        return builder.ToString();
    }
}
