namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// The columns of columnar JSON, a table sent as arrays of row values whose column names come first, as BI tools, SQL
/// gateways and spreadsheet APIs send query results; shared by a body's JSON parser (BodyScanSession.Columns.cs) and the
/// detector's embedded JSON pass, which each keep a <see cref="ColumnPart"/> per open container and call this as
/// containers open and close and values arrive:
/// <list type="bullet">
/// <item>declared columns: an array under a key that declares them (<see cref="KeyClass.DeclaresColumns"/>: Trino's and
/// Elasticsearch SQL's <c>columns</c>, Databricks' <c>manifest.schema.columns</c>, ClickHouse's <c>meta</c>,
/// Snowflake's <c>rowType</c>, pandas' split <c>columns</c>) names the columns by its strings or by its objects'
/// <c>name</c>; they hold for the next array of arrays after it (<c>data</c>, <c>rows</c>, <c>data_array</c>), wherever
/// it is;</item>
/// <item>a header row: with no declared columns, the first array of an array of arrays whose elements are all strings
/// of at most <see cref="MaxHeaderCellBytes"/> bytes without an <c>@</c>, one of which names a role or an entity
/// (<c>"values": [["Name", "Email"], ["Ravi Kumar", ...]]</c>, Google Sheets), names the columns of the later rows of
/// that array.</item>
/// </list>
/// A row is an array directly in an array that is not itself in an array (a cell that is an array is no row); its
/// element i is read as an object member under column i. Columns past <see cref="MaxColumns"/>, and columns sent after
/// their rows (Metabase's <c>cols</c>), give no key. Not thread-safe: one per session, or per thread for the detector.
/// </summary>
internal sealed class ColumnTable
{
    /// <summary>Most columns a declaration or header row gives a key; later elements of a row are read without one.</summary>
    public const int MaxColumns = 256;

    /// <summary>Longest header row cell, bytes (UTF-8): a longer string is data, and its row no header.</summary>
    public const int MaxHeaderCellBytes = 64;

    /// <summary>Longest column name classified, bytes; a longer one gives its column no key.</summary>
    private const int MaxColumnNameBytes = 256;

    /// <summary>The key class of each column in force (the first <see cref="_columnCount"/>); none when 0.</summary>
    private KeyClass[] _columnKeys = [];

    private int _columnCount;

    /// <summary>The columns of the declaration or header row being read (the first <see cref="_pendingCount"/>).</summary>
    private KeyClass[] _pending = [];

    private int _pendingCount;

    /// <summary>The header row being read may still be adopted (only short strings so far).</summary>
    private bool _pendingHeaderValid;

    /// <summary>A column declaration is open (nothing in it starts a declaration, a header row or a row).</summary>
    private bool _declarationOpen;

    /// <summary>The pending column the open declaration object names, or -1 once named (or past the limit).</summary>
    private int _entryColumn = -1;

    /// <summary>Columns are declared or in force: a walk that does not model them (the sibling proofs) must not run.</summary>
    public bool InForce => _columnCount > 0 || _declarationOpen;

    /// <summary>Forgets every column (a new body or document).</summary>
    public void Reset()
    {
        _columnCount = 0;
        _pendingCount = 0;
        _pendingHeaderValid = false;
        _declarationOpen = false;
        _entryColumn = -1;
    }

    /// <summary>
    /// True when a container about to open may have a columnar part (so that <see cref="Open"/> is called only then): its
    /// parent has a part, or it is an array in an array or under a key that declares columns.
    /// </summary>
    public static bool MayOpen(ColumnPart parentPart, bool parentIsArray, KeyClass parentPropertyKey, bool isArray) =>
        parentPart != ColumnPart.None || (isArray && (parentIsArray || parentPropertyKey.DeclaresColumns));

