using PiiExtProc.Scanning.Sessions;

namespace PiiExtProc.Scanning.Tests;

/// <summary>The per-body table that decides which findings still need a fingerprint.</summary>
public sealed class FingerprintGroupsTests
{
    [Fact]
    public void Find_PastMaxGroups_UntrackedAndNeverFull()
    {
        // Arrange: a first group filled with 16 distinct values, then groups up to the limit.
        var groups = new FingerprintGroups(entityCount: 2);
        int first = groups.Find(0, 0, FindingAction.Redacted, "$.a");
        for (ulong v = 0; v < PiiFinding.MaxFingerprintsPerGroup; v++)
        {
            groups.Add(first, v);
        }

        for (int g = 1; g < FingerprintGroups.MaxGroups; g++)
        {
            Assert.Equal(g, groups.Find(1, 0, FindingAction.Redacted, $"$.p{g}"));
        }

        // Act
        int past = groups.Find(0, 0, FindingAction.Redacted, "$.another");

        // Assert
        Assert.True(groups.IsFull(first));
        Assert.Equal(FingerprintGroups.Untracked, past);
        Assert.False(groups.IsFull(past));
    }

    [Fact]
    public void Add_MoreDistinctValuesThanAGroupHolds_StaysFullAndLeavesOtherGroupsAlone()
    {
        var groups = new FingerprintGroups(entityCount: 1);
        int first = groups.Find(0, 0, FindingAction.Redacted, "$.a");
        int second = groups.Find(0, 0, FindingAction.Redacted, "$.b");

        for (ulong v = 0; v < 3 * PiiFinding.MaxFingerprintsPerGroup; v++)
        {
            groups.Add(first, v);
        }

        for (ulong v = 0; v < PiiFinding.MaxFingerprintsPerGroup - 1; v++)
        {
            groups.Add(second, 1000 + v);
        }

        Assert.True(groups.IsFull(first));
        Assert.False(groups.IsFull(second));
        groups.Add(second, 1000);
        Assert.False(groups.IsFull(second));
        groups.Add(second, 2000);
        Assert.True(groups.IsFull(second));
    }

    [Fact]
    public void Find_SameEntityOtherRecognizerOrAction_OtherGroup()
    {
        var groups = new FingerprintGroups(entityCount: 1);
        const string path = "$.phone";

        int first = groups.Find(0, 0, FindingAction.Redacted, path);

        Assert.Equal(first, groups.Find(0, 0, FindingAction.Redacted, path));
        Assert.NotEqual(first, groups.Find(0, 1, FindingAction.Redacted, path));
        Assert.NotEqual(first, groups.Find(0, 0, FindingAction.Observed, path));
        Assert.Equal(first, groups.Find(0, 0, FindingAction.Redacted, path));
    }

    [Fact]
    public void Find_RecordsRepeatingTheirGroups_EachFindingInItsOwnEntitysGroup()
    {
        // Two entities under one path and recognizer index, met in turn (the group after the last one is tried first).
        var groups = new FingerprintGroups(entityCount: 3);
        int[] expected = [groups.Find(0, 0, FindingAction.Redacted, "$[].x"), groups.Find(1, 0, FindingAction.Redacted, "$[].x"), groups.Find(2, 0, FindingAction.Redacted, "$[].y")];

        for (int record = 0; record < 3; record++)
        {
            Assert.Equal(expected[0], groups.Find(0, 0, FindingAction.Redacted, "$[].x"));
            Assert.Equal(expected[1], groups.Find(1, 0, FindingAction.Redacted, "$[].x"));
            Assert.Equal(expected[2], groups.Find(2, 0, FindingAction.Redacted, "$[].y"));
            Assert.Equal(expected[2], groups.Find(2, 0, FindingAction.Redacted, "$[].y"));
            Assert.Equal(expected[0], groups.Find(0, 0, FindingAction.Redacted, "$[].x"));
        }

        Assert.Equal([0, 1, 2], expected);
    }

    [Fact]
    public void Find_SamePathInAnotherStringInstance_SameGroup()
    {
        // A path the cache evicted and built again is another string with the same text: the same group, so whether a
        // finding is hashed does not depend on the path cache's state.
        var groups = new FingerprintGroups(entityCount: 1);
        string first = string.Concat("$[].", "phone");
        string again = string.Concat("$[].", "phone");

        Assert.False(ReferenceEquals(first, again));
        Assert.Equal(groups.Find(0, 0, FindingAction.Redacted, first), groups.Find(0, 0, FindingAction.Redacted, again));
        Assert.NotEqual(groups.Find(0, 0, FindingAction.Redacted, first), groups.Find(0, 0, FindingAction.Redacted, null));
    }

    [Fact]
    public void Reset_FullGroup_NextBodyStartsEmpty()
    {
        var groups = new FingerprintGroups(entityCount: 1);
        int group = groups.Find(0, 0, FindingAction.Redacted, "$.a");
        for (ulong v = 0; v < PiiFinding.MaxFingerprintsPerGroup; v++)
        {
            groups.Add(group, v);
            groups.Add(group, v);
        }

        Assert.True(groups.IsFull(group));

        groups.Reset();

        Assert.False(groups.IsFull(groups.Find(0, 0, FindingAction.Redacted, "$.a")));
    }
}
