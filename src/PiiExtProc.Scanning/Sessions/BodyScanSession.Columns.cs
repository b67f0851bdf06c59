using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// Columnar JSON in a <see cref="BodyScanSession"/>: a table sent as arrays of row values, whose column names come
/// first, as BI tools, SQL gateways and spreadsheet APIs send query results. Each row is a record for the combination
/// rule and its element i is read under column i's key, as a CSV field is under its header:
/// <list type="bullet">
/// <item>declared columns: an array under a key that declares them (<see cref="KeyClass.DeclaresColumns"/>: Trino's and
/// Elasticsearch SQL's <c>columns</c>, Databricks' <c>manifest.schema.columns</c>, ClickHouse's <c>meta</c>,
/// Snowflake's <c>rowType</c>, pandas' split <c>columns</c>) names the columns by its strings or by its objects'
/// <c>name</c>; they hold for the next array of arrays after it in the body (<c>data</c>, <c>rows</c>,
/// <c>data_array</c>), wherever it is;</item>
/// <item>a header row: with no declared columns, the first array of an array of arrays whose elements are all short
/// strings, one of which names a role or an entity (<c>"values": [["Name", "Email"], ["Ravi Kumar", ...]]</c>, Google
/// Sheets), names the columns of the later rows of that array.</item>
/// </list>
/// A row is an array directly in an array that is not itself in an array (a cell that is an array is no row). Columns
/// past <see cref="MaxJsonColumns"/>, and columns sent after their rows (Metabase's <c>cols</c>), give no key.
/// </summary>
public sealed partial class BodyScanSession
{
    /// <summary>Most columns a declaration or header row gives a key; later elements of a row are read without one.</summary>
    private const int MaxJsonColumns = MaxCsvColumns;

    /// <summary>Longest header row cell, bytes (UTF-8, unescaped): a longer string is data, and its row no header.</summary>
    private const int MaxHeaderCellBytes = 64;

    /// <summary>The key class of each column in force (the first <see cref="_columnCount"/>); none when 0.</summary>
    private KeyClass[] _columnKeys = [];

    private int _columnCount;

    /// <summary>The columns of the declaration or header row being read (the first <see cref="_pendingColumnCount"/>).</summary>
    private KeyClass[] _pendingColumns = [];

    private int _pendingColumnCount;

    /// <summary>The header row being read may still be adopted (only short strings so far).</summary>
    private bool _pendingHeaderValid;

    /// <summary>A column declaration is open (nothing in it starts a declaration, a header row or a row).</summary>
    private bool _declarationOpen;

    /// <summary>The pending column the open declaration object names, or -1 once named (or past the limit).</summary>
    private int _entryColumn = -1;

    private void ResetColumns()
    {
        _columnCount = 0;
        _pendingColumnCount = 0;
        _pendingHeaderValid = false;
        _declarationOpen = false;
        _entryColumn = -1;
    }

    /// <summary>
    /// The columnar part of a container about to open in the innermost frame (the parent), called when the parent has
    /// a part or the container is an array in an array or under a key that declares columns.
    /// </summary>
    private ColumnPart OpenColumnContainer(bool isArray)
    {
        ref JsonFrame parent = ref _frames[_depth - 1];
        switch (parent.ColumnPart)
        {
            case ColumnPart.Declaration:
                // A column declared by an object ({"name": "email", "type": "varchar"}), or by something else (no name).
                _entryColumn = isArray ? -1 : _pendingColumnCount < MaxJsonColumns ? _pendingColumnCount : -1;
                AddPendingColumn(KeyClass.None);
                return isArray ? ColumnPart.None : ColumnPart.DeclarationEntry;
            case ColumnPart.HeaderCandidate:
                _pendingHeaderValid = false;
                return ColumnPart.None;
            case ColumnPart.DeclarationEntry:
            case ColumnPart.Row:
                return ColumnPart.None;
        }

        if (!isArray || _declarationOpen)
        {
            return ColumnPart.None;
        }

        if (!parent.IsArray)
        {
            // Under a key that declares columns.
            _declarationOpen = true;
            _pendingColumnCount = 0;
            return ColumnPart.Declaration;
        }

        if (_depth >= 2 && _frames[_depth - 2].IsArray)
        {
            // An array in a row, or deeper (coordinates, matrices): no row.
            return ColumnPart.None;
        }

        if (_columnCount > 0)
        {
            // The columns in force end with the array of these rows.
            parent.ColumnPart = ColumnPart.Table;
            return ColumnPart.Row;
        }

        if (parent.ContainerElements == 0)
        {
            _pendingColumnCount = 0;
            _pendingHeaderValid = true;
            return ColumnPart.HeaderCandidate;
        }

        return ColumnPart.None;
    }

