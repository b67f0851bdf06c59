using System.Buffers;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Recognition;
using PiiExtProc.Scanning.Sessions;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

public sealed class ScanSessionPoolTests
{
    /// <summary>Fields a reset session keeps from its previous body on purpose: configuration, lists (emptied), buffers, caches.</summary>
    private static readonly HashSet<string> s_keptFields =
    [
        "_scanner", "_detector", "_limits", "_minimumDistinct", "_findings", "_scratchMatches", "_slots", "_matches", "_records",
        "_held", "_decoded", "_names", "_frames", "_operatorOutput", "_encodedOutput", "_keyCache", "_pathCache", "_pool", "_rented",
        "<RentCount>k__BackingField", "_entities", "_recognizers", "_paths", "_boundary",
        "_csvColumnKeys", "_csvHeaderNames", "_csvHeaderRanges", "_tableColumns", "_tableHeaderRow", "_tableCellMatches",
        "_repeatedValues", "_repeatedBytes", "_repeatScratch", "_repeatMerge", "_fingerprintGroups", "_columns",
    ];

    [Fact]
    public void RentSession_AfterCompletedFailedAndAbandonedBodies_SameOutputAndFindingsAsFreshSession()
    {
        // Small records and few kept findings, so that oversize records, text fallback and the findings cap all occur;
        // fingerprints on, so that they are compared too.
        ScannerOptions options = Scanners.GuardianOptions(maxRecordBytes: 1024) with { FingerprintKey = "pool-test-key"u8.ToArray() };
        var scanner = PiiScanner.Create(options with { Limits = options.Limits with { MaxFindingsKept = 5 } });
        var random = new Random(20261123);
        int reused = 0;
        for (int i = 0; i < 600; i++)
        {
            byte[] body = BodyGenerator.Generate(random.Next());
            BodyFormat format = random.Next(8) switch
            {
                0 => BodyFormat.Text,
                1 => BodyFormat.Markup,
                2 => BodyFormat.FormUrlEncoded,
                3 => BodyFormat.Multipart,
                4 => BodyFormat.Csv,
                _ => BodyFormat.Json,
            };
            int[] chunks = RandomChunks(random, body.Length);
            switch (random.Next(4))
            {
                case 0:
                    Abandon(scanner, body, format, random);
                    break;
                case 1:
                    Fail(scanner, body, format);
                    break;
                default:
                    break;
            }

            ScanResult fresh = Scanners.Run(scanner.CreateSession(format), body, chunks);
            BodyScanSession pooled = scanner.RentSession(format);
            reused += pooled.RentCount > 1 ? 1 : 0;
            ScanResult again = Scanners.Run(pooled, body, chunks);
            Assert.True(fresh.Output.AsSpan().SequenceEqual(again.Output), $"output differs at case {i}");
            Assert.Equal(fresh.Findings, again.Findings);
            Assert.Equal(fresh.ContainsPii, again.ContainsPii);
            Assert.Equal(fresh.FellBackToText, again.FellBackToText);
        }

        Assert.True(reused > 500, $"only {reused} of 600 pooled sessions were reused");
    }

    [Fact]
    public void RentSession_AfterABodyFilledAFingerprintGroup_NextBodyFindingsCarryFingerprints()
    {
        var scanner = PiiScanner.Create(Scanners.GuardianOptions() with { FingerprintKey = "pool-test-key"u8.ToArray() });
        string many = "[" + string.Join(",", Enumerable.Range(0, 100).Select(i => $"{{\"phone\":\"98765{i:00000}\"}}")) + "]";
        ScanResult first = Scanners.Run(scanner.RentSession(BodyFormat.Json), Encoding.UTF8.GetBytes(many), [many.Length]);
        BodyScanSession pooled = scanner.RentSession(BodyFormat.Json);

        ScanResult second = Scanners.Run(pooled, "[{\"phone\":\"9123400001\"}]"u8.ToArray(), [0]);

        // The first findings are hashed ungrouped, then counted into their group: already full, so no later one is hashed.
        Assert.All(first.Findings.Take(FingerprintGroups.HashedBeforeGrouping), f => Assert.NotNull(f.Fingerprint));
        Assert.All(first.Findings.Skip(FingerprintGroups.HashedBeforeGrouping), f => Assert.Null(f.Fingerprint));
        Assert.Equal(2, pooled.RentCount);
        Assert.NotNull(Assert.Single(second.Findings).Fingerprint);
    }

