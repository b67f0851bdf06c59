using System.Buffers;
using System.Runtime.InteropServices;
using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// CSV scanning of a <see cref="BodyScanSession"/> (<see cref="BodyFormat.Csv"/>, RFC 4180 with the delimiter read from
/// the first row): each row is a record for the combination rule, and each field is scanned with its column's header
/// as its key, so a <c>mobile</c> column's bare 10-digit numbers and a <c>customer_name</c> column's names are found as
/// a JSON value under that key would be. A quoted field may hold delimiters, doubled quotes and line breaks. A name or
/// email that a field holds is found again where a later free-text field repeats it (a <c>note</c> column), as in JSON.
/// </summary>
public sealed partial class BodyScanSession
{
    /// <summary>Most columns given a key by the header row; later columns are scanned without one.</summary>
    private const int MaxCsvColumns = 256;

    /// <summary>Delimiters recognized in the first row, by how often they occur outside quotes (comma on a tie).</summary>
    private static ReadOnlySpan<byte> CsvDelimiters => ",\t;|"u8;

    private bool _csvMode;

    /// <summary>Absolute offset of the next row not scanned yet.</summary>
    private long _csvPosition;

    /// <summary>Absolute offset up to which the current row was already walked for quotes and its line feed.</summary>
    private long _csvWalkedTo;

    /// <summary>Whether the walk of the current row ended inside a quoted field.</summary>
    private bool _csvInQuotes;

    /// <summary>The field delimiter, from the first row; 0 before it is read.</summary>
    private byte _csvDelimiter;

    /// <summary>The key class of each header column (the first <see cref="_csvColumnCount"/>).</summary>
    private KeyClass[] _csvColumnKeys = [];

    private int _csvColumnCount;

    /// <summary>Header names, for custom recognizers' context: the bytes, and each column's range in them.</summary>
    private byte[] _csvHeaderNames = [];

    private (int Start, int Length)[] _csvHeaderRanges = [];

    /// <summary>Most rows after a title line (a first row of fewer than two fields that are not empty, naming nothing)
    /// that are looked at for the real header row (a report's title and date lines before it, Excel's <c>sep=;</c>
    /// line).</summary>
    private const int MaxCsvPreambleRows = 8;

    /// <summary>Longest field of a header row found after a preamble, bytes: a longer field is data.</summary>
    private const int MaxCsvHeaderFieldBytes = 64;

    /// <summary>Rows left to look for the header row in (<see cref="MaxCsvPreambleRows"/>); 0 once found or given up.</summary>
    private int _csvHeaderSearchRows;

    /// <summary>The first row had no delimiter at all (a title line): the header row found later gives it.</summary>
    private bool _csvDelimiterGuessed;

    /// <summary>
    /// In a multipart body's CSV part, read line by line: the last line ended inside a quoted field (a line break in
    /// an address), so the next line starts inside it, in column <see cref="_csvContinuedColumn"/>, and is the same row
    /// (record).
    /// </summary>
    private bool _csvRowContinues;

    private int _csvContinuedColumn;

    private void ResetCsv(BodyFormat format)
    {
        _csvMode = format == BodyFormat.Csv;
        _csvPosition = 0;
        _csvWalkedTo = 0;
        _csvInQuotes = false;
        ResetCsvTable();
    }

    /// <summary>Forgets the delimiter, the header and any row in progress: the next row is a first row (a CSV body's
    /// start, or a multipart body's CSV part).</summary>
    private void ResetCsvTable()
    {
        _csvDelimiter = 0;
        _csvColumnCount = 0;
        _csvHeaderSearchRows = 0;
        _csvDelimiterGuessed = false;
        _csvRowContinues = false;
        _csvContinuedColumn = 0;
    }

    private void ParseCsv(ReadOnlySpan<byte> work, long workOffset, bool isFinal)
    {
        int max = _limits.MaxRecordBytes;
        while (true)
        {
            ReadOnlySpan<byte> rest = work[(int)(_csvPosition - workOffset)..];
            if (rest.IsEmpty)
            {
                return;
            }

            int length = CsvRowLength(rest, _csvPosition, max);
            if (length < 0)
            {
                if (rest.Length > max)
                {
                    // One row longer than the record limit: the rest of the body is text.
                    _textMode = true;
                    _csvMode = false;
                    FellBackToText = true;
                    _textPosition = _csvPosition;
                    return;
                }

                if (!isFinal)
                {
                    return;
                }

                length = rest.Length;
            }

            ScanCsvRow(rest[..length], _csvPosition);
            _csvPosition += length;
            if (_slots.Count >= EarlyReleaseSlots)
            {
                ReleaseEarly(work, workOffset);
            }
        }
    }

