namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// Which findings of one body get a fingerprint (<see cref="PiiFinding.Fingerprint"/>): in each group of findings with
/// the same entity, recognizer, action and JSON path, the ones up to and including the
/// <see cref="PiiFinding.MaxFingerprintsPerGroup"/>-th distinct value in body order. An audit event lists no more than
/// that many distinct fingerprints per group, so a value hashed after that point would never be written; it is not
/// hashed. Paths are compared by value (ordinal; the path cache usually hands out the same string, which compares at
/// once), so which findings carry a fingerprint depends only on the body's kept findings, not on the cache's state,
/// the chunking or the session's earlier bodies. The audit's groups are these or coarser (it also sanitizes paths), so
/// no fingerprint it lists is ever missing.
/// </summary>
/// <remarks>
/// A group is found by trying the one after the group found last (records of an array repeat their groups in order),
/// then the last group of the finding's entity, else by a scan of at most <see cref="MaxGroups"/> groups; findings past
/// that many groups are always hashed. A body's first <see cref="HashedBeforeGrouping"/> findings are hashed without a
/// lookup and counted in when the next one comes: most bodies have fewer, and hashing them all costs less than
/// grouping them. Per session, reset per body; not thread-safe.
/// </remarks>
internal sealed class FingerprintGroups
{
    /// <summary>Groups tracked per body; a finding of any further group always gets its fingerprint.</summary>
    public const int MaxGroups = 64;

    /// <summary>Findings of a body hashed before the groups are kept (4 groups' worth; at least
    /// <see cref="PiiFinding.MaxFingerprintsPerGroup"/>, since no group can be full before).</summary>
    public const int HashedBeforeGrouping = 4 * PerGroup;

    /// <summary>Returned by <see cref="Find"/> for a finding past <see cref="MaxGroups"/> groups: hash it.</summary>
    public const int Untracked = -1;

    private const int PerGroup = PiiFinding.MaxFingerprintsPerGroup;

    /// <summary>By entity index: the index + 1 of the group that entity's last finding fell in (0: none yet).</summary>
    private readonly int[] _lastByEntity;

    private Group[] _groups = new Group[8];

    /// <summary>The distinct fingerprints of group g are at [g * <see cref="PerGroup"/>, + its count).</summary>
    private ulong[] _fingerprints = new ulong[8 * PerGroup];

    private int _count;

    /// <summary>The group <see cref="Find"/> returned last: records of an array meet their groups in the same order, so
    /// the one after it is tried first.</summary>
    private int _previous = -1;

    /// <summary>Creates the table for entity indexes 0 to <paramref name="entityCount"/> - 1.</summary>
    public FingerprintGroups(int entityCount)
    {
        _lastByEntity = new int[entityCount];
    }

    /// <summary>
    /// The group of a finding (a new one when it is the first of its group), or <see cref="Untracked"/> when the body
    /// already has <see cref="MaxGroups"/> groups.
    /// </summary>
    /// <param name="entity">Entity index (the session's entity table).</param>
    /// <param name="recognizer">Recognizer name index (the session's recognizer name table).</param>
    /// <param name="action">The finding's action.</param>
    /// <param name="path">The finding's JSON path, or null.</param>
    public int Find(int entity, int recognizer, FindingAction action, string? path)
    {
        int next = _previous + 1 < _count ? _previous + 1 : 0;
        if (next < _count && _groups[next].Is(entity, recognizer, action, path))
        {
            return _previous = next;
        }

        int last = _lastByEntity[entity] - 1;
        if (last >= 0 && _groups[last].Is(entity, recognizer, action, path))
        {
            return _previous = last;
        }

        for (int g = 0; g < _count; g++)
        {
            if (_groups[g].Is(entity, recognizer, action, path))
            {
                _lastByEntity[entity] = g + 1;
                return _previous = g;
            }
        }

        if (_count == MaxGroups)
        {
            return Untracked;
        }

        if (_count == _groups.Length)
        {
            Array.Resize(ref _groups, _count * 2);
            Array.Resize(ref _fingerprints, _count * 2 * PerGroup);
        }

        _groups[_count] = new Group(entity, recognizer, action, path);
        _lastByEntity[entity] = _count + 1;
        return _previous = _count++;
    }

    /// <summary>True before the body's first group.</summary>
    public bool IsEmpty => _count == 0;

    /// <summary>True when <paramref name="group"/> already holds <see cref="PiiFinding.MaxFingerprintsPerGroup"/>
    /// distinct fingerprints: its later findings need none.</summary>
    public bool IsFull(int group) => group != Untracked && _groups[group].Distinct == PerGroup;

    /// <summary>Counts <paramref name="fingerprint"/> in <paramref name="group"/> unless it is already there or the group
    /// is full.</summary>
    public void Add(int group, ulong fingerprint)
    {
        if (group == Untracked || IsFull(group))
        {
            return;
        }

        ref Group entry = ref _groups[group];
        Span<ulong> held = _fingerprints.AsSpan(group * PerGroup, entry.Distinct);
        if (held.Contains(fingerprint))
        {
            return;
        }

        _fingerprints[(group * PerGroup) + entry.Distinct] = fingerprint;
        entry.Distinct++;
    }

    /// <summary>Forgets every group (a new body), and the path references they held.</summary>
    public void Reset()
    {
        Array.Clear(_groups, 0, _count);
        Array.Clear(_lastByEntity);
        _count = 0;
        _previous = -1;
    }

    private struct Group(int entity, int recognizer, FindingAction action, string? path)
    {
        public readonly int Entity = entity;
        public readonly int Recognizer = recognizer;
        public readonly FindingAction Action = action;
        public readonly string? Path = path;
        public int Distinct;

        public readonly bool Is(int entity, int recognizer, FindingAction action, string? path) =>
            Entity == entity && Recognizer == recognizer && Action == action && string.Equals(Path, path, StringComparison.Ordinal);
    }
}
