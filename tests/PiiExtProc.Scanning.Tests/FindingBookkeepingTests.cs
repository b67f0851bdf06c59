using System.Runtime.CompilerServices;
using PiiExtProc.Scanning.Sessions;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

public sealed class FindingBookkeepingTests
{
    [Fact]
    public void SlotAndSlotMatch_Layout_HoldNoObjectReferences()
    {
        // Copies into the session's lists and removals from them must need no write barriers and no clearing.
        Assert.False(RuntimeHelpers.IsReferenceOrContainsReferences<Slot>());
        Assert.False(RuntimeHelpers.IsReferenceOrContainsReferences<SlotMatch>());
    }

    [Fact]
    public void RecognizerNameTable_EqualNamesFromDifferentInstances_OneIndex()
    {
        var table = new RecognizerNameTable(entityCount: 2);
        string literal = "mobile.context";
        string copy = new(literal.AsSpan());
        int first = table.IndexOf(literal, 0);
        int other = table.IndexOf("aadhaar.verhoeff", 0);
        Assert.Equal(first, table.IndexOf(copy, 1));
        Assert.NotEqual(first, other);
        Assert.Equal(literal, table.NameAt(first));
        Assert.Equal("aadhaar.verhoeff", table.NameAt(other));
    }

    [Fact]
    public void EntityTable_BuiltInAndCustom_IndexRoundTrips()
    {
        PiiEntity custom = PiiEntity.CreateCustom("EMPLOYEE_ID", EntityCategory.Identifier);
        ScannerOptions guardian = Scanners.GuardianOptions();
        var entities = new Dictionary<PiiEntity, EntitySettings>(guardian.Entities)
        {
            [custom] = new EntitySettings(guardian.Entities[PiiEntity.Aadhaar].Operator),
        };
        var scanner = PiiScanner.Create(guardian with { Entities = entities });
        EntityTable table = scanner.EntityTable;
        foreach (PiiEntity entity in PiiEntity.BuiltIn)
        {
            Assert.Same(entity, table.EntityAt(table.IndexOf(entity)));
        }

        int index = table.IndexOf(custom);
        Assert.True(index >= PiiEntity.BuiltIn.Count);
        Assert.Same(custom, table.EntityAt(index));
        Assert.Equal(scanner.OperatorActionFor(custom), table.ActionAt(index));
        Assert.Throws<InvalidOperationException>(() => table.IndexOf(PiiEntity.CreateCustom("UNKNOWN_ID", EntityCategory.Identifier)));
    }
}
