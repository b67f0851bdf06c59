using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Unicode;
using PiiExtProc.Scanning.Recognition;
using static PiiExtProc.Scanning.Recognition.JsonTokens;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// A one-pass proof that JSON is well-formed (the session's reader would read it without falling back to text) and that
/// the session's full scan would find nothing in it: for a whole body held in one final chunk (<see cref="Holds"/>), or
/// for the siblings that follow a clean object the reader just closed, in any chunk: object elements of the same array
/// (<see cref="CleanElementsEnd"/>) or object-valued properties of the same object (<see cref="CleanMembersEnd"/>). Conservative: any doubt means "run the full scan", which gives the same result, only slower.
/// </summary>
/// <remarks>
/// <para>Applies only without custom recognizers and deny-list terms (they can match any text). The body qualifies when
/// all of these hold:</para>
/// <list type="bullet">
/// <item>no <c>@</c> (email, UPI) and no <c>\</c> (escapes would change the decoded bytes), valid UTF-8;</item>
/// <item>it is exactly one object or array in a strict subset of what <see cref="System.Text.Json.Utf8JsonReader"/>
/// accepts with the session's options: RFC 8259 tokens, whitespace only around them, no control byte in strings, nesting
/// below both <see cref="ScanLimits.MaxJsonDepth"/> and 64, and no token that could pass
/// <see cref="ScanLimits.MaxRecordBytes"/> (checked as: no two token starts two apart more than that);</item>
/// <item>no property name has a whole-value role (names, addresses, device IDs; <see cref="KeyClassCache"/>);</item>
/// <item>no array directly in an array that is not in an array (a row of columnar JSON) after a column declaration
/// (an array under a key that <see cref="KeyClass.DeclaresColumns"/>; in a sibling walk, no declaration at all), and no
/// such array starting with a string (a possible header row): the session reads later rows under those columns;</item>
/// <item>every string value holding a digit, colon, equals sign or question mark (or starting like an embedded document), and every number the session scans (over
/// <see cref="Detector.ShortNumberBytes"/> and with a 6-digit or 9+-digit group), passes <see cref="CleanValueRules"/>
/// under the key class the session would give it (the same frames and inheritance as its JSON parser).</item>
/// </list>
/// <para>Strings are skipped 32 bytes at a time (quote, control byte and digit/colon/equals/question mark masks); per-token work happens only
/// at structural bytes, numbers and literals.</para>
/// </remarks>
internal static partial class CleanJsonProof
{
    /// <summary>
    /// What <see cref="ValueEnd"/>, <see cref="StringEnd"/> and <see cref="NameEnd"/> return when the data ended before
    /// the value (or string) did, where more data could complete it; -1 means it cannot be proved whatever follows.
    /// </summary>
    private const int Incomplete = -2;

    /// <summary>
    /// What <see cref="ValueEnd"/> returns when the data ended inside a string, number or literal value: as
    /// <see cref="Incomplete"/>, but the bytes walked are not all settled (the rest of that value decides its findings).
    /// </summary>
    private const int IncompleteInValue = -3;

    /// <summary>
    /// What <see cref="ValueEnd"/> returns when the data ended inside a property name: as <see cref="Incomplete"/>; the
    /// bytes walked end with that name's start.
    /// </summary>
    private const int IncompleteInName = -4;

    private static readonly SearchValues<byte> s_never = SearchValues.Create("@\\"u8);

    /// <summary>The bytes a JSON number is made of.</summary>
    private static readonly SearchValues<byte> s_numberBytes = SearchValues.Create("0123456789+-.eE"u8);

    /// <summary>
    /// The bytes no proved JSON holds: <c>@</c> (email, UPI) and <c>\</c> (escapes change the decoded bytes). Callers
    /// of <see cref="CleanElementsEnd"/> and <see cref="CleanMembersEnd"/> cut the data before the next one.
    /// </summary>
    public static SearchValues<byte> NeverBytes => s_never;

