using System.Runtime.InteropServices;
using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// Form scanning of a <see cref="BodyScanSession"/> (<see cref="BodyFormat.FormUrlEncoded"/>): pairs split at <c>&amp;</c>,
/// each value decoded and scanned with its decoded key as context, one slot per value with a match; the body is one
/// record for the combination rule. A free-text value (<c>note=Called+Ravi+Kumar</c>) finds the names and emails that
/// earlier values hold (<see cref="AddRepeatsInFreeText"/>).
/// </summary>
public sealed partial class BodyScanSession
{
    /// <summary>Longest key decoded and classified, bytes; a longer key gives no context.</summary>
    private const int MaxFormKeyBytes = 256;

    private bool _formMode;

    /// <summary>Bytes that make a form key worth scanning as text: any identifier candidate starts with one.</summary>
    private static readonly System.Buffers.SearchValues<byte> s_keyCandidateBytes = System.Buffers.SearchValues.Create("0123456789@:"u8);

    /// <summary>Whether the form body's first non-blank byte was seen (a <c>{</c> or <c>[</c> there means JSON).</summary>
    private bool _formShapeKnown;

    /// <summary>Absolute offset of the next pair not scanned yet.</summary>
    private long _formPosition;

    /// <summary>Absolute offset up to which the current pair was already searched for its <c>&amp;</c> (chunked input).</summary>
    private long _ampersandSearchedTo;

    private void ParseForm(ReadOnlySpan<byte> work, long workOffset, bool isFinal)
    {
        if (_formPosition == 0 && !_formShapeKnown)
        {
            // JSON sent with a form content type (the default of many HTTP clients: curl -d '{...}'): parsed as JSON.
            int first = work.IndexOfAnyExcept(" \t\r\n"u8);
            if (first < 0 && !isFinal)
            {
                return;
            }

            _formShapeKnown = true;
            if (first >= 0 && work[first] is (byte)'{' or (byte)'[')
            {
                _formMode = false;
                ParseJson(work, workOffset, isFinal);
                return;
            }
        }

        int max = _limits.MaxRecordBytes;
        while (true)
        {
            ReadOnlySpan<byte> rest = work[(int)(_formPosition - workOffset)..];
            int ampersand = IndexOfWithin(rest, _formPosition, _ampersandSearchedTo, max, (byte)'&');
            int length;
            if (ampersand >= 0)
            {
                length = ampersand;
            }
            else if (rest.Length > max)
            {
                // One pair longer than the record limit: the rest of the body is text.
                ResolveOpenRecords();
                _textMode = true;
                _formMode = false;
                FellBackToText = true;
                _textPosition = _formPosition;
                return;
            }
            else if (isFinal)
            {
                length = rest.Length;
            }
            else
            {
                _ampersandSearchedTo = workOffset + work.Length;
                return;
            }

            ScanFormPair(rest[..length], _formPosition);
            bool last = ampersand < 0;
            _formPosition += last ? length : length + 1;
            if (_slots.Count >= EarlyReleaseSlots)
            {
                ReleaseEarly(work, workOffset);
            }

            LimitOpenRecords(_formPosition);
            if (last)
            {
                ResolveOpenRecords();
                return;
            }
        }
    }

