namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// A markup label whose value may be on a later line (<see cref="Detector.ContinueMarkupLabel"/>): the label's role and
/// the bytes of tags and whitespace read since its text. <c>default</c> carries nothing.
/// </summary>
/// <param name="Role">The role the label names (<see cref="ValueRole.None"/> for none).</param>
/// <param name="GapBytes">Bytes after the label's text (or its start tag) so far, UTF-8.</param>
/// <param name="FromTag">The label is a start tag's attributes (<c>&lt;div class="customer-name"&gt;</c>), not a text:
/// an end tag before the next text closes it.</param>
internal readonly record struct MarkupLabelCarry(ValueRole Role, int GapBytes, bool FromTag = false);