    /// <summary>True when <paramref name="body"/> is well-formed and no finding is possible in it (see the remarks).</summary>
    /// <param name="body">The whole body, UTF-8.</param>
    /// <param name="cache">The session's key class cache.</param>
    /// <param name="keywords">The scanner's keywords.</param>
    /// <param name="maxKeyBytes">Longest property name prefix the session classifies, bytes.</param>
    /// <param name="limits">The scanner's limits (depth, token size).</param>
    public static bool Holds(ReadOnlySpan<byte> body, ref KeyClassCache cache, KeywordTable keywords, int maxKeyBytes, ScanLimits limits)
    {
        if (body.IndexOfAny(s_never) >= 0 || !Utf8.IsValid(body))
        {
            return false;
        }

        ProofScratch scratch = ProofScratch.ForThread();
        var walk = new ProofWalk(scratch, keywords, maxKeyBytes, Math.Min(ProofScratch.MaxFrames, limits.MaxJsonDepth), limits.MaxRecordBytes, 0) { WholeBody = true };
        int end = ValueEnd(body, 0, 0, ref walk, ref cache);
        return end >= 0 && SkipWhitespace(body, end) == body.Length && body.Length - walk.SecondPreviousStart <= walk.MaxToken;
    }

    /// <summary>
    /// The end of the one value at or after <paramref name="i"/> (whitespace skipped), walked with
    /// <paramref name="depth"/> containers open (their frames in <paramref name="walk"/>), when it is well-formed and no
    /// finding is possible in it; <see cref="Incomplete"/> when the body ends inside it before anything disproves it
    /// (a later chunk may complete it), <see cref="IncompleteInValue"/> when that end is inside a string, number or
    /// literal value, <see cref="IncompleteInName"/> when it is inside a property name; else -1. At depth 0 only an object or array qualifies.
    /// </summary>
    /// <remarks>
    /// The grammar is walked with one label per expectation (a value, a property name, what follows a value) so each
    /// transition is its own branch. Token starts (every byte a reader token begins at but commas and the colon after a
    /// name) are counted at <c>Value</c>, <c>Key</c> and closing brackets.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)] // its own register allocation: inlined into large callers it ran at half speed
    private static int ValueEnd(ReadOnlySpan<byte> body, int i, int depth, ref ProofWalk walk, ref KeyClassCache cache)
    {
        int baseDepth = depth;
        Span<ProofFrame> frames = walk.Frames;
        Span<KeyMemo> memo = walk.Memo;
        KeywordTable keywords = walk.Keywords;
        int maxToken = walk.MaxToken;
        int previousStart = walk.PreviousStart;
        int secondPreviousStart = walk.SecondPreviousStart;
        byte b;

    Value:
        i = SkipWhitespace(body, i);
        if (i >= body.Length)
        {
            return Incomplete;
        }

        if (i - secondPreviousStart > maxToken)
        {
            return -1;
        }

        secondPreviousStart = previousStart;
        previousStart = i;
        b = body[i];
        if (b == '"')
        {
            int end = StringEnd(body, i + 1, out bool trigger);
            if (end < 0)
            {
                return end == Incomplete ? IncompleteInValue : -1;
            }

            if (depth == 0
                || ((trigger || Detector.IsEmbeddedDocument(body[(i + 1)..end]))
                    && !CleanValueRules.IsClean(body[(i + 1)..end], ValueKey(frames, depth, forContainer: false), keywords)))
            {
                return -1;
            }

            if (frames[depth - 1].PropertyKey.Attribute == AttributeMember.Label)
            {
                // An attribute-list label (the session's RememberAttributeLabel): a value member after it reads under it.
                ref ProofFrame labelled = ref frames[depth - 1];
                labelled.AttributeLabelLength = AttributeLabel.Fits(body[(i + 1)..end]) ? end - i - 1 : 0;
                labelled.AttributeLabelStart = i + 1;
            }

            i = end + 1;
            goto AfterValue;
        }

        if (b is (byte)'{' or (byte)'[')
        {
            if (depth + 1 >= walk.MaxDepth)
            {
                return -1;
            }

            if (b == '[' && depth > 0 && frames[depth - 1].IsArray && (depth < 2 || !frames[depth - 2].IsArray)
                && (walk.ColumnsDeclared || (SkipWhitespace(body, i + 1) is int first && first < body.Length && body[first] == '"')))
            {
                // A row after a column declaration is read under its columns, and a row of strings in an array of arrays
                // may be a header row, which gives the rows after it keys (the session's columnar JSON): not proved.
                return -1;
            }

            frames[depth] = new ProofFrame { IsArray = b == '[', ContainerKey = ValueKey(frames, depth, forContainer: true) };
            depth++;
            i = SkipWhitespace(body, i + 1);
            if (i >= body.Length)
            {
                return Incomplete;
            }

            // '{' + 2 is '}' and '[' + 2 is ']': an empty container.
            if (body[i] == b + 2)
            {
                if (i - secondPreviousStart > maxToken)
                {
                    return -1;
                }

                secondPreviousStart = previousStart;
                previousStart = i;
                depth--;
                i++;
                goto AfterValue;
            }

            if (b == '[')
            {
                goto Value;
            }

            goto Key;
        }

        if (b is (byte)'t' or (byte)'f' or (byte)'n')
        {
            ReadOnlySpan<byte> literal = b == 't' ? "true"u8 : b == 'f' ? "false"u8 : "null"u8;
            if (depth == 0 || !body[i..].StartsWith(literal))
            {
                // Cut at the data's end ("tr"): a later chunk may complete it.
                return depth > 0 && literal.StartsWith(body[i..]) ? IncompleteInValue : -1;
            }

            i += literal.Length;
            goto AfterValue;
        }

        int numberEnd = NumberEnd(body, i, out bool scanned);
        if ((uint)numberEnd >= (uint)body.Length)
        {
            // Not a number, or one that reaches the data's end ("12", "1.", "-"), which a later chunk may continue.
            return depth > 0 && body[i..].IndexOfAnyExcept(s_numberBytes) < 0 ? IncompleteInValue : -1;
        }

        if (depth == 0
            || (scanned && numberEnd - i > Detector.ShortNumberBytes
                && !CleanValueRules.IsClean(body[i..numberEnd], ValueKey(frames, depth, forContainer: false), keywords)))
        {
            return -1;
        }

        i = numberEnd;

    AfterValue:
        if (depth == baseDepth)
        {
            walk.PreviousStart = previousStart;
            walk.SecondPreviousStart = secondPreviousStart;
            return i;
        }

        i = SkipWhitespace(body, i);
        if (i >= body.Length)
        {
            return Incomplete;
        }

        b = body[i];
        bool inArray = frames[depth - 1].IsArray;
        if (b == ',')
        {
            i++;
            if (inArray)
            {
                goto Value;
            }

            goto Key;
        }

        if (b != (inArray ? ']' : '}') || i - secondPreviousStart > maxToken)
        {
            return -1;
        }

        secondPreviousStart = previousStart;
        previousStart = i;
        depth--;
        i++;
        goto AfterValue;

    Key:
        i = SkipWhitespace(body, i);
        if (i >= body.Length)
        {
            return Incomplete;
        }

        if (body[i] != '"' || i - secondPreviousStart > maxToken)
        {
            return -1;
        }

        secondPreviousStart = previousStart;
        previousStart = i;
        {
            int end = NameEnd(body, i + 1);
            if (end < 0)
            {
                return end == Incomplete ? IncompleteInName : -1;
            }

            int nameLength = end - i - 1;
            int keyLength = Math.Min(nameLength, walk.MaxKeyBytes);
            ref ProofFrame frame = ref frames[depth - 1];
            ref KeyMemo slot = ref memo[((depth * 16) + frame.Ordinal) & (ProofScratch.MemoSlots - 1)];
            frame.Ordinal++;

            // A name longer than the classified prefix never matches its slot: its trigger test needs the whole name.
            if (slot.Generation != walk.Generation || slot.Length != nameLength || !SameBytes(body, slot.Start, i + 1, keyLength))
            {
                // The key cache remembers the trigger test of the names it holds (up to 31 bytes, never truncated).
                cache.Classify(body.Slice(i + 1, keyLength), body.Slice(i + 1, nameLength), keywords, out slot.Class, out _, out _, out slot.MayHoldEntity);
                slot.Start = i + 1;
                slot.Length = keyLength;
                slot.Generation = walk.Generation;
                if (slot.Class.Role != ValueRole.None)
                {
                    return -1;
                }
            }

            if (slot.MayHoldEntity
                && !CleanValueRules.IsClean(body.Slice(i + 1, nameLength), JsonValueKey.OfName(frame.ContainerKey), keywords))
            {
                // The session scans such a name as a value (a map keyed by mobile numbers).
                return -1;
            }

            frame.PropertyKey = slot.Class;
            if (slot.Class.Attribute == AttributeMember.Value && frame.AttributeLabelLength > 0)
            {
                // A value member after a label (the session's ApplyAttributeLabel): read under the label's class.
                KeyClass labelClass = cache.Classify(body.Slice(frame.AttributeLabelStart, frame.AttributeLabelLength), keywords);
                if (labelClass.Role != ValueRole.None)
                {
                    return -1;
                }

                if (AttributeLabel.Names(labelClass))
                {
                    frame.PropertyKey = labelClass with { Attribute = AttributeMember.None };
                }
            }

            i = SkipWhitespace(body, end + 1);
            if (i >= body.Length)
            {
                return Incomplete;
            }

            if (body[i] != ':')
            {
                return -1;
            }

            i++;
            if (frame.PropertyKey.DeclaresColumns && SkipWhitespace(body, i) is int next && next < body.Length && body[next] == '[')
            {
                // A column declaration gives the rows after it keys (the session's columnar JSON): a whole body's walk
                // disproves those rows; a sibling walk stops, as the session would not read the declaration.
                if (!walk.WholeBody)
                {
                    return -1;
                }

                walk.ColumnsDeclared = true;
            }

            goto Value;
        }
    }

