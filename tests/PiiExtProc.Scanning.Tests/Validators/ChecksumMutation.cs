using System.Text;

namespace PiiExtProc.Scanning.Tests.Validators;

/// <summary>Helpers that turn FsCheck's raw inputs into digit strings and single-character mutations.</summary>
internal static class ChecksumMutation
{
    public static byte[] Ascii(string value) => Encoding.ASCII.GetBytes(value);

    /// <summary>Maps arbitrary bytes to ASCII digits (at least one).</summary>
    public static byte[] Digits(byte[]? seed, int minimumLength = 1)
    {
        seed ??= [];
        int length = Math.Max(seed.Length, minimumLength);
        var digits = new byte[length];
        for (int i = 0; i < length; i++)
        {
            digits[i] = (byte)('0' + ((i < seed.Length ? seed[i] : i) % 10));
        }

        return digits;
    }

    /// <summary>Returns a copy with the digit at position % length replaced by a different digit.</summary>
    public static byte[] ChangeOneDigit(byte[] digits, int position, byte delta)
    {
        var copy = (byte[])digits.Clone();
        int index = (int)((uint)position % (uint)copy.Length);
        int old = copy[index] - '0';
        copy[index] = (byte)('0' + ((old + 1 + (delta % 9)) % 10));
        return copy;
    }
}
