using System.Runtime.CompilerServices;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// The digits of one <see cref="DigitRun"/> without separators, ASCII: a local buffer (not <c>stackalloc</c>, which keeps
/// a method with loops from tiered compilation and its profile-guided optimization).
/// </summary>
[InlineArray(DigitRun.MaxGroups * DigitRun.MaxGroupDigits)]
internal struct DigitBuffer
{
    private byte _element;
}
