using System.Runtime.CompilerServices;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// The digits of one candidate span of a <see cref="DigitRun"/> without separators, ASCII, at most 24 (19-digit cards plus
/// a prefix and slack): a local buffer (not <c>stackalloc</c>, which keeps a method with loops from tiered compilation and
/// its profile-guided optimization).
/// </summary>
[InlineArray(Detector.MaxSpanDigits)]
internal struct SpanDigitBuffer
{
    private byte _element;
}
