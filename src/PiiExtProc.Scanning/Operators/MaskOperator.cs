using System.Buffers;
using System.Globalization;
using System.Text;

namespace PiiExtProc.Scanning.Operators;

/// <summary>
/// Masks every letter and digit of the value except the first <see cref="KeepFirst"/> and the last
/// <see cref="KeepLast"/>, one Unicode character at a time; separators (space, '-', '.', '@', '/', ...) are
/// kept when <see cref="KeepSeparators"/> is true, so "1234 5678 9012" with keep_last 4 becomes "XXXX XXXX 9012".
/// </summary>
/// <remarks>
/// When <see cref="KeepSeparators"/> is false every character counts and is masked. When the kept characters
/// would cover the whole value, the whole value is masked. Immutable and thread-safe.
/// </remarks>
public sealed class MaskOperator : RedactionOperator
{
    private readonly byte[] _mask;

    /// <summary>Creates a mask operator.</summary>
    /// <param name="keepFirst">Letters and digits left visible at the start, &gt;= 0.</param>
    /// <param name="keepLast">Letters and digits left visible at the end, &gt;= 0.</param>
    /// <param name="maskChar">The character written in place of each masked one; not a surrogate, not a letter-or-digit
    /// restriction. Default 'X'.</param>
    /// <param name="keepSeparators">Keep characters that are not letters or digits. Default true.</param>
    /// <exception cref="ArgumentOutOfRangeException">A keep count is negative or the mask character is a surrogate.</exception>
    public MaskOperator(int keepFirst, int keepLast, char maskChar = 'X', bool keepSeparators = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keepFirst);
        ArgumentOutOfRangeException.ThrowIfNegative(keepLast);
        if (char.IsSurrogate(maskChar) || char.IsControl(maskChar))
        {
            throw new ArgumentOutOfRangeException(nameof(maskChar), "The mask character must be a printable character of the Basic Multilingual Plane.");
        }

        KeepFirst = keepFirst;
        KeepLast = keepLast;
        MaskChar = maskChar;
        KeepSeparators = keepSeparators;
        _mask = new byte[new Rune(maskChar).Utf8SequenceLength];
        new Rune(maskChar).EncodeToUtf8(_mask);
    }

    /// <summary>Letters and digits left visible at the start.</summary>
    public int KeepFirst { get; }

    /// <summary>Letters and digits left visible at the end.</summary>
    public int KeepLast { get; }

    /// <summary>The character written in place of each masked character.</summary>
    public char MaskChar { get; }

    /// <summary>True when separators (characters that are not letters or digits) are kept as they are.</summary>
    public bool KeepSeparators { get; }

    /// <inheritdoc/>
    public override OperatorKind Kind => OperatorKind.Mask;

    /// <inheritdoc/>
    public override void Write(PiiEntity entity, ReadOnlySpan<byte> value, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Advance(Write(entity, value, destination.GetSpan(MaxOutputBytes(value.Length))));
    }

    /// <summary>A mask rune (at most 3 bytes: the mask character is in the Basic Multilingual Plane) per value byte at most.</summary>
    internal override int MaxOutputBytes(int valueLength) => Utf8Masking.MaxOutputBytes(valueLength);

    /// <summary>True unless the mask character is <c>"</c> or <c>\</c> (control characters are refused).</summary>
    internal override bool OutputNeedsNoJsonEscaping => !Sessions.JsonEscaper.NeedsEscaping(_mask);

    /// <inheritdoc/>
    internal override int Write(PiiEntity entity, ReadOnlySpan<byte> value, Span<byte> destination)
    {
        var ascii = System.Text.Ascii.IsValid(value);
        return Utf8Masking.WriteMasked(
            value, KeepFirst, KeepLast, _mask, KeepSeparators, destination, ascii, Utf8Masking.CountMaskable(value, KeepSeparators, ascii));
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"mask(keep_first={KeepFirst}, keep_last={KeepLast}, mask_char={MaskChar}, keep_separators={(KeepSeparators ? "true" : "false")})");
}