    private void ScanFormPair(ReadOnlySpan<byte> pair, long start)
    {
        int equals = pair.IndexOf((byte)'=');
        if (equals < 0)
        {
            // Not a pair (a body that is not really a form, or a stray piece of one): scanned as it is, as text.
            ScanFormText(pair, start);
            return;
        }

        ReadOnlySpan<byte> encodedKey = pair[..equals];
        if (encodedKey.IndexOfAny(s_keyCandidateBytes) >= 0)
        {
            // A key is a field name; one with digits, @ or : may also be data (a body that is not really a form).
            ScanFormText(encodedKey, start);
        }

        if (equals == pair.Length - 1)
        {
            return;
        }

        Span<byte> keyBuffer = stackalloc byte[MaxFormKeyBytes];
        ReadOnlySpan<byte> keyName = encodedKey.Length <= MaxFormKeyBytes ? keyBuffer[..FormEncoding.Decode(encodedKey, keyBuffer)] : default;
        KeyClass key = FormKey(keyName);
        ReadOnlySpan<byte> encoded = pair[(equals + 1)..];
        long valueStart = start + equals + 1;
        int decodedStart = _decodedLength;
        bool decoded = FormEncoding.NeedsDecoding(encoded);
        ReadOnlySpan<byte> value = encoded;
        if (decoded)
        {
            EnsureCapacity(ref _decoded, _decodedLength, _decodedLength + encoded.Length);
            int length = FormEncoding.Decode(encoded, _decoded.AsSpan(_decodedLength));
            value = _decoded.AsSpan(_decodedLength, length);
        }

        _scratchMatches.Clear();
        _detector.Scan(value, key, _detector.HasCustomRecognizers ? keyName : default, _scratchMatches);
        AddRepeatsInFreeText(value, key);
        if (_scratchMatches.Count == 0)
        {
            return;
        }

        if (!decoded)
        {
            // The rewrite reads the decoded copy: here the value itself.
            EnsureCapacity(ref _decoded, _decodedLength, _decodedLength + encoded.Length);
            encoded.CopyTo(_decoded.AsSpan(_decodedLength));
        }

        var slot = new Slot
        {
            Start = valueStart,
            Length = encoded.Length,
            Kind = SlotKind.FormValue,
            DecodedStart = decodedStart,
            DecodedLength = value.Length,
        };
        _decodedLength += value.Length;
        ReadOnlySpan<RawMatch> found = CollectionsMarshal.AsSpan(_scratchMatches);
        AddBodyRecordSlot(slot, found, oversized: false);
        RememberBodyRecordMatches(value, found);
    }

    /// <summary>Scans a piece of a form that is not a key-value pair as a text record of the body's record, its bytes
    /// rewritten in place.</summary>
    private void ScanFormText(ReadOnlySpan<byte> text, long start)
    {
        _scratchMatches.Clear();
        _detector.Scan(text, KeyClass.None, default, _scratchMatches, textRecord: true);
        if (_scratchMatches.Count > 0)
        {
            var slot = new Slot { Start = start, Length = text.Length, Kind = SlotKind.Text };
            AddBodyRecordSlot(slot, CollectionsMarshal.AsSpan(_scratchMatches), oversized: false);
        }
    }

    /// <summary>
    /// What a decoded form key says: classified as a JSON key, or, for a bracketed member (<c>shipping_address[city]</c>,
    /// <c>customer[name][first]</c>), the member's part role when the prefix names an address or name object, else the
    /// member's own class (the prefix's entities when the member names nothing, as for a JSON object's members).
    /// </summary>
    private KeyClass FormKey(ReadOnlySpan<byte> key)
    {
        if (key.IsEmpty)
        {
            return KeyClass.None;
        }

        KeywordTable keywords = _detector.Keywords;
        int open = key.LastIndexOf((byte)'[');
        if (open <= 0 || key[^1] != ']')
        {
            return keywords.ClassifyKey(key);
        }

        KeyClass member = keywords.ClassifyKey(key[(open + 1)..^1]);
        ReadOnlySpan<byte> container = key[..open];
        int containerOpen = container.LastIndexOf((byte)'[');
        KeyClass parent = keywords.ClassifyKey(containerOpen >= 0 && container[^1] == ']' ? container[(containerOpen + 1)..^1] : container);
        if (member.TakesPartRoleIn(parent.Role) && member.Role == ValueRole.None)
        {
            return new KeyClass(member.Entities, false, member.MemberPartRole);
        }

        return member.IsNone && parent.Entities != 0 ? parent.InheritedByMembers : member;
    }
}
