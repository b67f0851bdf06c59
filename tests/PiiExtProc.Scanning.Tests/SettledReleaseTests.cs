using System.Text;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Sessions;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Which bytes a session that releases settled bytes (<see cref="BodyScanSession.ReleaseSettledBytes"/>) lets go with
/// their chunk, and what happens when malformed JSON makes a released byte change. Each body is cut in two at the
/// <c>|</c>; the output and findings are always those of the body scanned whole.
/// </summary>
public sealed class SettledReleaseTests
{
    private const string Listing = """{"page": 1, "items": [{"sku": "SKU-1", "title": "Cotton kurta", "in_stock": true}, {"sku": "SKU-2", "price": 499.00}]}""";

    /// <summary>
    /// A chunk that ends in structure, after a closed property name that cannot be data (no <c>@</c>, <c>:</c>,
    /// <c>=</c>, <c>?</c>, nor a digit before its last three bytes), or after a complete clean value comes back
    /// unchanged, holding nothing.
    /// </summary>
    [Theory]
    [InlineData("""{"page": 1,| "items": [{"sku": "SKU-1"}]}""")]
    [InlineData("""{"page": 1, "items":| [{"sku": "SKU-1"}]}""")]
    [InlineData("""{"page": 1, "items": [{"sku": "SKU-1"|}]}""")]
    [InlineData("""{"page": 1, "items": [{"sku": "SKU-1"}, |{"sku": "SKU-2"}]}""")]
    [InlineData("""{"page": 1, "in_stock": true,| "items": []}""")]
    [InlineData("""{"page": 1, "items" |: [{"sku": "SKU-1"}]}""")]
    [InlineData("""{"page": 1, "title": "Cotton kurta"|}""")]
    [InlineData("""{"page": 1, "tags": ["kurta" |]}""")]
    [InlineData("""{"page": 1, "line1" |: "x"}""")]
    public void Process_ChunkEndsOutsideValues_ComesBackUnchanged(string cutBody)
    {
        (ScanResult whole, ScanResult settled, List<ChunkResult> chunks) = RunCut(cutBody);
        Assert.True(chunks[0].IsUnchanged, $"first chunk {chunks[0]}");
        Assert.Equal(0, chunks[0].BytesHeld);
        Assert.True(chunks[1].IsUnchanged, $"last chunk {chunks[1]}");
        AssertSame(whole, settled);
    }

    /// <summary>
    /// A chunk that ends inside a value, right after a number, inside a property name (its rest may make it data, such as
    /// a mobile number), after a closed name that may be data, or after a value with a finding holds its tail.
    /// </summary>
    [Theory]
    [InlineData("""{"page": 1, "it|ems": [{"sku": "SKU-1"}]}""")]
    [InlineData("""{"page": 1, "items": [{"sku": "SKU-1"}, {"s|ku": "SKU-2"}]}""")]
    [InlineData("""{"page": 1, "title": "Cotton| kurta"}""")]
    [InlineData("""{"page": 1, "title": "|Cotton kurta"}""")]
    [InlineData("""{"page": 12|3, "title": "x"}""")]
    [InlineData("""{"page": 123 |, "title": "x"}""")]
    [InlineData("""{"in_stock": tr|ue, "title": "x"}""")]
    [InlineData("""{"items": ["SKU|-1", "SKU-2"]}""")]
    [InlineData("""{"phone": "9876543210", "no|te": "x"}""")]
    [InlineData("""{"customer": {"name": "Ravi Kumar", "ci|ty": "Pune", "email": "ravi.kumar@example.in"}}""")]
    [InlineData("""[{"sku": "SKU-1"}, {"sku": "SKU-2", "title": "Kurta|"}]""")]
    [InlineData("""[{"sku": "SKU-1"}, {"sku": "SKU-2", "qty": 12 |}]""")]
    [InlineData("""{"page": 1, "line1|": "x"}""")]
    [InlineData("""{"page": 1, "ravi@|example.in": 1}""")]
    [InlineData("""{"page": 1, "line12345" |: "x"}""")]
    public void Process_ChunkEndsInAValueOrANameOrAfterAFinding_HoldsTheTail(string cutBody)
    {
        (ScanResult whole, ScanResult settled, List<ChunkResult> chunks) = RunCut(cutBody);
        Assert.False(chunks[0].IsUnchanged, $"first chunk {chunks[0]}");
        Assert.True(chunks[0].BytesHeld > 0);
        AssertSame(whole, settled);
    }

