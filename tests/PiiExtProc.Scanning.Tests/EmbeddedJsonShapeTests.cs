using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Recognition;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// <see cref="JsonShape.IsOneDocument"/>, the non-throwing check before an embedded document is read as JSON: it must
/// accept exactly what <see cref="Utf8JsonReader"/> reads as one object or array (valid UTF-8, the same depth limit), so
/// the reader never throws on a value that only starts like JSON and no embedded JSON document is read as text.
/// </summary>
public sealed class EmbeddedJsonShapeTests
{
    private static readonly byte[] s_insertions = "{}[]\",: 0-e.E+\\u/tnx1\u00e9"u8.ToArray();

    [Fact]
    public void IsOneDocument_GeneratedAndMutatedDocuments_AgreesWithUtf8JsonReader()
    {
        var random = new Random(20261123);
        int accepted = 0;
        for (int n = 0; n < 6000; n++)
        {
            byte[] text = Encoding.UTF8.GetBytes(CleanJsonProofPropertyTests.Body(random));
            text = Mutate(text, random, random.Next(4));
            bool expected = Utf8.IsValid(text) && ReaderReadsOneDocument(text);
            Assert.True(expected == JsonShape.IsOneDocument(text, Detector.MaxEmbeddedJsonDepth),
                $"reader {expected}, shape check {!expected}: {Encoding.UTF8.GetString(text)}");
            accepted += expected ? 1 : 0;
        }

        Assert.InRange(accepted, 1000, 5000);
    }

    [Theory]
    [InlineData(16, true)]
    [InlineData(17, false)]
    public void IsOneDocument_DepthLimit_SameAsTheReader(int depth, bool expected)
    {
        byte[] text = Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth));

        Assert.Equal(expected, ReaderReadsOneDocument(text));
        Assert.Equal(expected, JsonShape.IsOneDocument(text, Detector.MaxEmbeddedJsonDepth));
    }

    [Theory]
    [InlineData("{name} ordered {qty}")]
    [InlineData("{\"a\":x}")]
    [InlineData("[1, 2,]")]
    [InlineData("{\"a\":01}")]
    [InlineData("{\"a\":\"b\"} tail")]
    [InlineData("{\"a\":\"\\q\"}")]
    [InlineData("[\"tab\there\"]")]
    [InlineData("{\"a\" \"b\"}")]
    [InlineData("[-]")]
    [InlineData("[1.]")]
    [InlineData("[1e]")]
    [InlineData("[tru]")]
    [InlineData("{{}}")]
    public void IsOneDocument_NotJson_False(string text) => Assert.False(JsonShape.IsOneDocument(Encoding.UTF8.GetBytes(text), Detector.MaxEmbeddedJsonDepth));

    [Fact]
    public void Process_ManyValuesThatOnlyStartLikeJson_NoExceptionThrown()
    {
        // Templates and fragments in every value of a body: each is checked without an exception (a thrown and caught
        // exception per value would multiply the scan's cost for a hostile body).
        var body = new StringBuilder("[");
        for (int n = 0; n < 500; n++)
        {
            body.Append(n == 0 ? "" : ",").Append("""{"t":"{name} ordered {qty}","u":"{\"a\":x","v":"[1, 2,]"}""");
        }

        body.Append(']');
        int thread = Environment.CurrentManagedThreadId;
        int thrown = 0;
        void Count(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            if (Environment.CurrentManagedThreadId == thread)
            {
                Interlocked.Increment(ref thrown);
            }
        }

        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            Scanners.Run(PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance)), BodyFormat.Json, body.ToString());
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }

        Assert.Equal(0, thrown);
    }

    private static bool ReaderReadsOneDocument(byte[] text)
    {
        try
        {
            var reader = new Utf8JsonReader(text, new JsonReaderOptions { MaxDepth = Detector.MaxEmbeddedJsonDepth });
            if (!reader.Read() || reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static byte[] Mutate(byte[] text, Random random, int mutations)
    {
        var bytes = new List<byte>(text);
        for (int m = 0; m < mutations && bytes.Count > 0; m++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0:
                    bytes.RemoveAt(at);
                    break;
                case 1:
                    bytes.Insert(at, s_insertions[random.Next(s_insertions.Length)]);
                    break;
                case 2:
                    bytes.Insert(at, 0xFF);
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }
}
