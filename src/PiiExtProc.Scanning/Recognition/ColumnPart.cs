namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// The part a JSON container plays in columnar JSON, a table sent as arrays of row values whose column names come
/// first (<see cref="ColumnTable"/>): <c>{"columns": ["name", "email"], "rows": [["Ravi Kumar", "ravi@example.com"]]}</c>,
/// or a header row as the first row (<c>"values": [["Name", "Email"], ["Ravi Kumar", ...]]</c>, Google Sheets).
/// </summary>
internal enum ColumnPart : byte
{
    /// <summary>No part.</summary>
    None,

    /// <summary>An array under a key that declares columns (<see cref="KeyClass.DeclaresColumns"/>): each
    /// element is the next column, named by a string element or by an object element's <c>name</c>.</summary>
    Declaration,

    /// <summary>An object element of a <see cref="Declaration"/>: its <c>name</c> (or <c>column_name</c>) string names
    /// its column.</summary>
    DeclarationEntry,

    /// <summary>The first array in an array of arrays when no columns are in force: a header row when all its elements
    /// are short strings and one names a role or an entity.</summary>
    HeaderCandidate,

    /// <summary>An array of rows (after a header row, or holding the first row under declared columns): the columns in
    /// force end with it.</summary>
    Table,

    /// <summary>An array in an array of arrays while columns are in force: element i is read under column i's key, and
    /// the row is a record.</summary>
    Row,
}
