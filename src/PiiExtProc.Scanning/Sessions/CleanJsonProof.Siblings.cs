using System.Text.Unicode;
using PiiExtProc.Scanning.Recognition;
using static PiiExtProc.Scanning.Recognition.JsonTokens;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// The sibling proofs of <see cref="CleanJsonProof"/>: after the session's reader closed a clean object, the array
/// elements or object-valued properties that follow it, proved one at a time, so the reader can resume after them.
/// </summary>
internal static partial class CleanJsonProof
{
    /// <summary>
    /// For a session whose JSON reader just read the <c>}</c> at <paramref name="from"/> - 1 closing an object element
    /// of an array: proves the object elements that follow it, one after another, under the same guarantee as
    /// <see cref="Holds"/> (well-formed for the session's reader, no finding possible). Returns the index just after the
    /// last proved element's <c>}</c>, or <paramref name="from"/> when none is proved. Stops before the first element that
    /// is not an object, is not complete in <paramref name="data"/> or is not proved, and before the array's end: what
    /// follows is read by the session as usual. Proves nothing in an array whose key has a role (addresses, names).
    /// </summary>
    /// <param name="data">The bytes the session's reader is reading, UTF-8, cut as for <see cref="CleanMembersEnd"/>.</param>
    /// <param name="from">Index in <paramref name="data"/> just after the <c>}</c>.</param>
    /// <param name="arrayKey">The container key of the array (the session's frame of the array).</param>
    /// <param name="arrayDepth">The session's open containers, the array included.</param>
    /// <param name="dataIsAscii">True when <paramref name="data"/> is known to be ASCII (else each element's UTF-8 is checked).</param>
    /// <param name="cache">The session's key class cache.</param>
    /// <param name="keywords">The scanner's keywords.</param>
    /// <param name="maxKeyBytes">Longest property name prefix the session classifies, bytes.</param>
    /// <param name="limits">The scanner's limits (depth, token size).</param>
    /// <param name="stop">Why the proof stopped: <see cref="ProofStop.DataEnded"/>, <see cref="ProofStop.DataEndedInName"/>
    /// or <see cref="ProofStop.DataEndedInValue"/> when <paramref name="data"/> ended (between elements or inside one not yet
    /// disproved), so the same call with more data may prove more.</param>
    /// <remarks>
    /// The reader's state after the proved elements equals its state after the <c>}</c> at <paramref name="from"/> - 1
    /// (the same containers open, an object element just closed), so the session resumes reading with that state.
    /// The caller cuts <paramref name="data"/> before the first <c>@</c> or <c>\</c> after <paramref name="from"/>
    /// (<see cref="NeverBytes"/>): an element holding one is then never complete, so never proved.
    /// </remarks>
    public static int CleanElementsEnd(
        ReadOnlySpan<byte> data, int from, KeyClass arrayKey, int arrayDepth, bool dataIsAscii, ref KeyClassCache cache, KeywordTable keywords, int maxKeyBytes, ScanLimits limits,
        out ProofStop stop)
    {
        stop = ProofStop.Stopped;
        // An array of addresses or names holds address or name objects, whose members take part roles (line1, state,
        // given) that the walk does not model: none is proved.
        if (arrayKey.Role != ValueRole.None || !TryStartSiblingWalk(from, arrayDepth, keywords, maxKeyBytes, limits, out ProofWalk walk))
        {
            return from;
        }

        walk.Frames[0] = new ProofFrame { IsArray = true, ContainerKey = arrayKey };
        int proved = from;
        while (true)
        {
            int i = SkipWhitespace(data, proved);
            if (i >= data.Length || data[i] != ',')
            {
                stop = EndedIf(i >= data.Length);
                return proved;
            }

            i = SkipWhitespace(data, i + 1);
            if (i >= data.Length || data[i] != '{')
            {
                stop = EndedIf(i >= data.Length);
                return proved;
            }

            int end = ValueEnd(data, i, 1, ref walk, ref cache);
            if (end < 0 || (!dataIsAscii && !Utf8.IsValid(data[i..end])))
            {
                stop = StopOf(end);
                return proved;
            }

            proved = end;
        }
    }

