using PiiExtProc.Scanning;

namespace PiiExtProc.Scanning.Tests;

public sealed class PiiEntityTests
{
    [Fact]
    public void BuiltInNames_AreUniqueAndFindable()
    {
        var names = PiiEntity.BuiltIn.Select(e => e.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        foreach (var entity in PiiEntity.BuiltIn)
        {
            Assert.Same(entity, PiiEntity.FindBuiltIn(entity.Name));
            Assert.True(entity.IsBuiltIn);
        }
    }

    [Fact]
    public void BuiltInIndex_MatchesPositionInBuiltIn_CustomIsMinusOne()
    {
        for (int i = 0; i < PiiEntity.BuiltIn.Count; i++)
        {
            Assert.Equal(i, PiiEntity.BuiltIn[i].BuiltInIndex);
        }

        Assert.Equal(-1, PiiEntity.CreateCustom("EMPLOYEE_ID", EntityCategory.Identifier).BuiltInIndex);
    }

    [Theory]
    [InlineData("")]
    [InlineData("lower")]
    [InlineData("IN_AADHAAR")]
    [InlineData("WITH SPACE")]
    public void CreateCustom_RejectsMalformedOrTakenNames(string name)
    {
        Assert.Throws<ArgumentException>(() => PiiEntity.CreateCustom(name, EntityCategory.Identifier));
    }

    [Fact]
    public void CreateCustom_IsNotBuiltIn()
    {
        var employee = PiiEntity.CreateCustom("EMPLOYEE_ID", EntityCategory.Identifier);
        Assert.False(employee.IsBuiltIn);
        Assert.Null(PiiEntity.FindBuiltIn("EMPLOYEE_ID"));
    }
}
