using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// Columnar JSON in a <see cref="BodyScanSession"/> (<see cref="ColumnTable"/>: declared columns or a header row key
/// each row's elements): each open container keeps its <see cref="ColumnPart"/> in its frame, and a row is a record for
/// the combination rule.
/// </summary>
public sealed partial class BodyScanSession
{
    private readonly ColumnTable _columns = new();

    /// <summary>
    /// The columnar part of a container about to open in the innermost frame (the parent), called when
    /// <see cref="ColumnTable.MayOpen"/> is true.
    /// </summary>
    private ColumnPart OpenColumnContainer(bool isArray)
    {
        ref JsonFrame parent = ref _frames[_depth - 1];
        return _columns.Open(ref parent.ColumnPart, parent.IsArray, parent.ContainerElements, _depth >= 2 && _frames[_depth - 2].IsArray, isArray);
    }

    /// <summary>A container with a columnar part closed (<see cref="_depth"/> is its frame's index; an adopted header
    /// row's array is in another, so its parent exists).</summary>
    private void CloseColumnContainer(ColumnPart part)
    {
        if (_columns.Close(part))
        {
            _frames[_depth - 1].ColumnPart = ColumnPart.Table;
        }
    }

    /// <summary>A literal (<c>true</c>, <c>false</c>, <c>null</c>) in a container with a columnar part.</summary>
    private void ReadColumnLiteral()
    {
        ref JsonFrame top = ref _frames[_depth - 1];
        _columns.ReadLiteral(top.ColumnPart, ref top.Column);
    }

    /// <summary>A string or number value (<paramref name="value"/>, unescaped) that may name a column.</summary>
    private void ReadColumnName(ReadOnlySpan<byte> value, bool isNumber) =>
        _columns.ReadName(_frames[_depth - 1].ColumnPart, value, isNumber, CurrentKeyName(), _detector.Keywords);

    /// <summary>The key of the next element of a row (<paramref name="row"/>), read as an object member under its column's name.</summary>
    private KeyClass RowElementKey(ref JsonFrame row, bool forContainer) =>
        JsonValueKey.Of(isArray: false, row.ContainerKey, _columns.NextColumnKey(ref row.Column), forContainer);
}