    /// <summary>
    /// Length of the row at the start of <paramref name="rest"/> (absolute offset <paramref name="position"/>) with its
    /// line feed, the first line feed outside quotes within <paramref name="max"/> bytes; -1 when it is not there yet.
    /// The bytes an earlier chunk walked are not walked again (<see cref="_csvWalkedTo"/>, <see cref="_csvInQuotes"/>).
    /// </summary>
    private int CsvRowLength(ReadOnlySpan<byte> rest, long position, int max)
    {
        int limit = Math.Min(rest.Length, max);
        int i = (int)Math.Clamp(_csvWalkedTo - position, 0, limit);
        bool inQuotes = i > 0 && _csvInQuotes;
        while (i < limit)
        {
            int k = rest[i..limit].IndexOfAny((byte)'"', (byte)'\n');
            if (k < 0)
            {
                i = limit;
                break;
            }

            i += k;
            if (rest[i] == '\n' && !inQuotes)
            {
                return i + 1;
            }

            inQuotes ^= rest[i] == '"';
            i++;
        }

        _csvWalkedTo = position + i;
        _csvInQuotes = inQuotes;
        return -1;
    }

    /// <summary>
    /// Scans one row (with its line break): each field with its column's key; the row is one record. The first row is
    /// the header; when it has fewer than two fields that are not empty and none names a role or an entity (a title
    /// line), the first of the next <see cref="MaxCsvPreambleRows"/> rows that looks like a header
    /// (<see cref="IsCsvHeaderRow"/>) replaces it, so a report's title and date lines or Excel's <c>sep=;</c> line before
    /// the real header do not leave the data without keys.
    /// </summary>
    private void ScanCsvRow(ReadOnlySpan<byte> row, long start)
    {
        ReadOnlySpan<byte> content = row.TrimEnd("\r\n"u8);
        if (_csvRowContinues)
        {
            ContinueCsvRow(content, start);
            return;
        }

        bool header = _csvDelimiter == 0;
        bool firstRow = header;
        if (header)
        {
            _csvDelimiter = DetectCsvDelimiter(row, out bool anyDelimiter);
            _csvDelimiterGuessed = !anyDelimiter;
            if (content.Length == 5 && content.StartsWith("sep="u8))
            {
                // Excel's delimiter line: the header follows it.
                _csvDelimiter = content[4];
                _csvDelimiterGuessed = false;
            }
        }
        else if (_csvHeaderSearchRows > 0)
        {
            _csvHeaderSearchRows--;
            byte delimiter = _csvDelimiter;
            if (_csvDelimiterGuessed)
            {
                byte detected = DetectCsvDelimiter(row, out bool anyDelimiter);
                delimiter = anyDelimiter ? detected : delimiter;
            }

            if (IsCsvHeaderRow(content, delimiter))
            {
                header = true;
                _csvDelimiter = delimiter;
                _csvColumnCount = 0;
                _csvHeaderSearchRows = 0;
            }
        }

        int headerFields = ScanCsvFields(content, start, 0, 0, header);
        if (_csvRowContinues)
        {
            // A multipart CSV part's row goes on in the next line.
            return;
        }

        if (firstRow && headerFields < 2 && !CsvColumnsNameSomething())
        {
            // A title line (Order Report,,) or Excel's sep=; line, not a header: a first row of two or more fields is the
            // header even when its names say nothing (id,sku,qty), so a data row later is never taken for one.
            _csvHeaderSearchRows = MaxCsvPreambleRows;
        }

        ResolveOpenRecords();
    }

