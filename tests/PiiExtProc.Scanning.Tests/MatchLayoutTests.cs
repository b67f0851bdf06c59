using System.Runtime.CompilerServices;
using PiiExtProc.Scanning.Recognition;
using PiiExtProc.Scanning.Sessions;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// The sizes of the match structs that dense bodies copy by the thousand: a flag added as a field instead of into the
/// flags byte grows them by 8 bytes (RawMatch from 32 to 40 cost DenseJson a few percent, measured side by side).
/// </summary>
public sealed class MatchLayoutTests
{
    [Fact]
    public void RawMatch_Is32Bytes() => Assert.Equal(32, Unsafe.SizeOf<RawMatch>());

    [Fact]
    public void SlotMatch_Is32Bytes() => Assert.Equal(32, Unsafe.SizeOf<SlotMatch>());

    [Fact]
    public void RawMatchFlags_AreIndependent()
    {
        var match = new RawMatch(PiiEntity.PersonName, 0, 4, 1f, "test", Evidence.Key) { Allowed = true, ReportedOnlyWhenPii = true };
        match.FormEncoded = true;
        match.Allowed = false;

        Assert.False(match.Allowed);
        Assert.True(match.FormEncoded);
        Assert.True(match.ReportedOnlyWhenPii);
    }
}
