namespace PiiExtProc.Scanning;

/// <summary>
/// SipHash-2-4 state after a message prefix (<see cref="SipHash24.Absorb"/>): the four state words after its whole 8-byte
/// words, its last 0-7 bytes as a pending little-endian word, and its length, bytes.
/// </summary>
internal readonly struct SipHashPrefix(ulong v0, ulong v1, ulong v2, ulong v3, ulong pending, int length)
{
    public ulong V0 { get; } = v0;

    public ulong V1 { get; } = v1;

    public ulong V2 { get; } = v2;

    public ulong V3 { get; } = v3;

    /// <summary>The prefix's last <c>Length % 8</c> bytes, little-endian, zero padded.</summary>
    public ulong Pending { get; } = pending;

    /// <summary>Prefix length, bytes.</summary>
    public int Length { get; } = length;
}