    /// <summary>
    /// Scans the fields of <paramref name="content"/> (a row without its line break, at absolute
    /// <paramref name="start"/>) from index <paramref name="position"/>, the first in column <paramref name="column"/>;
    /// a header row's fields become the columns. Returns the header's fields that are not empty. In a multipart body, a
    /// last field whose quote does not close on this line is scanned from after its quote and the row is marked to go on
    /// (<see cref="_csvRowContinues"/>).
    /// </summary>
    private int ScanCsvFields(ReadOnlySpan<byte> content, long start, int position, int column, bool header)
    {
        int headerFields = 0;
        while (true)
        {
            int end = CsvFieldEnd(content, position, _csvDelimiter);
            ReadOnlySpan<byte> field = content[position..end];
            if (header)
            {
                AddCsvColumn(field, column);
                headerFields += CsvFieldValue(field, out _, out _).IsEmpty ? 0 : 1;
            }

            if (end >= content.Length && _multipartMode && OpenQuoteEnd(field) is int inside and >= 0)
            {
                ScanCsvField(field[inside..], start + position + inside, header ? -1 : column);
                _csvRowContinues = true;
                _csvContinuedColumn = column;
                return headerFields;
            }

            // The header's own fields are scanned without keys (a "Customer Name" header is not a name), so a CSV that has
            // no header loses nothing in its first row.
            ScanCsvField(field, start + position, header ? -1 : column);
            if (end >= content.Length)
            {
                return headerFields;
            }

            position = end + 1;
            column++;
        }
    }

    /// <summary>
    /// A line of a multipart CSV part that starts inside a quoted field (<see cref="_csvRowContinues"/>): the field's
    /// rest up to its closing quote is scanned under its column, then the row's other fields; the row ends (its record
    /// is decided) when this line does not end inside a quoted field again.
    /// </summary>
    private void ContinueCsvRow(ReadOnlySpan<byte> content, long start)
    {
        _csvRowContinues = false;
        int column = _csvContinuedColumn;
        int close = ClosingQuote(content);
        if (close < 0)
        {
            ScanCsvField(content, start, column);
            _csvRowContinues = true;
            return;
        }

        ScanCsvField(content[..close], start, column);
        int end = CsvFieldEnd(content, close + 1, _csvDelimiter);
        if (end < content.Length)
        {
            ScanCsvFields(content, start, end + 1, column + 1, header: false);
        }

        if (!_csvRowContinues)
        {
            ResolveOpenRecords();
        }
    }

    /// <summary>Index of the first quote in <paramref name="text"/> that is not doubled (closes a quoted field), or -1.</summary>
    private static int ClosingQuote(ReadOnlySpan<byte> text)
    {
        int i = 0;
        while (true)
        {
            int q = text[i..].IndexOf((byte)'"');
            if (q < 0)
            {
                return -1;
            }

            q += i;
            if (q + 1 < text.Length && text[q + 1] == '"')
            {
                i = q + 2;
                continue;
            }

            return q;
        }
    }

    /// <summary>For a field whose quote opens and does not close (<c>"12 MG Road,</c>): the index just after that quote;
    /// else -1.</summary>
    private static int OpenQuoteEnd(ReadOnlySpan<byte> field)
    {
        int quote = field.IndexOfAnyExcept((byte)' ');
        if (quote < 0 || field[quote] != '"')
        {
            return -1;
        }

        return ClosingQuote(field[(quote + 1)..]) < 0 ? quote + 1 : -1;
    }

