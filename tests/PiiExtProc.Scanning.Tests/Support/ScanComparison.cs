using PiiExtProc.Scanning.Sessions;
using System.Text;

namespace PiiExtProc.Scanning.Tests.Support;

/// <summary>Equivalence checks between a reference scan and a scan chunked or with a fast path on (property tests).</summary>
internal static class ScanComparison
{
    /// <summary>
    /// Fails, naming <paramref name="fastPath"/>, the cuts and the body, when <paramref name="candidate"/> differs from
    /// <paramref name="reference"/> in output, findings, fallback to text or is_pii.
    /// </summary>
    public static void AssertSameResult(ScanResult reference, ScanResult candidate, string fastPath, int[] cuts, byte[] body)
    {
        if (!candidate.Output.AsSpan().SequenceEqual(reference.Output) || !candidate.Findings.SequenceEqual(reference.Findings)
            || candidate.FellBackToText != reference.FellBackToText || candidate.ContainsPii != reference.ContainsPii)
        {
            Assert.Fail($"The {fastPath} changed the result (cuts [{string.Join(",", cuts)}]): "
                + $"{reference.Findings.Count} findings without, {candidate.Findings.Count} with, fallback {reference.FellBackToText}/{candidate.FellBackToText}; "
                + $"body {Encoding.UTF8.GetString(body)}");
        }
    }

    /// <summary>
    /// Fails through <see cref="AssertSameResult"/> when scanning <paramref name="body"/> in two chunks, cut at any byte,
    /// differs from <paramref name="whole"/> (the same scanner and format on the whole body).
    /// </summary>
    public static void AssertEveryTwoWaySplitSameAsWhole(PiiScanner scanner, BodyFormat format, byte[] body, ScanResult whole)
    {
        for (int cut = 1; cut < body.Length; cut++)
        {
            AssertSameResult(whole, Scanners.Run(scanner, format, body, [cut, 0]), "chunking", [cut], body);
        }
    }

    /// <summary>
    /// For a JSON body with at least one finding (<see cref="Scanners.Guardian"/>, clean-body proof and value prefilter
    /// off): fails when the proof and the prefilter on, or any two-way split, give another result. For bodies whose
    /// finding has no digit, <c>@</c> or <c>?</c> to trigger on, so that only the rules under test keep the fast paths
    /// from skipping it.
    /// </summary>
    public static void AssertCleanProofAndValuePrefilterSkipNothing(byte[] body)
    {
        ScanResult full = RunJson(body, proof: false, prefilter: false);
        Assert.NotEmpty(full.Findings);

        AssertSameResult(full, RunJson(body, proof: true, prefilter: true), "clean proof and value prefilter", [], body);
        AssertEveryTwoWaySplitSameAsWhole(Scanners.Guardian, BodyFormat.Json, body, full);
    }

    private static ScanResult RunJson(byte[] body, bool proof, bool prefilter)
    {
        BodyScanSession session = Scanners.Guardian.CreateSession(BodyFormat.Json);
        session.CleanProofEnabled = proof;
        session.ValuePrefilterEnabled = prefilter;
        return Scanners.Run(session, body, [0]);
    }

    /// <summary>
    /// For a JSON body scanned whole as <paramref name="whole"/> by <see cref="Scanners.Guardian"/>: fails when any
    /// two-way split, or the scan with the keyed fast path off, gives another result.
    /// </summary>
    public static void AssertSplitsAndKeyedFastPathChangeNothing(byte[] body, ScanResult whole)
    {
        AssertEveryTwoWaySplitSameAsWhole(Scanners.Guardian, BodyFormat.Json, body, whole);
        var session = Scanners.Guardian.CreateSession(BodyFormat.Json);
        session.KeyedFastPathEnabled = false;
        AssertSameResult(whole, Scanners.Run(session, body, [0]), "keyed fast path", [], body);
    }

    /// <summary>
    /// Scans each of <paramref name="bodies"/> generated bodies of <paramref name="format"/> (JSON unless given; seeded
    /// by <paramref name="seed"/>, scanners taken in turn) with the keyed fast path off, then on whole and on in one
    /// random chunking, and fails through <see cref="AssertSameResult"/> when the fast path changes anything. The
    /// clean-body proof is off in every scan.
    /// </summary>
    public static void AssertKeyedFastPathChangesNothing(
        PiiScanner[] scanners, int seed, int bodies, Func<Random, string> generate, string fastPath, BodyFormat format = BodyFormat.Json)
    {
        var random = new Random(seed);
        for (int n = 0; n < bodies; n++)
        {
            byte[] body = Encoding.UTF8.GetBytes(generate(random));
            int[] cuts = [random.Next(body.Length + 1), random.Next(1, 64), random.Next(1, 400)];
            PiiScanner scanner = scanners[n % scanners.Length];
            ScanResult reference = Run(body, scanner, format, [], keyedFastPath: false);
            AssertSameResult(reference, Run(body, scanner, format, [], keyedFastPath: true), fastPath, [], body);
            AssertSameResult(reference, Run(body, scanner, format, cuts, keyedFastPath: true), fastPath, cuts, body);
        }
    }

    private static ScanResult Run(byte[] body, PiiScanner scanner, BodyFormat format, int[] cuts, bool keyedFastPath)
    {
        BodyScanSession session = scanner.CreateSession(format);
        session.CleanProofEnabled = false;
        session.KeyedFastPathEnabled = keyedFastPath;
        return Scanners.Run(session, body, [.. cuts, 0]);
    }
}
