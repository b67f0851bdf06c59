using System.Runtime.InteropServices;
using System.Text;
using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Tests.Support;

/// <summary>
/// Compares the match of the keyed fast path (<see cref="Detector.TryScanKeyed"/>) with the matches of the full scan
/// (<see cref="Detector.Scan"/>) of the same value: every field of <see cref="RawMatch"/>.
/// </summary>
internal static class KeyedMatchComparison
{
    /// <summary>
    /// Scans <paramref name="value"/> under <paramref name="key"/> both ways; when the fast path is taken, fails (naming
    /// <paramref name="label"/> and both results) unless the full scan found exactly its match. Returns whether it was taken.
    /// </summary>
    public static bool AssertFastPathSameAsFullScan(Detector detector, KeyClass key, byte[] value, string label)
    {
        var full = new List<RawMatch>();
        detector.Scan(value, key, default, full);
        if (!detector.TryScanKeyed(value, key, out RawMatch match))
        {
            return false;
        }

        List<RawMatch> fast = [match];
        if (!CollectionsMarshal.AsSpan(fast).SequenceEqual(CollectionsMarshal.AsSpan(full), SameMatch.Instance))
        {
            Assert.Fail($"{label} value {Encoding.UTF8.GetString(value)}: fast {Describe(fast)} full {Describe(full)}");
        }

        return true;
    }

    /// <summary>Every field of each match, for failure messages and equality by text.</summary>
    public static string Describe(IEnumerable<RawMatch> matches) =>
        string.Join("; ", matches.Select(m => $"{m.Entity.Name} {m.Start}+{m.Length} {m.Score} {m.Recognizer} {m.Evidence} {m.NamePart} {m.Allowed}"));

    private sealed class SameMatch : IEqualityComparer<RawMatch>
    {
        public static readonly SameMatch Instance = new();

        public bool Equals(RawMatch x, RawMatch y) =>
            ReferenceEquals(x.Entity, y.Entity) && x.Start == y.Start && x.Length == y.Length && x.Score == y.Score
            && x.Recognizer == y.Recognizer && x.Evidence == y.Evidence && x.NamePart == y.NamePart && x.Allowed == y.Allowed;

        public int GetHashCode(RawMatch obj) => obj.Start;
    }
}
