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

    [Fact]
    public void Process_FallBackTakesBackAQuasiIdentifier_RecordDecidedWithoutIt()
    {
        // The email value is taken back and rescanned as text when the JSON breaks after it: the record keeps only the
        // name, one quasi-identifier, below the combination threshold (the counts AddSlot kept must not be used).
        string body = "[{\"name\": \"Ravi Kumar\", \"email\": \"ravi.kumar@example.com\" oops}]";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);
        Assert.True(result.FellBackToText);
        PiiFinding name = Assert.Single(result.Findings, f => f.Entity == PiiEntity.PersonName);
        Assert.Equal(FindingAction.BelowCombinationThreshold, name.Action);
    }

    [Fact]
    public void Process_RecordWithNameAndEmail_BothRedactedWhenTheRecordCloses()
    {
        string body = "[{\"name\": \"Ravi Kumar\", \"email\": \"ravi.kumar@example.com\"}, {\"name\": \"Asha Rao\"}]";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);
        Assert.Equal(
            [FindingAction.Redacted, FindingAction.Redacted, FindingAction.BelowCombinationThreshold],
            result.Findings.Select(f => f.Action));
    }
}
