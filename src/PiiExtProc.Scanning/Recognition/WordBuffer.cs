using System.Runtime.CompilerServices;

namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// A word of at most <see cref="IbanRecognizer.MaxLength"/> bytes (an IBAN, a PAN, a GSTIN) copied for checking, ASCII: a
/// local buffer (not <c>stackalloc</c>, which keeps a method with loops from tiered compilation and its profile-guided
/// optimization).
/// </summary>
[InlineArray(IbanRecognizer.MaxLength)]
internal struct WordBuffer
{
    private byte _element;
}
