using System.Runtime.CompilerServices;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>Where each group of a <see cref="DigitRun"/> starts in its <see cref="DigitBuffer"/>, plus the end of the last.</summary>
[InlineArray(DigitRun.MaxGroups + 1)]
internal struct GroupOffsetBuffer
{
    private int _element;
}