    /// <summary>True when the <paramref name="length"/> bytes at <paramref name="a"/> and at <paramref name="b"/> are equal.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SameBytes(ReadOnlySpan<byte> body, int a, int b, int length)
    {
        if (Vector128.IsHardwareAccelerated && length <= Vector128<byte>.Count
            && Math.Max(a, b) <= body.Length - Vector128<byte>.Count)
        {
            // In bounds: both 16-byte loads end at or before the body's end (checked just above; a and b are not negative).
            ref byte origin = ref MemoryMarshal.GetReference(body);
            uint equal = Vector128.Equals(Vector128.LoadUnsafe(ref origin, (nuint)a), Vector128.LoadUnsafe(ref origin, (nuint)b))
                .ExtractMostSignificantBits();
            uint wanted = (1u << length) - 1;
            return (equal & wanted) == wanted;
        }

        return body.Slice(a, length).SequenceEqual(body.Slice(b, length));
    }

    /// <summary>
    /// The session's <c>ValueKey</c>: what the key of the current value (or of a container about to open) says. The
    /// session's address- and name-object rules (part roles of members, the objects of an array of addresses or names)
    /// are not needed here: the proof stops at any key with a role, and the sibling walks never start in an array whose
    /// key has one (<see cref="CleanElementsEnd"/>), so it never reads inside an address or name object. An attribute
    /// list's label is modelled at its value member (<see cref="AttributeMember"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static KeyClass ValueKey(Span<ProofFrame> frames, int depth, bool forContainer)
    {
        if (depth == 0)
        {
            return KeyClass.None;
        }

        ref ProofFrame top = ref frames[depth - 1];
        if (top.IsArray)
        {
            return forContainer ? top.ContainerKey with { Role = ValueRole.None } : top.ContainerKey;
        }

        KeyClass key = top.PropertyKey;
        if (key.IsNone && top.ContainerKey.Entities != 0)
        {
            return top.ContainerKey.InheritedByMembers;
        }

        return key;
    }