    /// <summary>
    /// After a first record with PII (decided when it closes) and a clean item, later items are proved clean by the
    /// sibling proof: a chunk that ends between an item's properties is released whole, one that ends in its value or in
    /// a property name is not, nor one whose walked part repeats the record's name (the full scan masks the repeat).
    /// </summary>
    [Theory]
    [InlineData("""[{"name": "Ravi Kumar", "email": "ravi.kumar@example.in"}, {"sku": "SKU-1"}, {"sku": "SKU-2", |"title": "Kurta"}]""", true)]
    [InlineData("""[{"name": "Ravi Kumar", "email": "ravi.kumar@example.in"}, {"sku": "SKU-1"}, {"sku": "SKU-2", "ti|tle": "Kurta"}]""", false)]
    [InlineData("""[{"name": "Ravi Kumar", "email": "ravi.kumar@example.in"}, {"sku": "SKU-1"}, {"sku": "SKU-2", "title": "Ku|rta"}]""", false)]
    [InlineData("""[{"name": "Ravi Kumar", "email": "ravi.kumar@example.in"}, {"sku": "SKU-1"}, {"gift": "for Ravi Kumar", "ti|tle": "Kurta"}]""", false)]
    [InlineData("""[{"name": "Ravi Kumar", "email": "ravi.kumar@example.in"}, {"sku": "SKU-1"}, {"sku": "SKU-2", "line1b|": "x"}]""", false)]
    public void Process_WaitingSiblingProof_ReleasesWalkedBytesOutsideValuesOnly(string cutBody, bool released)
    {
        (ScanResult whole, ScanResult settled, List<ChunkResult> chunks) = RunCut(cutBody);
        Assert.Equal(released, chunks[1].IsUnchanged);
        Assert.Equal(released, chunks[0].BytesHeld == 0);
        AssertSame(whole, settled);
        Assert.NotEmpty(whole.Entities());
    }

    /// <summary>Malformed JSON whose text rescan rewrites only bytes after the released ones: those go out, the same as whole.</summary>
    [Theory]
    [InlineData("{\"a\": 1, \"b\"|\n 234123412346 \": 1}")]
    [InlineData("{\"a\": \"b\", \"note\" |234123412346")]
    public void Process_TextRescanAfterReleasedBytes_WritesOnlyTheRest(string cutBody)
    {
        (ScanResult whole, ScanResult settled, List<ChunkResult> chunks) = RunCut(cutBody);
        Assert.True(chunks[0].IsUnchanged);
        Assert.True(settled.FellBackToText);
        Assert.Equal(["IN_AADHAAR"], whole.Entities());
        AssertSame(whole, settled);
    }

    /// <summary>
    /// A property name cut by the chunk boundary is held, so malformed JSON whose text rescan finds PII across the cut
    /// (a name that never closes) is redacted the same as whole.
    /// </summary>
    [Theory]
    [InlineData("{\"a\": 1, \"pan ABCPE|1234F", "ABCPE")]
    [InlineData("{\"a\": 1, \"upi ravi.k|2@okaxis", "ravi.k")]
    public void Process_MalformedNameWithPiiAcrossTheCut_IsRedacted(string cutBody, string rawPart)
    {
        (ScanResult whole, ScanResult settled, List<ChunkResult> chunks) = RunCut(cutBody);
        Assert.False(chunks[0].IsUnchanged);
        Assert.True(settled.FellBackToText);
        Assert.DoesNotContain(rawPart, settled.Text, StringComparison.Ordinal);
        AssertSame(whole, settled);
    }

