using System.Text.Json;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// The embedded JSON pass of a <see cref="Detector"/>: a text record or a value that is itself one whole JSON document
/// (a webhook's stringified payload, a JSON log line in a text body) is read as JSON, each value scanned with its own
/// key, as the same document sent as a body would be (columnar JSON too: <see cref="ColumnTable"/>); the text candidate pass then runs over the whole document too
/// (context words in sibling values), and overlapping matches resolve as usual (key evidence first).
/// </summary>
internal sealed partial class Detector
{
    /// <summary>Deepest nesting read in an embedded JSON document; a deeper one is read as text.</summary>
    internal const int MaxEmbeddedJsonDepth = 16;

    /// <summary>
    /// When <paramref name="text"/> (after leading whitespace) is exactly one JSON object or array, with nesting up to
    /// <see cref="MaxEmbeddedJsonDepth"/>, scans each of its string and number values with its key class
    /// (<see cref="JsonValueKey"/>: key roles, address and name objects, entities inherited from a container's key) and
    /// appends the matches in <paramref name="text"/>'s coordinates, in order; returns true. Otherwise (not JSON,
    /// malformed, trailing bytes other than whitespace, too deep) appends nothing and returns false, and the caller
    /// reads the text as text. A value with escapes is scanned as its raw bytes (offsets stay those of
    /// <paramref name="text"/>); a document inside it is read as text, not as JSON again.
    /// </summary>
    /// <param name="text">The text record or value, UTF-8.</param>
    /// <param name="key">The key class of the value holding the document (<see cref="KeyClass.None"/> for a text
    /// record): the document's top container is under it, as a nested container is under its property's key (an
    /// <c>"address"</c> holding <c>"{\"line1\": ..., \"city\": ...}"</c> is an address object).</param>
    /// <param name="output">Receives the matches.</param>
    private bool TryScanEmbeddedJson(ReadOnlySpan<byte> text, KeyClass key, List<RawMatch> output)
    {
        if (!JsonShape.IsOneDocument(text, MaxEmbeddedJsonDepth))
        {
            // Checked first, without exceptions: most values that only start like JSON are templates or fragments.
            return false;
        }

        int entry = output.Count;
        Span<EmbeddedFrame> frames = stackalloc EmbeddedFrame[MaxEmbeddedJsonDepth];
        int depth = 0;
        ColumnTable columns = t_columns ??= new ColumnTable();
        columns.Reset();
        var reader = new Utf8JsonReader(text, new JsonReaderOptions { MaxDepth = MaxEmbeddedJsonDepth, CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        bool isArray = reader.TokenType == JsonTokenType.StartArray;
                        ColumnPart part = ColumnPart.None;
                        if (depth > 0)
                        {
                            // Columnar JSON, as in a body (ColumnTable); a row's cells count in the document's record.
                            ref EmbeddedFrame parent = ref frames[depth - 1];
                            if (ColumnTable.MayOpen(parent.ColumnPart, parent.IsArray, parent.PropertyKey, isArray))
                            {
                                part = columns.Open(ref parent.ColumnPart, parent.IsArray, parent.ContainerElements, depth >= 2 && frames[depth - 2].IsArray, isArray);
                            }

                            parent.ContainerElements += parent.IsArray ? 1 : 0;
                        }

                        KeyClass containerKey = depth == 0 ? key with { Attribute = AttributeMember.None } : KeyOf(ref frames[depth - 1], forContainer: true, columns);
                        frames[depth++] = new EmbeddedFrame { IsArray = isArray, ContainerKey = containerKey, ColumnPart = part };
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        depth--;
                        if (frames[depth].ColumnPart != ColumnPart.None && columns.Close(frames[depth].ColumnPart))
                        {
                            // An adopted header row: its array (the parent, which a header row always has) is a table.
                            frames[depth - 1].ColumnPart = ColumnPart.Table;
                        }

                        break;
                    case JsonTokenType.PropertyName:
                        frames[depth - 1].PropertyKey = _keywords.ClassifyKey(reader.ValueSpan);
                        frames[depth - 1].PropertyName = (int)reader.TokenStartIndex + 1;
                        frames[depth - 1].PropertyNameLength = reader.ValueSpan.Length;
                        if (frames[depth - 1].PropertyKey.Attribute == AttributeMember.Value && frames[depth - 1].LabelLength > 0)
                        {
                            ApplyEmbeddedLabel(text, ref frames[depth - 1], output);
                        }

                        break;
                    case JsonTokenType.String or JsonTokenType.Number:
                        if (depth > 0)
                        {
                            ref EmbeddedFrame top = ref frames[depth - 1];
                            if (ColumnTable.ReadsNames(top.ColumnPart))
                            {
                                // The raw bytes: a column name with escapes is classified as it is written.
                                columns.ReadName(top.ColumnPart, reader.ValueSpan, reader.TokenType == JsonTokenType.Number,
                                    top.PropertyNameLength > 0 ? text.Slice(top.PropertyName, top.PropertyNameLength) : default, _keywords);
                            }

                            int before = output.Count;
                            ScanEmbeddedValue(text, in reader, ref top, columns, output);
                            if (reader.TokenType == JsonTokenType.String && frames[depth - 1].PropertyKey.Attribute == AttributeMember.Label)
                            {
                                // An attribute-list label: a value member after it reads under its class (see AttributeMember).
                                ref EmbeddedFrame labelled = ref frames[depth - 1];
                                labelled.LabelLength = AttributeLabel.Fits(reader.ValueSpan) ? reader.ValueSpan.Length : 0;
                                labelled.Label = (int)reader.TokenStartIndex + 1;
                                labelled.LabelMatches = before;
                                labelled.LabelMatchesEnd = output.Count;
                            }
                        }

                        break;
                    default:
                        if (depth > 0 && frames[depth - 1].ColumnPart != ColumnPart.None)
                        {
                            columns.ReadLiteral(frames[depth - 1].ColumnPart, ref frames[depth - 1].Column);
                        }

                        break;
                }

                if (depth == 0)
                {
                    break;
                }
            }

            // Unreachable while JsonShape accepts exactly what the reader reads (EmbeddedJsonShapeTests); kept, like the
            // catch below, so that a disagreement reads the text as text instead of losing its tail.
            if (depth != 0 || reader.BytesConsumed == 0 || text[(int)reader.BytesConsumed..].TrimStart(" \t\r\n"u8).Length != 0)
            {
                output.RemoveRange(entry, output.Count - entry);
                return false;
            }

            return true;
        }
        catch (JsonException)
        {
            // Not expected after JsonShape's check; kept so that any disagreement reads the text as text.
            output.RemoveRange(entry, output.Count - entry);
            return false;
        }
    }

    private void ScanEmbeddedValue(ReadOnlySpan<byte> text, in Utf8JsonReader reader, ref EmbeddedFrame frame, ColumnTable columns, List<RawMatch> output)
    {
        bool isString = reader.TokenType == JsonTokenType.String;
        int start = (int)reader.TokenStartIndex + (isString ? 1 : 0);
        ReadOnlySpan<byte> value = text.Slice(start, reader.ValueSpan.Length);

        // Before the empty check: an empty cell of a row still takes its column.
        KeyClass key = KeyOf(ref frame, forContainer: false, columns);
        if (value.IsEmpty)
        {
            return;
        }

        if (!isString)
        {
            key = key.ForNumber;
        }

        ReadOnlySpan<byte> keyName = frame.IsArray || frame.PropertyNameLength <= 0 ? default : text.Slice(frame.PropertyName, frame.PropertyNameLength);
        int before = output.Count;
        ScanSpan(value, key, _custom.Length > 0 ? keyName : default, output, textRecord: isString && IsEmbeddedDocument(value), encodedQueries: true);
        for (int m = before; m < output.Count; m++)
        {
            RawMatch match = output[m];
            match.Start += start;
            output[m] = match;
        }
    }

    /// <summary>
    /// A value member after a label in <paramref name="frame"/>: when the label classifies as a key, the member takes its
    /// class, and the label's own matches, if they are the last ones and all person names, are removed (a label is not
    /// a name). The label's raw bytes are classified (escapes stay as they are).
    /// </summary>
    private void ApplyEmbeddedLabel(ReadOnlySpan<byte> text, ref EmbeddedFrame frame, List<RawMatch> output)
    {
        KeyClass labelClass = _keywords.ClassifyKey(text.Slice(frame.Label, frame.LabelLength));
        if (!AttributeLabel.Names(labelClass))
        {
            return;
        }

        frame.PropertyKey = labelClass with { Attribute = AttributeMember.None };
        if (frame.LabelMatchesEnd == output.Count && frame.LabelMatchesEnd > frame.LabelMatches)
        {
            for (int m = frame.LabelMatches; m < frame.LabelMatchesEnd; m++)
            {
                if (!ReferenceEquals(output[m].Entity, PiiEntity.PersonName))
                {
                    return;
                }
            }

            output.RemoveRange(frame.LabelMatches, frame.LabelMatchesEnd - frame.LabelMatches);
        }
    }

    /// <summary>The key class of the next value (or container) in <paramref name="frame"/>: a row's element under its
    /// column (which advances), else as in a body (<see cref="JsonValueKey"/>).</summary>
    private static KeyClass KeyOf(ref EmbeddedFrame frame, bool forContainer, ColumnTable columns) =>
        frame.ColumnPart == ColumnPart.Row
            ? JsonValueKey.Of(isArray: false, frame.ContainerKey, columns.NextColumnKey(ref frame.Column), forContainer)
            : JsonValueKey.Of(frame.IsArray, frame.ContainerKey, frame.PropertyKey, forContainer);

    /// <summary>This thread's column table for the embedded pass (one document at a time: a document inside a value of
    /// a document is read as text, not as JSON again).</summary>
    [ThreadStatic]
    private static ColumnTable? t_columns;

    /// <summary>True when <paramref name="text"/> starts, after whitespace, like a JSON object or array.</summary>
    private static bool StartsLikeJson(ReadOnlySpan<byte> text)
    {
        ReadOnlySpan<byte> trimmed = text.TrimStart(" \t\r\n"u8);
        return !trimmed.IsEmpty && trimmed[0] is (byte)'{' or (byte)'[';
    }

    /// <summary>One open container of an embedded JSON document.</summary>
    private struct EmbeddedFrame
    {
        public bool IsArray;
        public KeyClass ContainerKey;
        public KeyClass PropertyKey;

        /// <summary>Offset of the current property's name in the document (raw bytes), and its length.</summary>
        public int PropertyName;
        public int PropertyNameLength;

        /// <summary>Offset of the last attribute-list label string in the document (raw bytes), and its length; 0 for none.</summary>
        public int Label;
        public int LabelLength;

        /// <summary>The label's matches in the output: from <see cref="LabelMatches"/> to <see cref="LabelMatchesEnd"/>.</summary>
        public int LabelMatches;
        public int LabelMatchesEnd;

        /// <summary>The part this container plays in columnar JSON (<see cref="ColumnTable"/>).</summary>
        public ColumnPart ColumnPart;

        /// <summary>For a <see cref="ColumnPart.Row"/>: the column of the next element.</summary>
        public int Column;

        /// <summary>For arrays: the objects and arrays opened in it so far.</summary>
        public int ContainerElements;
    }
}