    [Fact]
    public void Scan_ManyDistinctPathsBetweenRepeats_FullGroupStaysFullAndChunkingAgrees()
    {
        // 150 distinct email paths between the repeats of one phone path push paths out of the session's caches, so the
        // phone path's string is built again; its group (full after 16 distinct phones) must still be recognized.
        var scanner = PiiScanner.Create(Scanners.GuardianOptions() with { FingerprintKey = "pool-test-key"u8.ToArray() });
        string body = "[" + string.Join(",", Enumerable.Range(0, 200).Select(r =>
            $"{{\"phone\":\"98765{r % 20:00000}\",\"contact_{r % 150}\":\"user{r}@example.com\"}}")) + "]";
        byte[] bytes = Encoding.UTF8.GetBytes(body);

        ScanResult whole = Scanners.Run(scanner.CreateSession(BodyFormat.Json), bytes, [0]);
        ScanResult chunked = Scanners.Run(scanner.RentSession(BodyFormat.Json), bytes, RandomChunks(new Random(5), bytes.Length));

        List<PiiFinding> phones = whole.Findings.Where(f => f.Entity == PiiEntity.IndianMobile).ToList();
        Assert.Equal(200, phones.Count);
        Assert.All(whole.Findings.Skip(FingerprintGroups.HashedBeforeGrouping).Where(f => f.Entity == PiiEntity.IndianMobile), f => Assert.Null(f.Fingerprint));
        Assert.Equal(whole.Findings, chunked.Findings);
    }

    [Fact]
    public void Dispose_Twice_SessionReturnedToPoolOnce()
    {
        var scanner = PiiScanner.Create(Scanners.GuardianOptions());
        BodyScanSession first = scanner.RentSession(BodyFormat.Json);
        first.Dispose();
        first.Dispose();
        Assert.Equal(1, scanner.SessionPool.IdleCount);

        BodyScanSession second = scanner.RentSession(BodyFormat.Json);
        BodyScanSession third = scanner.RentSession(BodyFormat.Json);
        Assert.Same(first, second);
        Assert.NotSame(second, third);
        second.Dispose();
        third.Dispose();
        Assert.Equal(2, scanner.SessionPool.IdleCount);
    }

    [Fact]
    public void Process_AfterReturnToPool_ThrowsObjectDisposed()
    {
        var scanner = PiiScanner.Create(Scanners.GuardianOptions());
        BodyScanSession session = scanner.RentSession(BodyFormat.Json);
        session.Process("{\"a\":"u8, isFinal: false, new ArrayBufferWriter<byte>());
        session.Dispose();
        Assert.Throws<ObjectDisposedException>(() => session.Process("1}"u8, isFinal: true, new ArrayBufferWriter<byte>()));
    }

    [Fact]
    public void Return_PoolFull_SessionDroppedAndPoolBounded()
    {
        var scanner = PiiScanner.Create(Scanners.GuardianOptions());
        int capacity = scanner.SessionPool.Capacity;
        var sessions = new List<BodyScanSession>();
        for (int i = 0; i < capacity + 5; i++)
        {
            sessions.Add(scanner.RentSession(BodyFormat.Text));
        }

        Assert.Equal(capacity + 5, sessions.Distinct().Count());
        foreach (BodyScanSession session in sessions)
        {
            session.Dispose();
        }

        Assert.Equal(capacity, scanner.SessionPool.IdleCount);
    }