    /// <summary>
    /// Malformed JSON whose text rescan must rewrite a released byte: a custom recognizer (which can match any text)
    /// matches from a released closed property name on. The session throws, naming offsets only; without the release the
    /// same body is redacted.
    /// </summary>
    [Fact]
    public void Process_TextRescanReachingIntoReleasedBytes_Throws()
    {
        var scanner = PiiScanner.Create(Scanners.GuardianOptions() with
        {
            CustomRecognizers = [new CustomRecognizerDefinition("quoted_reference", PiiEntity.BankAccount, "\"ref\" [0-9]{6}", 0.9f, [], null)],
        });
        (byte[] body, int cut) = Cut("{\"a\": 1, \"ref\"| 123456}");
        ScanResult plain = Scanners.Run(scanner.CreateSession(BodyFormat.Json), body, [cut, 0]);
        Assert.DoesNotContain("123456", plain.Text, StringComparison.Ordinal);

        BodyScanSession session = scanner.CreateSession(BodyFormat.Json);
        session.ReleaseSettledBytes = true;
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        Assert.True(session.Process(body.AsSpan(0, cut), isFinal: false, output).IsUnchanged);
        var thrown = Assert.Throws<ReleasedBytesChangedException>(() => session.Process(body.AsSpan(cut), isFinal: true, output));
        Assert.Equal(cut, thrown.ReleasedTo);
        Assert.InRange(thrown.FindingOffset, 0, cut - 1);
        Assert.DoesNotContain("123456", thrown.Message, StringComparison.Ordinal);
    }

    /// <summary>With the release off (the default), a clean listing in any two chunks is always shifted by a held tail.</summary>
    [Fact]
    public void Process_ReleaseOff_HoldsTheLastValueAsBefore()
    {
        byte[] body = Encoding.UTF8.GetBytes(Listing);
        for (int cut = 1; cut < body.Length; cut++)
        {
            var chunks = new List<ChunkResult>();
            Scanners.Run(Scanners.Guardian.CreateSession(BodyFormat.Json), body, [cut, 0], chunks.Add);
            Assert.False(chunks[0].IsUnchanged);
        }
    }

    /// <summary>A rented session starts with the release off, whatever its previous owner set.</summary>
    [Fact]
    public void RentSession_AfterAnOwnerTurnedTheReleaseOn_StartsWithItOff()
    {
        var scanner = PiiScanner.Create(Scanners.GuardianOptions());
        BodyScanSession first = scanner.RentSession(BodyFormat.Json);
        first.ReleaseSettledBytes = true;
        first.Dispose();
        BodyScanSession second = scanner.RentSession(BodyFormat.Json);
        Assert.Same(first, second);
        Assert.False(second.ReleaseSettledBytes);
        second.Dispose();
    }

    private static (ScanResult Whole, ScanResult Settled, List<ChunkResult> Chunks) RunCut(string cutBody)
    {
        (byte[] body, int cut) = Cut(cutBody);
        ScanResult whole = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body, [body.Length]);
        BodyScanSession session = Scanners.Guardian.CreateSession(BodyFormat.Json);
        session.ReleaseSettledBytes = true;
        var chunks = new List<ChunkResult>();
        ScanResult settled = Scanners.Run(session, body, [cut, 0], chunks.Add);
        return (whole, settled, chunks);
    }

    private static (byte[] Body, int Cut) Cut(string cutBody)
    {
        int at = cutBody.IndexOf('|', StringComparison.Ordinal);
        return (Encoding.UTF8.GetBytes(cutBody.Remove(at, 1)), Encoding.UTF8.GetByteCount(cutBody.AsSpan(0, at)));
    }

    private static void AssertSame(ScanResult whole, ScanResult settled)
    {
        Assert.Equal(whole.Text, settled.Text);
        Assert.Equal(whole.Findings, settled.Findings);
        Assert.Equal(whole.ContainsPii, settled.ContainsPii);
    }
}