    /// <summary>As <see cref="StringEnd"/> without the trigger test (a name's triggers are tested once per distinct name, <see cref="PropertyNameTriggers"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int NameEnd(ReadOnlySpan<byte> body, int from)
    {
        int i = from;
        if (Vector256.IsHardwareAccelerated)
        {
            ref byte origin = ref MemoryMarshal.GetReference(body);
            Vector256<byte> quote = Vector256.Create((byte)'"');
            Vector256<byte> space = Vector256.Create((byte)' ');
            while (i <= body.Length - Vector256<byte>.Count)
            {
                // In bounds: the loop condition keeps the 32-byte load inside the body.
                Vector256<byte> v = Vector256.LoadUnsafe(ref origin, (nuint)i);
                uint stops = (Vector256.Equals(v, quote) | Vector256.LessThan(v, space)).ExtractMostSignificantBits();
                if (stops != 0)
                {
                    int t = i + BitOperations.TrailingZeroCount(stops);
                    return body[t] == '"' ? t : -1;
                }

                i += Vector256<byte>.Count;
            }
        }

        for (; i < body.Length; i++)
        {
            byte c = body[i];
            if (c == '"')
            {
                return i;
            }

            if (c < ' ')
            {
                return -1;
            }
        }

        return Incomplete;
    }

