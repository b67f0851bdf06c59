using System.Text;
using System.Text.Json;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Sessions;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// JSON property names that are data (maps keyed by Aadhaar numbers, UPI IDs, emails, mobiles): scanned like values,
/// rewritten in place, and written as <c>*</c> in every JSON path so that no finding carries the value.
/// </summary>
public sealed class PropertyNameDataTests
{
    [Theory]
    [InlineData("""{"holders": {"2345 6789 0124": {"plan": "gold"}}}""", "2345 6789 0124", "IN_AADHAAR")]
    [InlineData("""{"vpa": {"ravi.k@okaxis": 120}}""", "ravi.k@okaxis", "IN_UPI_VPA")]
    [InlineData("""{"cards": {"4111 1111 1111 1111": "visa"}}""", "4111 1111 1111 1111", "CREDIT_CARD")]
    [InlineData("""{"pan_numbers": {"ABCPE1234F": {"verified": true}}}""", "ABCPE1234F", "IN_PAN")]
    public void Process_NameHoldingAnIdentifier_MaskedAndPathHidesIt(string json, string raw, string entity)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, json);

        PiiFinding finding = Assert.Single(result.Findings, f => f.Entity.Name == entity);
        Assert.Equal(FindingAction.Redacted, finding.Action);
        Assert.EndsWith(".*", finding.JsonPath, StringComparison.Ordinal);
        Assert.DoesNotContain(raw, result.Text, StringComparison.Ordinal);
        Assert.All(result.Findings, f => Assert.DoesNotContain(raw, f.JsonPath ?? string.Empty, StringComparison.Ordinal));
        using var document = JsonDocument.Parse(result.Output);
    }

    /// <summary>
    /// Object-valued members after a clean one are proved clean by the sibling proof (CleanJsonProof.CleanMembersEnd):
    /// a data name among them stops the proof and is found, under the key of the object around them too.
    /// </summary>
    [Theory]
    [InlineData("""{"meta": {"page": 1}, "2345 6789 0124": {"plan": "gold"}}""", "2345 6789 0124", "$.*")]
    [InlineData("""{"mobiles": {"home": {"a": 1}, "9876543210": {"primary": true}}}""", "9876543210", "$.mobiles.*")]
    public void Process_DataNameAfterACleanObjectMember_Found(string json, string raw, string path)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, json);

        Assert.Equal(path, Assert.Single(result.Findings).JsonPath);
        Assert.DoesNotContain(raw, result.Text, StringComparison.Ordinal);
    }

    /// <summary>A PIN code name after a clean member of an object whose key names PIN codes: found (observed, an attribute).</summary>
    [Fact]
    public void Process_PinCodeNameAfterACleanObjectMember_FoundUnderTheObjectKey()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, """{"pincodes": {"default": {"a": 1}, "560034": {"zone": "south"}}}""");

        PiiFinding finding = Assert.Single(result.Findings);
        Assert.Equal(("IN_PIN_CODE", "$.pincodes.*"), (finding.Entity.Name, finding.JsonPath));
    }

    /// <summary>
    /// The same name at the same place of two records, first under a key that names nothing, then under one that names
    /// PIN codes: the whole-body proof remembers names by place, and must still test the second under its own key.
    /// </summary>
    [Fact]
    public void Process_SameNameUnderDifferentObjectKeys_TestedUnderEach()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, """[{"skus": {"560034": 1}}, {"pincodes": {"560034": 1}}]""");

        PiiFinding finding = Assert.Single(result.Findings);
        Assert.Equal(("IN_PIN_CODE", "$[].pincodes.*"), (finding.Entity.Name, finding.JsonPath));
    }

    /// <summary>A mobile number as a name is a finding under a key that names mobiles, as the same number as a value is.</summary>
    [Fact]
    public void Process_MobileNames_FoundUnderAMobileKeyOnly()
    {
        ScanResult keyed = Scanners.Run(Scanners.Guardian, BodyFormat.Json, """{"mobiles": {"9876543210": "primary"}}""");
        ScanResult plain = Scanners.Run(Scanners.Guardian, BodyFormat.Json, """{"orders": {"9876543210": "primary"}}""");
        ScanResult asValue = Scanners.Run(Scanners.Guardian, BodyFormat.Json, """{"orders": {"id": "9876543210"}}""");

        Assert.Equal(["IN_MOBILE"], keyed.Entities());
        Assert.Equal("$.mobiles.*", Assert.Single(keyed.Findings).JsonPath);
        Assert.DoesNotContain("9876543210", keyed.Text, StringComparison.Ordinal);
        Assert.Empty(plain.Findings);
        Assert.Empty(asValue.Findings);
        Assert.Equal("""{"orders": {"9876543210": "primary"}}""", plain.Text);
    }

    /// <summary>Values under a data name are still read under their own keys; their paths step through <c>*</c>.</summary>
    [Fact]
    public void Process_ValuesUnderADataName_PathsStepThroughStar()
    {
        const string Json = """{"by_email": {"ravi.kumar@example.in": {"name": "Ravi Kumar", "phone": "9876543210"}}}""";

        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, Json);

        Assert.Equal(
            [("EMAIL_ADDRESS", "$.by_email.*"), ("PERSON_NAME", "$.by_email.*.name"), ("IN_MOBILE", "$.by_email.*.phone")],
            result.Findings.Select(f => (f.Entity.Name, f.JsonPath)));
        Assert.DoesNotContain("ravi.kumar", result.Text, StringComparison.Ordinal);
        Assert.True(result.ContainsPii);
    }

    /// <summary>An email name is a quasi-identifier: with a person name in its record it is PII, alone it is only counted.</summary>
    [Fact]
    public void Process_EmailName_DecidedByItsRecord()
    {
        ScanResult withName = Scanners.Run(Scanners.Guardian, BodyFormat.Json, """[{"ravi.kumar@example.in": true, "name": "Ravi Kumar"}]""");
        ScanResult alone = Scanners.Run(Scanners.Guardian, BodyFormat.Json, """[{"ravi.kumar@example.in": true, "sku": "SKU-1"}]""");

        Assert.Contains("EMAIL_ADDRESS", withName.Entities());
        Assert.DoesNotContain("ravi.kumar@example.in", withName.Text, StringComparison.Ordinal);
        Assert.Empty(alone.Entities());
        Assert.Contains("ravi.kumar@example.in", alone.Text, StringComparison.Ordinal);
    }

    /// <summary>An escaped name is scanned decoded and written back escaped.</summary>
    [Fact]
    public void Process_EscapedName_ScannedDecoded()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, """{"vpa": {"ravi.k\u0040okaxis": 1}}""");

        Assert.Equal(["IN_UPI_VPA"], result.Entities());
        using var document = JsonDocument.Parse(result.Output);
        string name = document.RootElement.GetProperty("vpa").EnumerateObject().Single().Name;
        Assert.DoesNotContain("ravi.k", name, StringComparison.Ordinal);
    }

    /// <summary>Which names are scanned: none of <c>@ : = ?</c> and no digit before the last three bytes means a label.</summary>
    [Theory]
    [InlineData("line1", false)]
    [InlineData("address_line2", false)]
    [InlineData("sha256", false)]
    [InlineData("v2", false)]
    [InlineData("", false)]
    [InlineData("title", false)]
    [InlineData("2024", true)]
    [InlineData("HDFC0CAGSBK", true)]
    [InlineData("9876543210", true)]
    [InlineData("ravi@okaxis", true)]
    [InlineData("a:b", true)]
    [InlineData("name=Ravi Kumar", true)]
    public void MayHoldEntity_Names_DigitsBeforeTheTailOrTriggerBytes(string name, bool expected) =>
        Assert.Equal(expected, PropertyNameTriggers.MayHoldEntity(Encoding.UTF8.GetBytes(name)));

    /// <summary>Names with digits that are labels, not data, are left alone and stay in paths.</summary>
    [Theory]
    [InlineData("""{"address_line1": "x", "v2": {"sha256": "ab12"}, "2024": {"q1": 12}, "560034": "SKU"}""")]
    [InlineData("""{"items": {"SKU-123456": {"qty": 2}, "OD123456789012": {"qty": 1}}}""")]
    [InlineData("""{"a:b": 1, "x=y": 2, "why?": 3, "10:30:00": 4}""")]
    public void Process_LabelNamesWithDigits_Unchanged(string json)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, json);

        Assert.Empty(result.Findings);
        Assert.Equal(json, result.Text);
    }

    [Fact]
    public void Process_FindingUnderALabelNameWithDigits_PathKeepsTheName()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, """{"phone2": "9876543210"}""");

        Assert.Equal("$.phone2", Assert.Single(result.Findings).JsonPath);
    }

    /// <summary>
    /// A map keyed by identifiers in every two-piece chunking, with and without settled-byte release: the same output and
    /// findings as whole; with release, a chunk ending inside a name is never released before the name closes.
    /// </summary>
    [Fact]
    public void Process_DataNamesInAnyTwoChunks_SameAsWhole()
    {
        byte[] body = Encoding.UTF8.GetBytes(
            """{"holders": {"2345 6789 0124": {"plan": "gold"}, "ravi.k@okaxis": [1, 2]}, "mobiles": {"+91 98765 43210": "home"}, "line1": "x"}""");
        ScanResult whole = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body, [body.Length]);
        Assert.Equal(3, whole.Entities().Count());
        for (int cut = 1; cut < body.Length; cut++)
        {
            foreach (bool release in new[] { false, true })
            {
                BodyScanSession session = Scanners.Guardian.CreateSession(BodyFormat.Json);
                session.ReleaseSettledBytes = release;
                ScanResult chunked = Scanners.Run(session, body, [cut, 0]);
                Assert.True(whole.Text == chunked.Text, $"cut {cut}, release {release}: {chunked.Text}");
                Assert.Equal(whole.Findings, chunked.Findings);
            }
        }
    }
}
