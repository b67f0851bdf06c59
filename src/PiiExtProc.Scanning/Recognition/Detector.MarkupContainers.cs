namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// Address and name elements of a pretty-printed XML document, whose members are on the lines after the element's start
/// tag (<c>&lt;address&gt;</c>, then <c>&lt;line1&gt;12 MG Road&lt;/line1&gt;</c> and <c>&lt;city&gt;Pune&lt;/city&gt;</c>
/// on lines of their own): the members take their part roles as in a JSON object, as they do when the whole element is
/// on one line (<see cref="ScanXmlElements"/>).
/// </summary>
internal sealed partial class Detector
{
    /// <summary>
    /// Reads the open address or name element across the lines of a markup body. Call for every line in order, after
    /// <see cref="Scan"/> of the line: while <paramref name="carry"/> holds an open element, each member that holds only
    /// text on this line (<c>&lt;city&gt;Pune&lt;/city&gt;</c>) and takes a part role in it is read under that role and
    /// its match added in order to <paramref name="output"/> (this line's matches; a match the line's own scan found is
    /// not added twice); the element's end tag closes it, and the start tag of an address or name element with only
    /// elements after it opens the next (<see cref="ReadXmlElements"/>).
    /// </summary>
    /// <param name="line">One line of a markup body, UTF-8, with its line end.</param>
    /// <param name="carry">The element carried between lines; starts empty for each body.</param>
    /// <param name="output">This line's matches from <see cref="Scan"/>, in order.</param>
    public void ContinueMarkupContainer(ReadOnlySpan<byte> line, ref MarkupContainerCarry carry, List<RawMatch> output)
    {
        if (line.IndexOf((byte)'<') >= 0)
        {
            ReadXmlElements(line, ref carry, output, 0, ownRoles: false);
        }
    }
}
