using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// HTML tables in markup bodies (<see cref="BodyFormat.Markup"/>): an admin page or an emailed report lists customers
/// as rows under a header row (<c>&lt;th&gt;Name&lt;/th&gt;&lt;th&gt;Phone&lt;/th&gt;</c>), so a cell's value is named
/// only by its column's header, as a CSV field is by its header. Each data cell (<c>td</c>) of the rows after a header
/// row is scanned under its header's key class. Read line by line with the state below, so a pretty-printed table and
/// any chunking read alike.
/// </summary>
public sealed partial class BodyScanSession
{
    /// <summary>Most header columns kept per table; cells further right are read as text only.</summary>
    public const int MaxMarkupTableColumns = 32;

    /// <summary>Key classes of the current table's header row (<see cref="_tableColumnCount"/> of them).</summary>
    private KeyClass[] _tableColumns = [];

    /// <summary>Key classes of the header cells of the row being read.</summary>
    private KeyClass[] _tableHeaderRow = [];

    private int _tableColumnCount;

    /// <summary>Cells opened in the row being read.</summary>
    private int _tableRowCells;

    /// <summary>The row being read has a <c>td</c> (then it is no header row).</summary>
    private bool _tableRowHasData;

    /// <summary>Column of the cell whose text is still to come (its <c>th</c> or <c>td</c> was read), else -1.</summary>
    private int _tableOpenCell = -1;

    private bool _tableOpenCellIsHeader;

    /// <summary>The line ended inside a tag: the next line starts in it, up to its <c>&gt;</c>.</summary>
    private bool _tableInTag;

    /// <summary>Scratch for a cell's matches; made at the first keyed cell (most sessions read no table).</summary>
    private List<RawMatch>? _tableCellMatches;

    private void ResetMarkupTables()
    {
        _tableColumnCount = 0;
        _tableRowCells = 0;
        _tableRowHasData = false;
        _tableOpenCell = -1;
        _tableInTag = false;
    }

    /// <summary>
    /// Reads the tags and text nodes of one markup line (with its line end) for <see cref="BodyScanSession"/>'s table
    /// state, and scans each data cell's text under its column's key class, adding the matches to
    /// <see cref="_scratchMatches"/> (this line's matches from the line scan).
    /// </summary>
    private void ReadMarkupTableLine(ReadOnlySpan<byte> line)
    {
        int i = 0;
        if (_tableInTag)
        {
            int close = line.IndexOf((byte)'>');
            if (close < 0)
            {
                return;
            }

            _tableInTag = false;
            i = close + 1;
        }

        while (i < line.Length)
        {
            int k = line[i..].IndexOf((byte)'<');
            int textEnd = k < 0 ? line.Length : i + k;
            if (_tableOpenCell >= 0)
            {
                ReadCellText(line, i, textEnd);
            }

            if (k < 0)
            {
                return;
            }

            int tagStart = textEnd + 1;
            int tagLength = line[tagStart..].IndexOf((byte)'>');
            if (tagLength < 0)
            {
                _tableInTag = true;
                ReadTableTag(line[tagStart..]);
                return;
            }

            ReadTableTag(line.Slice(tagStart, tagLength));
            i = tagStart + tagLength + 1;
        }
    }

    /// <summary>The text [<paramref name="start"/>, <paramref name="end"/>) of the open cell: a header's label or a data value.</summary>
    private void ReadCellText(ReadOnlySpan<byte> line, int start, int end)
    {
        Detector.TrimNode(line, ref start, ref end);
        if (start >= end)
        {
            return;
        }

        int column = _tableOpenCell;
        _tableOpenCell = -1;
        if (_tableOpenCellIsHeader)
        {
            ReadOnlySpan<byte> label = line[start..end];
            _tableHeaderRow[column] = AttributeLabel.Fits(label) ? _detector.Keywords.ClassifyKey(label) : KeyClass.None;
            return;
        }

        if (column < _tableColumnCount && !_tableColumns[column].IsNone)
        {
            _detector.ScanMarkupCell(line, start, end, _tableColumns[column], _scratchMatches, _tableCellMatches ??= []);
        }
    }

    /// <summary>Updates the table state for a tag's inside <paramref name="tag"/> (the bytes after its <c>&lt;</c>).</summary>
    private void ReadTableTag(ReadOnlySpan<byte> tag)
    {
        bool closing = !tag.IsEmpty && tag[0] == '/';
        ReadOnlySpan<byte> name = closing ? tag[1..] : tag;
        int nameLength = 0;
        while (nameLength < name.Length && Ascii.IsLetterOrDigit(name[nameLength]))
        {
            nameLength++;
        }

        name = name[..nameLength];
        if (System.Text.Ascii.EqualsIgnoreCase(name, "table"u8))
        {
            // A table, or a nested one, starts or ends: no header is known.
            ResetMarkupTables();
        }
        else if (System.Text.Ascii.EqualsIgnoreCase(name, "tr"u8))
        {
            EndTableRow();
        }
        else if (System.Text.Ascii.EqualsIgnoreCase(name, "th"u8) || System.Text.Ascii.EqualsIgnoreCase(name, "td"u8))
        {
            _tableOpenCell = -1;
            if (closing)
            {
                return;
            }

            bool header = (name[1] | 0x20) == 'h';
            int column = _tableRowCells++;
            _tableRowHasData |= !header;
            if (column < MaxMarkupTableColumns)
            {
                if (header)
                {
                    EnsureTableCapacity();
                    _tableHeaderRow[column] = KeyClass.None;
                }

                _tableOpenCell = column;
                _tableOpenCellIsHeader = header;
            }
        }
    }

    /// <summary>At a row's start or end: a row of header cells only becomes the table's header.</summary>
    private void EndTableRow()
    {
        if (_tableRowCells > 0 && !_tableRowHasData)
        {
            EnsureTableCapacity();
            _tableColumnCount = Math.Min(_tableRowCells, MaxMarkupTableColumns);
            _tableHeaderRow.AsSpan(0, _tableColumnCount).CopyTo(_tableColumns);
        }

        _tableRowCells = 0;
        _tableRowHasData = false;
        _tableOpenCell = -1;
    }

    private void EnsureTableCapacity()
    {
        if (_tableColumns.Length == 0)
        {
            _tableColumns = new KeyClass[MaxMarkupTableColumns];
            _tableHeaderRow = new KeyClass[MaxMarkupTableColumns];
        }
    }
}
