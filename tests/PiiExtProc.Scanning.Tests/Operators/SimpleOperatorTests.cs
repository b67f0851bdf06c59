using PiiExtProc.Scanning.Operators;
using static PiiExtProc.Scanning.Tests.Operators.OperatorTestHelper;

namespace PiiExtProc.Scanning.Tests.Operators;

public sealed class SimpleOperatorTests
{
    [Fact]
    public void Replace_NoLabel_WritesEntityNameInBrackets()
    {
        Assert.Equal("[IN_AADHAAR]", Apply(new ReplaceOperator(), PiiEntity.Aadhaar, "234567899012"));
    }

    [Fact]
    public void Replace_Label_WritesLabel()
    {
        Assert.Equal("[AADHAAR]", Apply(new ReplaceOperator("[AADHAAR]"), PiiEntity.Aadhaar, "234567899012"));
    }

    [Fact]
    public void Redact_WritesNothing()
    {
        Assert.Equal(string.Empty, Apply(RedactOperator.Instance, PiiEntity.Aadhaar, "234567899012"));
    }

    [Fact]
    public void ObserveAndBlock_WriteValueUnchanged()
    {
        Assert.Equal("234567899012", Apply(ObserveOperator.Instance, PiiEntity.Aadhaar, "234567899012"));
        Assert.Equal("234567899012", Apply(BlockOperator.Instance, PiiEntity.Aadhaar, "234567899012"));
        Assert.Equal(OperatorKind.Observe, ObserveOperator.Instance.Kind);
        Assert.Equal(OperatorKind.Block, BlockOperator.Instance.Kind);
    }
}
