using System.Runtime.CompilerServices;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// Where each redacted match's replacement ends in the operators' output of one slot (see
/// <see cref="BodyScanSession"/>'s single-span write): a local buffer, not <c>stackalloc</c>, which keeps a method with
/// loops from tiered compilation and its profile-guided optimization.
/// </summary>
[InlineArray(8)]
internal struct ReplacementEnds
{
    private int _element;
}
