using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// JSON property names that are data, not labels: maps keyed by a mobile number, an email or an IP
/// (<c>{"9876543210": {...}}</c>, <c>{"ravi@example.com": {...}}</c>). Such a name is scanned like a value and
/// rewritten in place; its step in every JSON path is <c>*</c>, so that no path (in findings, audit events or the
/// session's caches) holds the value.
/// </summary>
public sealed partial class BodyScanSession
{
    /// <summary>The JSON path step written for a property name that holds a finding.</summary>
    private static ReadOnlySpan<byte> DataNameStep => "*"u8;

    /// <summary>
    /// Scans a property name (<paramref name="tokenStart"/>: its opening quote, absolute; <paramref name="rawLength"/>:
    /// the bytes between its quotes; <paramref name="name"/>: the whole name, unescaped, which an escaped name
    /// (<paramref name="escaped"/>) holds in the decoded buffer from <paramref name="decodedStart"/>) as a string value
    /// under the key class its object gives its members (<see cref="JsonValueKey.OfName"/>). When it holds a match: adds
    /// its slot to the object's record, drops the name from the key cache, makes the frame's name
    /// <see cref="DataNameStep"/> (no class) and returns true; else returns false and keeps the name's class.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool ScanPropertyName(ref JsonFrame frame, long tokenStart, int rawLength, ReadOnlySpan<byte> name, bool escaped, int decodedStart)
    {
        SlotKind kind = escaped ? SlotKind.JsonEscapedString : SlotKind.JsonString;
        KeyClass key = JsonValueKey.OfName(frame.ContainerKey);
        bool inLine = _dataMayHoldInLineName || kind == SlotKind.JsonEscapedString;
        if (ValuePrefilterEnabled && _detector.OnlyBuiltInRecognizers && CleanValueRules.IsClean(name, key, _detector.Keywords)
            && !SalutationName.Any(name, inLine))
        {
            ValuesPrefiltered++;
            return false;
        }

        _scratchMatches.Clear();
        _detector.Scan(name, key, default, _scratchMatches, inLineNames: inLine);
        if (_scratchMatches.Count == 0)
        {
            return false;
        }

        // The name is data: it names nothing, and neither the key cache nor any path keeps it.
        _keyCache.Forget(frame.PropertyEntry);
        DataNameStep.CopyTo(_names.AsSpan(frame.PropertyStart));
        frame.PropertyLength = DataNameStep.Length;
        frame.PropertyKey = KeyClass.None;
        frame.PropertyEntry = -1;
        frame.PropertyStamp = 0;

        AddJsonSlot(JsonTokenSlot(tokenStart, rawLength + 2, kind, decodedStart, name.Length), CollectionsMarshal.AsSpan(_scratchMatches));
        return true;
    }
}