    /// <summary>
    /// The position of the quote closing a string whose content starts at <paramref name="from"/>, -1 when a control
    /// byte comes first, or <see cref="Incomplete"/> when the body ends first; <paramref name="trigger"/> tells whether the content has a digit, a
    /// colon, an equals sign or a question mark.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int StringEnd(ReadOnlySpan<byte> body, int from, out bool trigger)
    {
        trigger = false;
        int i = from;
        if (Vector256.IsHardwareAccelerated)
        {
            ref byte origin = ref MemoryMarshal.GetReference(body);
            Vector256<byte> quote = Vector256.Create((byte)'"');
            Vector256<byte> space = Vector256.Create((byte)' ');
            Vector256<byte> zero = Vector256.Create((byte)'0');
            Vector256<byte> ten = Vector256.Create((byte)10);
            Vector256<byte> colon = Vector256.Create((byte)':');
            Vector256<byte> question = Vector256.Create((byte)'?');
            Vector256<byte> equals = Vector256.Create((byte)'=');
            while (i <= body.Length - Vector256<byte>.Count)
            {
                Vector256<byte> v = Vector256.LoadUnsafe(ref origin, (nuint)i);
                uint stops = (Vector256.Equals(v, quote) | Vector256.LessThan(v, space)).ExtractMostSignificantBits();
                uint triggers = (Vector256.LessThan(v - zero, ten) | Vector256.Equals(v, colon) | Vector256.Equals(v, question) | Vector256.Equals(v, equals)).ExtractMostSignificantBits();
                if (stops != 0)
                {
                    int t = BitOperations.TrailingZeroCount(stops);
                    trigger |= (triggers & ((1u << t) - 1)) != 0;
                    return body[i + t] == '"' ? i + t : -1;
                }

                trigger |= triggers != 0;
                i += Vector256<byte>.Count;
            }
        }

        for (; i < body.Length; i++)
        {
            byte c = body[i];
            if (c == '"')
            {
                return i;
            }

            if (c < ' ')
            {
                return -1;
            }

            trigger |= Ascii.IsDigit(c) || c is (byte)':' or (byte)'?' or (byte)'=';
        }

        return Incomplete;
    }
}
