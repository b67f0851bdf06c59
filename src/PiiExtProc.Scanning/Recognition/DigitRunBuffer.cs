using System.Runtime.CompilerServices;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>Fixed storage for the per-group positions of a <see cref="DigitRun"/> (no allocation).</summary>
[InlineArray(DigitRun.MaxGroups)]
internal struct DigitRunBuffer
{
    private int _element;
}