    /// <summary>
    /// The columnar part of a container about to open (<paramref name="isArray"/>) in its parent container, whose part is
    /// <paramref name="parentPart"/> (it becomes <see cref="ColumnPart.Table"/> when this opens the first row under
    /// declared columns). Call only when <see cref="MayOpen"/> is true.
    /// </summary>
    /// <param name="parentPart">The parent's part.</param>
    /// <param name="parentIsArray">The parent is an array.</param>
    /// <param name="parentContainerElements">For an array parent: the objects and arrays opened in it before this one.</param>
    /// <param name="grandparentIsArray">The parent is itself in an array.</param>
    /// <param name="isArray">The container opening is an array.</param>
    public ColumnPart Open(ref ColumnPart parentPart, bool parentIsArray, int parentContainerElements, bool grandparentIsArray, bool isArray)
    {
        switch (parentPart)
        {
            case ColumnPart.Declaration:
                // A column declared by an object ({"name": "email", "type": "varchar"}), or by something else (no name).
                _entryColumn = isArray ? -1 : _pendingCount < MaxColumns ? _pendingCount : -1;
                AddPending(KeyClass.None);
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

        if (!parentIsArray)
        {
            // Under a key that declares columns.
            _declarationOpen = true;
            _pendingCount = 0;
            return ColumnPart.Declaration;
        }

        if (grandparentIsArray)
        {
            // An array in a row, or deeper (coordinates, matrices): no row.
            return ColumnPart.None;
        }

        if (_columnCount > 0)
        {
            // The columns in force end with the array of these rows.
            parentPart = ColumnPart.Table;
            return ColumnPart.Row;
        }

        if (parentContainerElements == 0)
        {
            _pendingCount = 0;
            _pendingHeaderValid = true;
            return ColumnPart.HeaderCandidate;
        }

        return ColumnPart.None;
    }

    /// <summary>A container with columnar part <paramref name="part"/> closed. True when the container around it is now
    /// a <see cref="ColumnPart.Table"/> (an adopted header row: the caller sets that part).</summary>
    public bool Close(ColumnPart part)
    {
        switch (part)
        {
            case ColumnPart.Declaration:
                _declarationOpen = false;
                _entryColumn = -1;
                if (PendingSay(entityOrRoleOnly: false))
                {
                    AdoptPending();
                }

                break;
            case ColumnPart.HeaderCandidate:
                if (_pendingHeaderValid && PendingSay(entityOrRoleOnly: true))
                {
                    AdoptPending();
                    return true;
                }

                break;
            case ColumnPart.Table:
                _columnCount = 0;
                break;
        }

        return false;
    }

    /// <summary>A literal (<c>true</c>, <c>false</c>, <c>null</c>) in a container of part <paramref name="part"/>, whose
    /// next row column is <paramref name="column"/>.</summary>
    public void ReadLiteral(ColumnPart part, ref int column)
    {
        switch (part)
        {
            case ColumnPart.Row:
                column++;
                break;
            case ColumnPart.Declaration:
                AddPending(KeyClass.None);
                break;
            case ColumnPart.HeaderCandidate:
                _pendingHeaderValid = false;
                break;
        }
    }

    /// <summary>True when a value in a container of part <paramref name="part"/> may name a column (<see cref="ReadName"/>).</summary>
    public static bool ReadsNames(ColumnPart part) => part is ColumnPart.Declaration or ColumnPart.DeclarationEntry or ColumnPart.HeaderCandidate;

    /// <summary>
    /// A string or number value (<paramref name="value"/>, unescaped) in a column declaration, one of its objects (under
    /// member <paramref name="memberName"/>) or a candidate header row: the next column's name, the object's column
    /// name, or the next header cell.
    /// </summary>
    public void ReadName(ColumnPart part, ReadOnlySpan<byte> value, bool isNumber, ReadOnlySpan<byte> memberName, KeywordTable keywords)
    {
        switch (part)
        {
            case ColumnPart.Declaration:
                AddPending(isNumber ? KeyClass.None : ClassifyName(value, keywords));
                break;
            case ColumnPart.DeclarationEntry:
                if (!isNumber && _entryColumn >= 0 && NamesColumn(memberName))
                {
                    _pending[_entryColumn] = ClassifyName(value, keywords);
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
                    AddPending(ClassifyName(value, keywords));
                }

                break;
        }
    }

    /// <summary>The key class of a row's next element (column <paramref name="column"/>, which advances); none past the
    /// columns.</summary>
    public KeyClass NextColumnKey(ref int column)
    {
        int c = column++;
        return c < _columnCount ? _columnKeys[c] : KeyClass.None;
    }

    /// <summary>True for the member of a column declaration object that names its column: <c>name</c>, <c>column_name</c>, <c>columnName</c>.</summary>
    private static bool NamesColumn(ReadOnlySpan<byte> key) =>
        key.SequenceEqual("name"u8) || key.SequenceEqual("column_name"u8) || key.SequenceEqual("columnName"u8);

    private static KeyClass ClassifyName(ReadOnlySpan<byte> name, KeywordTable keywords) =>
        name.IsEmpty || name.Length > MaxColumnNameBytes ? KeyClass.None : keywords.ClassifyKey(name);

    private void AddPending(KeyClass key)
    {
        if (_pendingCount >= MaxColumns)
        {
            return;
        }

        if (_pending.Length == 0)
        {
            _pending = new KeyClass[MaxColumns];
        }

        _pending[_pendingCount++] = key;
    }

    /// <summary>
    /// True when a pending column says something a value under it is read with: a role or a non-negative entity
    /// (<paramref name="entityOrRoleOnly"/>, for a header row, so that a row of plain words is data), or also a negative
    /// key (a declaration).
    /// </summary>
    private bool PendingSay(bool entityOrRoleOnly)
    {
        foreach (KeyClass key in _pending.AsSpan(0, _pendingCount))
        {
            if (key.NamesRoleOrEntity || (!entityOrRoleOnly && key.Negative))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The pending columns become the columns in force (the arrays swap: nothing is copied).</summary>
    private void AdoptPending()
    {
        (_columnKeys, _pending) = (_pending, _columnKeys);
        _columnCount = _pendingCount;
        _pendingCount = 0;
    }
}
