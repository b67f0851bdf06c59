using System.Text;

namespace PiiExtProc.Scanning.Tests.Support;

/// <summary>Equivalence checks between a reference scan and a scan with a fast path on (property tests).</summary>
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
}
