using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>One open JSON container.</summary>
internal struct JsonFrame
{
    public bool IsArray;

    /// <summary>The container starts a record (an index into the record stack), or -1.</summary>
    public int RecordIndex;

    /// <summary>What the key holding this container says (arrays pass it to their elements).</summary>
    public KeyClass ContainerKey;

    /// <summary>For objects: the current property's class.</summary>
    public KeyClass PropertyKey;

    /// <summary>For objects: the current property's name in the names buffer.</summary>
    public int PropertyStart;

    /// <summary>For objects: the current property's name length, bytes (-1 before the first property).</summary>
    public int PropertyLength;

    /// <summary>For objects: the <see cref="KeyClassCache"/> entry holding the current property's name, or -1 (or 0 with
    /// a stamp of 0 before the first property: never a live entry).</summary>
    public int PropertyEntry;

    /// <summary>For objects: the stamp of <see cref="PropertyEntry"/> when the property was read.</summary>
    public int PropertyStamp;

    /// <summary>Slots created before this container opened (an absolute count): the same at its close means nothing was found inside.</summary>
    public long SlotsAtOpen;

    /// <summary>Length of this container's own path, bytes (UTF-8): <c>$</c> is 1.</summary>
    public int PathLength;

    /// <summary>For objects: length of the last attribute-list label string read (<see cref="AttributeMember.Label"/>),
    /// bytes (unescaped); 0 for none.</summary>
    public int AttributeLabelLength;

    /// <summary>For objects: absolute offset of that label's content (after its opening quote; its slot starts one byte
    /// before, when it had matches).</summary>
    public long AttributeLabelStart;

    /// <summary>For objects: the label is in the session's label buffer at this frame's depth (escaped, or its chunk
    /// was released); else it is read from the body at <see cref="AttributeLabelStart"/>.</summary>
    public bool AttributeLabelKept;

    /// <summary>For objects: a label gave its class to a value member, so the object is one attribute of the record
    /// around it (see <see cref="AttributeMember"/>).</summary>
    public bool IsAttribute;

    /// <summary>The part this container plays in columnar JSON (BodyScanSession.Columns.cs).</summary>
    public ColumnPart ColumnPart;

    /// <summary>For a <see cref="ColumnPart.Row"/>: the column of the next element (elements read so far).</summary>
    public int Column;

    /// <summary>For arrays: the objects and arrays opened in it so far.</summary>
    public int ContainerElements;

    /// <summary>This container's own path, once a value inside it needed it (see <see cref="JsonPathCache"/>).</summary>
    public string? Path;
}
