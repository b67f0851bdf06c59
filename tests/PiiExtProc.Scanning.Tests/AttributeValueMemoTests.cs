using System.Text;
using PiiExtProc.Scanning.Recognition;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// The per-thread memo of labelling attribute values (<see cref="AttributeValueMemo"/>): a remembered value answers with
/// its role, another value in the same entry does not, and a thread that reads for another scanner's keywords starts
/// empty (roles depend on the keywords).
/// </summary>
public sealed class AttributeValueMemoTests
{
    [Fact]
    public void TryGet_RememberedValue_AnswersItsRoleOnlyForThatValue()
    {
        KeywordTable keywords = PiiScanner.Create(Scanners.GuardianOptions()).Detector.Keywords;
        AttributeValueMemo memo = AttributeValueMemo.For(keywords);
        byte[] value = Encoding.UTF8.GetBytes("col customer-name");

        Assert.False(memo.TryGet(value, out _, out int entry));
        memo.Set(entry, value, (ValueRole)3);

        Assert.True(memo.TryGet(value, out var role, out int again));
        Assert.Equal((ValueRole)3, role);
        Assert.Equal(entry, again);
        Assert.False(memo.TryGet(Encoding.UTF8.GetBytes("col customer-nam"), out _, out _));
        Assert.False(memo.TryGet(Encoding.UTF8.GetBytes("col customer-namf"), out _, out _));
    }

    [Fact]
    public void For_AnotherScannersKeywords_StartsEmpty()
    {
        KeywordTable first = PiiScanner.Create(Scanners.GuardianOptions()).Detector.Keywords;
        KeywordTable second = PiiScanner.Create(Scanners.GuardianOptions()).Detector.Keywords;
        byte[] value = Encoding.UTF8.GetBytes("shipping-address");
        AttributeValueMemo memo = AttributeValueMemo.For(first);
        memo.TryGet(value, out _, out int entry);
        memo.Set(entry, value, (ValueRole)3);

        Assert.True(AttributeValueMemo.For(first).TryGet(value, out _, out _));
        Assert.False(AttributeValueMemo.For(second).TryGet(value, out _, out _));
    }
}