    /// <summary>True when a header column names a role or a non-negative entity.</summary>
    private bool CsvColumnsNameSomething()
    {
        foreach (KeyClass key in _csvColumnKeys.AsSpan(0, _csvColumnCount))
        {
            if (key.NamesRoleOrEntity)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="content"/> (a row without its line break) split by <paramref name="delimiter"/> looks
    /// like a header row: two or more fields, none longer than <see cref="MaxCsvHeaderFieldBytes"/> or holding an
    /// <c>@</c> or three digits in a row, and one naming a role or a non-negative entity (<c>Customer Name</c>,
    /// <c>E-mail ID</c>).
    /// </summary>
    private bool IsCsvHeaderRow(ReadOnlySpan<byte> content, byte delimiter)
    {
        int fields = 0;
        bool namesSomething = false;
        int position = 0;
        while (true)
        {
            int end = CsvFieldEnd(content, position, delimiter);
            ReadOnlySpan<byte> value = CsvFieldValue(content[position..end], out _, out _);
            if (value.Length > MaxCsvHeaderFieldBytes || value.Contains((byte)'@') || Ascii.HasDigitRun(value, 3))
            {
                return false;
            }

            fields++;
            if (!namesSomething && !value.IsEmpty)
            {
                namesSomething = _detector.Keywords.ClassifyKey(value).NamesRoleOrEntity;
            }

            if (end >= content.Length)
            {
                return fields >= 2 && namesSomething;
            }

            position = end + 1;
        }
    }

    /// <summary>Index of the delimiter that ends the field starting at <paramref name="position"/> (outside quotes), or the
    /// row's length.</summary>
    private static int CsvFieldEnd(ReadOnlySpan<byte> content, int position, byte delimiter)
    {
        int i = position;
        while (true)
        {
            // Outside quotes: the next delimiter or quote; a quote opens a quoted part, which ends at the next quote (a
            // doubled quote closes and opens again).
            int k = content[i..].IndexOfAny(delimiter, (byte)'"');
            if (k < 0)
            {
                return content.Length;
            }

            i += k;
            if (content[i] == delimiter)
            {
                return i;
            }

            int close = content[(i + 1)..].IndexOf((byte)'"');
            if (close < 0)
            {
                return content.Length;
            }

            i += close + 2;
        }
    }

    /// <summary>The delimiter of the CSV whose first row is <paramref name="row"/>: the most frequent of comma, tab,
    /// semicolon and vertical bar outside quotes; comma when none occurs (<paramref name="anyDelimiter"/> false) or on a
    /// tie with comma.</summary>
    private static byte DetectCsvDelimiter(ReadOnlySpan<byte> row, out bool anyDelimiter)
    {
        Span<int> counts = stackalloc int[4];
        bool inQuotes = false;
        foreach (byte b in row)
        {
            if (b == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && CsvDelimiters.IndexOf(b) is var d and >= 0)
            {
                counts[d]++;
            }
        }

        int best = 0;
        for (int d = 1; d < counts.Length; d++)
        {
            if (counts[d] > counts[best])
            {
                best = d;
            }
        }

        anyDelimiter = counts[best] > 0;
        return CsvDelimiters[best];
    }

    /// <summary>The field's value: inside its quotes when quoted (doubled quotes kept as they are), else without
    /// surrounding spaces; <paramref name="offset"/> is where it starts in the field, <paramref name="quoted"/> tells which.</summary>
    private static ReadOnlySpan<byte> CsvFieldValue(ReadOnlySpan<byte> field, out int offset, out bool quoted)
    {
        if (field.IsEmpty || (field[0] != ' ' && field[^1] != ' '))
        {
            // Most fields: nothing to trim.
            quoted = field.Length >= 2 && field[0] == '"' && field[^1] == '"';
            offset = quoted ? 1 : 0;
            return quoted ? field[1..^1] : field;
        }

        int lead = field.Length - field.TrimStart((byte)' ').Length;
        ReadOnlySpan<byte> trimmed = field.Trim((byte)' ');
        quoted = trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"';
        offset = quoted ? lead + 1 : lead;
        return quoted ? trimmed[1..^1] : trimmed;
    }

    /// <summary>Classifies a header field as the key of its column (names longer than <see cref="MaxFormKeyBytes"/> give
    /// none).</summary>
    private void AddCsvColumn(ReadOnlySpan<byte> field, int column)
    {
        if (column >= MaxCsvColumns)
        {
            return;
        }

        if (_csvColumnKeys.Length == 0)
        {
            _csvColumnKeys = new KeyClass[MaxCsvColumns];
            _csvHeaderRanges = new (int, int)[MaxCsvColumns];
        }

        ReadOnlySpan<byte> name = CsvFieldValue(field, out _, out _);
        if (name.Length > MaxFormKeyBytes)
        {
            name = default;
        }

        int nameStart = column == 0 ? 0 : _csvHeaderRanges[column - 1].Start + _csvHeaderRanges[column - 1].Length;
        if (_csvHeaderNames.Length < nameStart + name.Length)
        {
            Array.Resize(ref _csvHeaderNames, Math.Max(nameStart + name.Length, Math.Max(256, _csvHeaderNames.Length * 2)));
        }

        name.CopyTo(_csvHeaderNames.AsSpan(nameStart));
        _csvHeaderRanges[column] = (nameStart, name.Length);
        _csvColumnKeys[column] = name.IsEmpty ? KeyClass.None : _detector.Keywords.ClassifyKey(name);
        _csvColumnCount = column + 1;
    }

    /// <summary>Scans one field (starting at absolute offset <paramref name="start"/>) with its column's key (none for
    /// column -1).</summary>
    private void ScanCsvField(ReadOnlySpan<byte> field, long start, int column)
    {
        ReadOnlySpan<byte> value = CsvFieldValue(field, out int offset, out bool quoted);
        if (value.IsEmpty)
        {
            return;
        }

        bool hasKey = column >= 0 && column < _csvColumnCount;
        KeyClass key = hasKey ? _csvColumnKeys[column] : KeyClass.None;
        ReadOnlySpan<byte> keyName = hasKey && _detector.HasCustomRecognizers
            ? _csvHeaderNames.AsSpan(_csvHeaderRanges[column].Start, _csvHeaderRanges[column].Length)
            : default;
        // A quoted field with doubled quotes is scanned decoded (a JSON document in a cell: {""name"":""Ravi Kumar""}).
        bool escaped = quoted && value.IndexOf("\"\""u8) >= 0;
        ReadOnlySpan<byte> scanned = escaped ? DecodeCsvQuotes(value) : value;

        // A field under a column that names its entity or role is usually that entity's one candidate: the keyed fast
        // path finds the match the full scan would (Detector.TryScanKeyed), as for a JSON value.
        RawMatch keyedMatch = default;
        scoped ReadOnlySpan<RawMatch> found;
        if (KeyedFastPathMayApply(key) && _detector.TryScanKeyed(scanned, key, out keyedMatch))
        {
            found = new ReadOnlySpan<RawMatch>(ref keyedMatch);
        }
        else
        {
            _scratchMatches.Clear();
            _detector.Scan(scanned, key, keyName, _scratchMatches);
            AddRepeatsInFreeText(scanned, key);
            if (_scratchMatches.Count == 0)
            {
                return;
            }

            found = CollectionsMarshal.AsSpan(_scratchMatches);
        }

        var slot = new Slot
        {
            Start = start + offset,
            Length = value.Length,
            Kind = escaped ? SlotKind.CsvEscapedField : quoted ? SlotKind.CsvQuotedField : SlotKind.CsvField,
        };
        if (escaped)
        {
            slot.DecodedStart = _decodedLength;
            slot.DecodedLength = scanned.Length;
            _decodedLength += scanned.Length;
        }

        AddBodyRecordSlot(slot, found, oversized: false);
        RememberBodyRecordMatches(scanned, found);
    }

    /// <summary>
    /// Copies the inside of a quoted field into the decoded buffer (after <see cref="_decodedLength"/>, which the caller
    /// advances when it keeps the copy) with each doubled quote as one; returns the copy.
    /// </summary>
    private ReadOnlySpan<byte> DecodeCsvQuotes(ReadOnlySpan<byte> value)
    {
        EnsureCapacity(ref _decoded, _decodedLength, _decodedLength + value.Length);
        Span<byte> destination = _decoded.AsSpan(_decodedLength, value.Length);
        int written = 0;
        for (int i = 0; i < value.Length; i++)
        {
            destination[written++] = value[i];
            if (value[i] == '"' && i + 1 < value.Length && value[i + 1] == '"')
            {
                i++;
            }
        }

        return destination[..written];
    }

    /// <summary>True when <paramref name="replacement"/> cannot stand in a field of <paramref name="kind"/> as it is: a
    /// quote in a quoted field, or a quote, delimiter or line break in a field without quotes.</summary>
    private bool CsvNeedsQuoting(SlotKind kind, ReadOnlySpan<byte> replacement) =>
        kind == SlotKind.CsvQuotedField
            ? replacement.Contains((byte)'"')
            : replacement.IndexOfAny((byte)'"', (byte)'\r', (byte)'\n') >= 0 || replacement.Contains(_csvDelimiter);

    /// <summary>Writes <paramref name="text"/> for the inside of a quoted CSV field, each quote doubled (RFC 4180 §2.7).
    /// Returns the bytes written.</summary>
    private static int WriteCsvQuoted(ReadOnlySpan<byte> text, IBufferWriter<byte> output)
    {
        int written = 0;
        while (true)
        {
            int quote = text.IndexOf((byte)'"');
            if (quote < 0)
            {
                output.Write(text);
                return written + text.Length;
            }

            output.Write(text[..(quote + 1)]);
            output.Write("\""u8);
            written += quote + 2;
            text = text[(quote + 1)..];
        }
    }
}
