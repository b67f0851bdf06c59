using System.Text;
using PiiExtProc.Scanning.Operators;

namespace PiiExtProc.Scanning.Tests.Operators;

/// <summary>
/// <see cref="RedactionOperator.OutputNeedsNoJsonEscaping"/>: an operator that claims it writes nothing a JSON string
/// must escape keeps that promise for every built-in entity over generated values that need no escaping themselves
/// (a session then skips checking its replacements), and an operator whose configuration can write such bytes says so.
/// </summary>
public sealed class OperatorJsonEscapingTests
{
    private static readonly string[] s_pieces = ["a", "Z", "7", "0", " ", "-", ".", "@", "_", "/", "+", ":", "'", "é", "ह", "😀", "٣", "•"];

    public static TheoryData<string> SafeOperators => ["default", "mask-x", "mask-bullet", "mask-no-separators", "replace-entity", "replace-label", "redact", "hash"];

    private static RedactionOperator Create(string name) => name switch
    {
        "default" => DefaultMaskOperator.Instance,
        "mask-x" => new MaskOperator(keepFirst: 2, keepLast: 2),
        "mask-bullet" => new MaskOperator(keepFirst: 0, keepLast: 4, maskChar: '•'),
        "mask-no-separators" => new MaskOperator(keepFirst: 1, keepLast: 1, maskChar: '*', keepSeparators: false),
        "replace-entity" => new ReplaceOperator(),
        "replace-label" => new ReplaceOperator("<redacted: ₹ & co>"),
        "redact" => RedactOperator.Instance,
        "hash" => new HashOperator(new byte[HashOperator.MinimumKeyBytes], "test"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(SafeOperators))]
    public void Write_ValueNeedingNoEscaping_OutputNeedsNone(string name)
    {
        RedactionOperator op = Create(name);
        Assert.True(op.OutputNeedsNoJsonEscaping);
        var random = new Random(20261123);
        var destination = new byte[4096];
        for (int n = 0; n < 20_000; n++)
        {
            var value = new StringBuilder();
            int pieces = random.Next(0, 40);
            for (int p = 0; p < pieces; p++)
            {
                value.Append(s_pieces[random.Next(s_pieces.Length)]);
            }

            byte[] bytes = Encoding.UTF8.GetBytes(value.ToString());
            PiiEntity entity = PiiEntity.BuiltIn[random.Next(PiiEntity.BuiltIn.Count)];
            int written = op.Write(entity, bytes, destination.AsSpan(0, op.MaxOutputBytes(bytes.Length)));

            Assert.False(
                Sessions.JsonEscaper.NeedsEscaping(destination.AsSpan(0, written)),
                $"{name} on {entity.Name}, value of {bytes.Length} bytes");
        }
    }

    [Theory]
    [InlineData('"')]
    [InlineData('\\')]
    public void OutputNeedsNoJsonEscaping_MaskCharacterJsonEscapes_False(char maskChar) =>
        Assert.False(new MaskOperator(keepFirst: 0, keepLast: 0, maskChar).OutputNeedsNoJsonEscaping);

    [Theory]
    [InlineData("say \"no\"")]
    [InlineData("a\\b")]
    [InlineData("line\nbreak")]
    [InlineData("\u0001")]
    public void OutputNeedsNoJsonEscaping_LabelJsonEscapes_False(string label) =>
        Assert.False(new ReplaceOperator(label).OutputNeedsNoJsonEscaping);
}