    /// <summary>A container with a columnar part closed (<see cref="_depth"/> is its frame's index).</summary>
    private void CloseColumnContainer(ColumnPart part)
    {
        switch (part)
        {
            case ColumnPart.Declaration:
                _declarationOpen = false;
                _entryColumn = -1;
                if (PendingColumnsSay(entityOrRoleOnly: false))
                {
                    AdoptPendingColumns();
                }

                break;
            case ColumnPart.HeaderCandidate:
                if (_pendingHeaderValid && PendingColumnsSay(entityOrRoleOnly: true))
                {
                    AdoptPendingColumns();
                    _frames[_depth - 1].ColumnPart = ColumnPart.Table;
                }

                break;
            case ColumnPart.Table:
                _columnCount = 0;
                break;
        }
    }

    /// <summary>A literal (<c>true</c>, <c>false</c>, <c>null</c>) in a container with a columnar part.</summary>
    private void ReadColumnLiteral()
    {
        ref JsonFrame top = ref _frames[_depth - 1];
        switch (top.ColumnPart)
        {
            case ColumnPart.Row:
                top.Column++;
                break;
            case ColumnPart.Declaration:
                AddPendingColumn(KeyClass.None);
                break;
            case ColumnPart.HeaderCandidate:
                _pendingHeaderValid = false;
                break;
        }
    }

    /// <summary>
    /// A string or number value (<paramref name="value"/>, unescaped) in a column declaration, one of its objects or a
    /// candidate header row: the next column's name, the object's column name, or the next header cell.
    /// </summary>
    private void ReadColumnName(ReadOnlySpan<byte> value, bool isNumber)
    {
        switch (_frames[_depth - 1].ColumnPart)
        {
            case ColumnPart.Declaration:
                AddPendingColumn(isNumber ? KeyClass.None : ColumnKeyOf(value));
                break;
            case ColumnPart.DeclarationEntry:
                if (!isNumber && _entryColumn >= 0 && NamesColumn(CurrentKeyName()))
                {
                    _pendingColumns[_entryColumn] = ColumnKeyOf(value);
                    _entryColumn = -1;
                }

                break;
            case ColumnPart.HeaderCandidate:
                if (isNumber || value.Length > MaxHeaderCellBytes || value.IndexOf((byte)'@') >= 0)
                {
                    _pendingHeaderValid = false;
                }
                else
                {
                    AddPendingColumn(ColumnKeyOf(value));
                }

                break;
        }
    }

    /// <summary>The key of the next element of a row (<paramref name="row"/>), read as an object member under its column's name.</summary>
    private KeyClass RowElementKey(ref JsonFrame row, bool forContainer)
    {
        int column = row.Column++;
        KeyClass columnKey = column < _columnCount ? _columnKeys[column] : KeyClass.None;
        return JsonValueKey.Of(isArray: false, row.ContainerKey, columnKey, forContainer);
    }

    /// <summary>True for the member of a column declaration object that names its column: <c>name</c>, <c>column_name</c>, <c>columnName</c>.</summary>
    private static bool NamesColumn(ReadOnlySpan<byte> key) =>
        key.SequenceEqual("name"u8) || key.SequenceEqual("column_name"u8) || key.SequenceEqual("columnName"u8);

    private KeyClass ColumnKeyOf(ReadOnlySpan<byte> name) =>
        name.IsEmpty || name.Length > MaxFormKeyBytes ? KeyClass.None : _detector.Keywords.ClassifyKey(name);

    private void AddPendingColumn(KeyClass key)
    {
        if (_pendingColumnCount >= MaxJsonColumns)
        {
            return;
        }

        if (_pendingColumns.Length == 0)
        {
            _pendingColumns = new KeyClass[MaxJsonColumns];
        }

        _pendingColumns[_pendingColumnCount++] = key;
    }

    /// <summary>
    /// True when a pending column says something a value under it is read with: a role or a non-negative entity
    /// (<paramref name="entityOrRoleOnly"/>, for a header row, so that a row of plain words is data), or also a negative
    /// key (a declaration).
    /// </summary>
    private bool PendingColumnsSay(bool entityOrRoleOnly)
    {
        foreach (KeyClass key in _pendingColumns.AsSpan(0, _pendingColumnCount))
        {
            if (key.NamesRoleOrEntity || (!entityOrRoleOnly && key.Negative))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The pending columns become the columns in force (the arrays swap: nothing is copied).</summary>
    private void AdoptPendingColumns()
    {
        (_columnKeys, _pendingColumns) = (_pendingColumns, _columnKeys);
        _columnCount = _pendingColumnCount;
        _pendingColumnCount = 0;
    }
}