    [Theory]
    [InlineData(true, BodyFormat.Json)]
    [InlineData(false, BodyFormat.Json)]
    [InlineData(true, BodyFormat.Csv)]
    [InlineData(true, BodyFormat.Multipart)]
    [InlineData(true, BodyFormat.Markup)]
    [InlineData(true, BodyFormat.Text)]
    public void Reset_AfterMessyOrProvedCleanBody_EveryPerBodyFieldAsInFreshSession(bool messy, BodyFormat format)
    {
        var scanner = PiiScanner.Create(Scanners.GuardianOptions(maxRecordBytes: 1024));
        BodyScanSession used = scanner.RentSession(format);
        var output = new ArrayBufferWriter<byte>();
        if (format == BodyFormat.Csv)
        {
            // Header read, a row done, and a quoted field left open across chunks.
            used.Process("name;email\nRavi Kumar;ravi.k@example.com\n\"Priya"u8, isFinal: false, output);
            used.Process(" Sharma\n;pri"u8, isFinal: false, output);
        }
        else if (format == BodyFormat.Multipart)
        {
            used.Process("--b\r\nContent-Disposition: form-data; name=\"full_name\"\r\n\r\nRavi Kumar\r\n--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.jpg\""u8, isFinal: false, output);

            // Then a CSV file part left inside a quoted field that a line break split.
            used.Process("\r\nContent-Type: image/jpeg\r\n\r\n\u00ff\r\n--b\r\nContent-Disposition: form-data; name=\"c\"; filename=\"c.csv\"\r\n\r\nname,address\r\nRavi Kumar,\"12 MG Road,\r\n"u8, isFinal: false, output);
        }
        else if (format == BodyFormat.Text)
        {
            // A Key: value block open with a pending name, and an address block open after its label.
            used.Process("Name: Ravi Kumar\nCity: Pune\nShip to:\nRavi Kumar\n12 MG Road\nEmail: x"u8, isFinal: false, output);
        }
        else if (format == BodyFormat.Markup)
        {
            // A table header read, a data cell open, a label carried to the next line, a tag left open across lines, an
            // address element open across lines.
            used.Process("<table><tr><th>Phone</th><th>Name</th></tr>\n<tr><td>\n<td>Name</td>\n<td class=\"a\"\n<address>\n"u8, isFinal: false, output);
        }
        else if (messy)
        {
            // Columns in force and a row open (columnar JSON), then a body that falls back to text.
            used.Process("{\"columns\":[\"name\",\"email\"],\"rows\":[[\"Ravi Kumar\","u8, isFinal: false, output);
            byte[] body = BodyGenerator.Generate(7);
            used.Process(body.AsSpan(0, body.Length / 2), isFinal: false, output);
            used.Process("}}} not json \"name\": Ravi Kumar 9876543210 "u8, isFinal: false, output);
        }
        else
        {
            // A whole clean body: the clean-JSON proof path and its state.
            Assert.True(used.Process("{\"sku\":\"tea\",\"qty\":2}"u8, isFinal: true, output).IsUnchanged);
        }

        used.Reset(BodyFormat.Json);
        BodyScanSession fresh = scanner.CreateSession(BodyFormat.Json);

        // A field added later must either be reset by Reset or be listed above as deliberately kept.
        foreach (FieldInfo field in typeof(BodyScanSession).GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public))
        {
            if (s_keptFields.Contains(field.Name))
            {
                continue;
            }

            Assert.True(Equals(field.GetValue(fresh), field.GetValue(used)), $"field {field.Name} is not reset");
        }

        // The column table is kept (its arrays are reused); its counts and flags are reset.
        FieldInfo columnsField = typeof(BodyScanSession).GetField("_columns", BindingFlags.Instance | BindingFlags.NonPublic)!;
        foreach (FieldInfo field in typeof(ColumnTable).GetFields(BindingFlags.Instance | BindingFlags.NonPublic).Where(f => !f.FieldType.IsArray))
        {
            Assert.True(
                Equals(field.GetValue(columnsField.GetValue(fresh)), field.GetValue(columnsField.GetValue(used))),
                $"column table field {field.Name} is not reset");
        }

        Assert.Empty(used.Findings);
    }

    [Fact]
    public void RentSession_ConcurrentOwners_NeverShareASession()
    {
        var scanner = PiiScanner.Create(Scanners.GuardianOptions());
        var held = new ConcurrentDictionary<BodyScanSession, int>(ReferenceEqualityComparer.Instance);
        int shared = 0;
        Parallel.For(0, 4, _ =>
        {
            var output = new ArrayBufferWriter<byte>();
            for (int i = 0; i < 2000; i++)
            {
                BodyScanSession session = scanner.RentSession(BodyFormat.Json);
                if (!held.TryAdd(session, 0))
                {
                    Interlocked.Increment(ref shared);
                }

                output.ResetWrittenCount();
                session.Process("{\"mobile\":\"9876543210\"}"u8, isFinal: true, output);
                held.TryRemove(session, out int _);
                session.Dispose();
            }
        });

        Assert.Equal(0, shared);
    }

    private static void Abandon(PiiScanner scanner, byte[] body, BodyFormat format, Random random)
    {
        using BodyScanSession session = scanner.RentSession(format);
        var output = new ArrayBufferWriter<byte>();
        int cut = random.Next(body.Length + 1);
        session.Process(body.AsSpan(0, cut), isFinal: false, output);
    }

    private static void Fail(PiiScanner scanner, byte[] body, BodyFormat format)
    {
        using BodyScanSession session = scanner.RentSession(format);
        var output = new ArrayBufferWriter<byte>();
        session.Process(body, isFinal: true, output);
        Assert.Throws<InvalidOperationException>(() => session.Process(body, isFinal: true, output));
    }

    private static int[] RandomChunks(Random random, int length)
    {
        var chunks = new List<int>();
        int position = 0;
        while (position < length && random.Next(3) != 0)
        {
            int size = random.Next(1, 200);
            chunks.Add(size);
            position += size;
        }

        chunks.Add(0);
        return [.. chunks];
    }
}