    /// <summary>
    /// For a session whose JSON reader just read the <c>}</c> at <paramref name="from"/> - 1 closing an object that is a
    /// property's value: proves the properties that follow in the same object, one after another, as long as each
    /// value is an object, under the same guarantee as <see cref="Holds"/>. Returns the index just after the last
    /// proved value's <c>}</c>, or <paramref name="from"/> when none is proved. Stops before the first property whose
    /// name has a whole-value role or is an attribute-list value member (the session's frame may hold its label), or whose value is not an object, is not complete in <paramref name="data"/> or is not
    /// proved, and before the object's end.
    /// </summary>
    /// <param name="data">The bytes the session's reader is reading, UTF-8, cut before the first <c>@</c> or <c>\</c>
    /// after <paramref name="from"/> (<see cref="NeverBytes"/>).</param>
    /// <param name="from">Index in <paramref name="data"/> just after the <c>}</c>.</param>
    /// <param name="objectKey">The container key of the enclosing object (the session's frame of it).</param>
    /// <param name="objectDepth">The session's open containers, the enclosing object included.</param>
    /// <param name="dataIsAscii">True when <paramref name="data"/> is known to be ASCII (else each property's UTF-8 is checked).</param>
    /// <param name="cache">The session's key class cache.</param>
    /// <param name="keywords">The scanner's keywords.</param>
    /// <param name="maxKeyBytes">Longest property name prefix the session classifies, bytes.</param>
    /// <param name="limits">The scanner's limits (depth, token size).</param>
    /// <param name="stop">Why the proof stopped: <see cref="ProofStop.DataEnded"/>, <see cref="ProofStop.DataEndedInName"/>
    /// or <see cref="ProofStop.DataEndedInValue"/> when <paramref name="data"/> ended (between properties or inside one not
    /// yet disproved), so the same call with more data may prove more.</param>
    /// <remarks>
    /// Only object values: after one the reader's state equals its state after the <c>}</c> at <paramref name="from"/> - 1
    /// (an object just closed inside the same object); after a string, number or array it would not. The property the
    /// session's frame remembers is still the one before the proved ones, which nothing reads before the next property
    /// name or the object's end replaces or drops it.
    /// </remarks>
    public static int CleanMembersEnd(
        ReadOnlySpan<byte> data, int from, KeyClass objectKey, int objectDepth, bool dataIsAscii, ref KeyClassCache cache, KeywordTable keywords, int maxKeyBytes, ScanLimits limits,
        out ProofStop stop)
    {
        stop = ProofStop.Stopped;
        if (!TryStartSiblingWalk(from, objectDepth, keywords, maxKeyBytes, limits, out ProofWalk walk))
        {
            return from;
        }

        int proved = from;
        while (true)
        {
            int i = SkipWhitespace(data, proved);
            if (i >= data.Length || data[i] != ',')
            {
                stop = EndedIf(i >= data.Length);
                return proved;
            }

            int name = SkipWhitespace(data, i + 1);
            if (name >= data.Length || data[name] != '"' || name - walk.SecondPreviousStart > walk.MaxToken)
            {
                stop = EndedIf(name >= data.Length);
                return proved;
            }

            int nameEnd = NameEnd(data, name + 1);
            if (nameEnd < 0)
            {
                stop = nameEnd == Incomplete ? ProofStop.DataEndedInName : ProofStop.Stopped;
                return proved;
            }

            cache.Classify(data.Slice(name + 1, Math.Min(nameEnd - name - 1, maxKeyBytes)), data[(name + 1)..nameEnd], keywords, out KeyClass key, out _, out _, out bool mayHoldEntity);
            if (mayHoldEntity
                && !CleanValueRules.IsClean(data[(name + 1)..nameEnd], JsonValueKey.OfName(objectKey), keywords))
            {
                // The session scans such a name as a value (a map keyed by mobile numbers).
                return proved;
            }

            int value = SkipWhitespace(data, nameEnd + 1);
            if (key.Role != ValueRole.None || key.Attribute == AttributeMember.Value || value >= data.Length || data[value] != ':')
            {
                stop = EndedIf(key.Role == ValueRole.None && key.Attribute != AttributeMember.Value && value >= data.Length);
                return proved;
            }

            value = SkipWhitespace(data, value + 1);
            if (value >= data.Length || data[value] != '{')
            {
                stop = EndedIf(value >= data.Length);
                return proved;
            }

            walk.SecondPreviousStart = walk.PreviousStart;
            walk.PreviousStart = name;
            walk.Frames[0] = new ProofFrame { IsArray = false, ContainerKey = objectKey, PropertyKey = key };
            int end = ValueEnd(data, value, 1, ref walk, ref cache);
            if (end < 0 || (!dataIsAscii && !Utf8.IsValid(data[name..end])))
            {
                stop = StopOf(end);
                return proved;
            }

            proved = end;
        }
    }

    /// <summary><see cref="ProofStop.DataEnded"/> when <paramref name="ended"/>, else <see cref="ProofStop.Stopped"/>.</summary>
    private static ProofStop EndedIf(bool ended) => ended ? ProofStop.DataEnded : ProofStop.Stopped;

    /// <summary>Why a walk that returned <paramref name="end"/> (negative: not proved) stopped.</summary>
    private static ProofStop StopOf(int end) => end switch
    {
        Incomplete => ProofStop.DataEnded,
        IncompleteInValue => ProofStop.DataEndedInValue,
        IncompleteInName => ProofStop.DataEndedInName,
        _ => ProofStop.Stopped,
    };

    /// <summary>
    /// Starts the walk of the siblings inside a container at depth <paramref name="containerDepth"/> (the session's open
    /// containers, that one included) whose last token, a <c>}</c>, is at <paramref name="from"/> - 1; false when the
    /// depth limit leaves no room for a sibling object inside it.
    /// </summary>
    private static bool TryStartSiblingWalk(int from, int containerDepth, KeywordTable keywords, int maxKeyBytes, ScanLimits limits, out ProofWalk walk)
    {
        // The walk's frame 0 is the container; the reader counts the containers around it too.
        int maxDepth = Math.Min(ProofScratch.MaxFrames, limits.MaxJsonDepth - (containerDepth - 1));
        if (maxDepth < 3)
        {
            walk = default;
            return false;
        }

        walk = new ProofWalk(ProofScratch.ForThread(), keywords, maxKeyBytes, maxDepth, limits.MaxRecordBytes, from - 1);
        return true;
    }
}
