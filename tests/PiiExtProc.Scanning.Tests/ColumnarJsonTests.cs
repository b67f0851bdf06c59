using System.Text;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Sessions;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Columnar JSON (query results of BI tools, SQL gateways and spreadsheet APIs): column names declared first, or a header
/// row, give each row element its column's key, and each row is a record for the combination rule.
/// </summary>
public sealed class ColumnarJsonTests
{
    private static readonly PiiScanner s_masks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance));

    /// <summary>pandas' split orientation (and Elasticsearch SQL's shape): the columns as strings.</summary>
    private const string SplitColumns =
        """{"columns":["customer_name","email","phone","city"],"index":[0,1],"data":[["Ravi Kumar","ravi.kumar@example.com","9876543210","Pune"],["Priya Sharma","priya@example.in","9123456780","Delhi"]]}""";

    /// <summary>Google Sheets' values: a header row first.</summary>
    private const string SheetValues =
        """{"range":"Sheet1!A1:C3","majorDimension":"ROWS","values":[["Name","Email","Phone"],["Ravi Kumar","ravi.kumar@example.com","9876543210"],["Priya Sharma","priya@example.in","9123456780"]]}""";

    /// <summary>Trino's shape: column objects with a name (and nested type signatures), rows under data. A name and a
    /// device ID without a digit in the name or an @ anywhere.</summary>
    private const string TrinoResult =
        """{"id":"q1","columns":[{"name":"full_name","type":"varchar","typeSignature":{"rawType":"varchar","arguments":[{"kind":"LONG","value":2147483647}]}},{"name":"device_id","type":"varchar"}],"data":[["Ravi Kumar","android-abcdefgh"],["Priya Sharma","ios-hgfedcba"]],"stats":{"state":"FINISHED"}}""";

    [Fact]
    public void Process_DeclaredColumnStrings_EachRowElementReadUnderItsColumn()
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, SplitColumns);

        Assert.Equal(
            """{"columns":["customer_name","email","phone","city"],"index":[0,1],"data":[["RXXX KXXXX","raXXX@example.com","98XXXXXX10","Pune"],["PXXXX SXXXXX","prXXX@example.in","91XXXXXX80","Delhi"]]}""",
            result.Text);
        Assert.Equal(
            ["PERSON_NAME", "EMAIL_ADDRESS", "IN_MOBILE", "PERSON_NAME", "EMAIL_ADDRESS", "IN_MOBILE"],
            result.Findings.Select(f => f.Entity.Name));
        Assert.All(result.Findings, f => Assert.Equal("$.data[][]", f.JsonPath));
    }

    [Fact]
    public void Process_HeaderRow_LaterRowsReadUnderItsCells()
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, SheetValues);

        Assert.Equal(
            """{"range":"Sheet1!A1:C3","majorDimension":"ROWS","values":[["Name","Email","Phone"],["RXXX KXXXX","raXXX@example.com","98XXXXXX10"],["PXXXX SXXXXX","prXXX@example.in","91XXXXXX80"]]}""",
            result.Text);
        Assert.True(result.ContainsPii);
    }

    [Fact]
    public void Process_ColumnObjectsWithNames_NameAndDeviceMaskedTogether()
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, TrinoResult);

        Assert.Equal(
            """{"id":"q1","columns":[{"name":"full_name","type":"varchar","typeSignature":{"rawType":"varchar","arguments":[{"kind":"LONG","value":2147483647}]}},{"name":"device_id","type":"varchar"}],"data":[["RXXX KXXXX","[REDACTED_DEVICE_ID]"],["PXXXX SXXXXX","[REDACTED_DEVICE_ID]"]],"stats":{"state":"FINISHED"}}""",
            result.Text);
    }

    [Theory]
    [InlineData(SplitColumns)]
    [InlineData(SheetValues)]
    [InlineData(TrinoResult)]
    [InlineData("""[["Name","Email"],["Ravi Kumar","ravi.kumar@example.com"]]""")]
    [InlineData("""{"manifest":{"schema":{"columns":[{"name":"customer_name","position":0},{"name":"device_id","position":1}]}},"result":{"data_array":[["Ravi Kumar","web-abcdefgh"]]}}""")]
    [InlineData("""{"meta":[{"name":"name","type":"String"},{"name":"ip","type":"String"}],"data":[[null,"x"],["Ravi Kumar","ios-abcdef"]],"rows":2}""")]
    public void Process_ColumnarBodies_CleanProofPrefilterAndChunkingChangeNothing(string body) =>
        ScanComparison.AssertCleanProofAndValuePrefilterSkipNothing(Encoding.UTF8.GetBytes(body));

    [Fact]
    public void Process_EachRowIsItsOwnRecord()
    {
        // A name in one row and an email in the next are one quasi-identifier each: nothing is masked.
        const string Apart = """{"columns":["customer_name","email"],"rows":[["Ravi Kumar","x"],["y","ravi.kumar@example.com"]]}""";
        ScanResult apart = Scanners.Run(s_masks, BodyFormat.Json, Apart);
        Assert.Equal(Apart, apart.Text);
        Assert.False(apart.ContainsPii);

        // The control: both in one row.
        ScanResult together = Scanners.Run(s_masks, BodyFormat.Json, """{"columns":["customer_name","email"],"rows":[["Ravi Kumar","ravi.kumar@example.com"]]}""");
        Assert.True(together.ContainsPii);
    }

    [Fact]
    public void Process_LiteralsAndNestedCells_KeepTheColumnPositions()
    {
        // null and true take a column each; a cell that is an array is read under its column (emails), and an object
        // cell under an address column is an address object of the row's record.
        ScanResult literals = Scanners.Run(s_masks, BodyFormat.Json, """{"columns":["phone","name","email"],"rows":[[null,"Ravi Kumar","ravi.kumar@example.com"],[true,"Priya Sharma","priya@example.in"]]}""");
        Assert.Equal(
            """{"columns":["phone","name","email"],"rows":[[null,"RXXX KXXXX","raXXX@example.com"],[true,"PXXXX SXXXXX","prXXX@example.in"]]}""",
            literals.Text);

        ScanResult nested = Scanners.Run(s_masks, BodyFormat.Json, """{"columns":["name","emails"],"rows":[["Ravi Kumar",["ravi.kumar@example.com","rk@example.in"]]]}""");
        Assert.Equal("""{"columns":["name","emails"],"rows":[["RXXX KXXXX",["raXXX@example.com","rXXX@example.in"]]]}""", nested.Text);

        ScanResult address = Scanners.Run(s_masks, BodyFormat.Json, """{"columns":["name","address"],"rows":[["Ravi Kumar",{"line1":"12 MG Road","city":"Bengaluru"}]]}""");
        Assert.Equal("""{"columns":["name","address"],"rows":[["RXXX KXXXX",{"line1":"[REDACTED_ADDRESS]","city":"[REDACTED_ADDRESS]"}]]}""", address.Text);
    }

    [Fact]
    public void Process_NegativeColumn_NumberUnderItIsNoMobile()
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, """{"columns":["order_id","mobile"],"rows":[[9876543210,9123456780]]}""");

        Assert.Equal("""{"columns":["order_id","mobile"],"rows":[[9876543210,"91XXXXXX80"]]}""", result.Text);
    }

    [Theory]
    // A first row of plain words (or with an @, or a number) is data, not a header: nothing names the later rows.
    [InlineData("""{"values":[["red","blue"],["Ravi Kumar","android-abcdefgh"]]}""")]
    [InlineData("""{"values":[["Name","Device ID","x@y"],["Ravi Kumar","android-abcdefgh","z"]]}""")]
    [InlineData("""{"values":[["Name","Device ID",1],["Ravi Kumar","android-abcdefgh","z"]]}""")]
    [InlineData("""{"values":[["Name","Device ID",null],["Ravi Kumar","android-abcdefgh","z"]]}""")]
    [InlineData("""{"values":[["Name","Device ID",["x"]],["Ravi Kumar","android-abcdefgh","z"]]}""")]
    // Only the first array of an array of arrays may be a header row.
    [InlineData("""{"values":[["red","blue"],["Name","Device ID"],["Ravi Kumar","android-abcdefgh"]]}""")]
    // Key/value pairs as arrays: "name" over "Ravi" makes a header, but no pair after it holds a name.
    [InlineData("""{"attributes":[["name","Ravi"],["city","Pune"],["email","notes"]]}""")]
    // meta as an object (JSON:API pagination), or a column declaration whose names say nothing.
    [InlineData("""{"meta":{"page":1},"data":[["Ravi Kumar","android-abcdefgh"]]}""")]
    [InlineData("""{"meta":[{"name":"description","content":"Shop"}],"data":[["Ravi Kumar","android-abcdefgh"]]}""")]
    // Coordinates and matrices after the declared columns' own rows: arrays of arrays of numbers, no table.
    [InlineData("""{"columns":["name","device_id"],"rows":[["x","y"]],"polygon":[[[77.5946,12.9716],[72.8777,19.0760]]],"matrix":[[1,2]]}""")]
    public void Process_NoColumnsForTheRows_Unchanged(string body)
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, body);

        Assert.Equal(body, result.Text);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Process_HeaderRowColumns_EndWithTheirArray()
    {
        // The second table has no header of its own: its first row is data, not a row under the first table's columns.
        const string Body =
            """{"a":{"values":[["Name","Device ID"],["Ravi Kumar","android-abcdefgh"]]},"b":[["Priya Sharma","ios-hgfedcba"]]}""";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, Body);

        Assert.Equal(
            """{"a":{"values":[["Name","Device ID"],["RXXX KXXXX","[REDACTED_DEVICE_ID]"]]},"b":[["Priya Sharma","ios-hgfedcba"]]}""",
            result.Text);
    }

    [Fact]
    public void Process_DeclaredColumns_HoldForRowsAnywhereAfter()
    {
        // Databricks' statement result: the columns in the manifest, the rows in the result.
        const string Body =
            """{"manifest":{"schema":{"columns":[{"name":"customer_name","position":0},{"name":"device_id","position":1}]}},"result":{"data_array":[["Ravi Kumar","web-abcdefgh"]]}}""";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, Body);

        Assert.Equal(
            """{"manifest":{"schema":{"columns":[{"name":"customer_name","position":0},{"name":"device_id","position":1}]}},"result":{"data_array":[["RXXX KXXXX","[REDACTED_DEVICE_ID]"]]}}""",
            result.Text);
    }

    [Fact]
    public void Process_ColumnObjectsNamedByColumnName_EachDeclaresItsColumn()
    {
        // column_name has no role of its own: the first column object is clean, and the sibling proof must not skip the
        // second (the session would then not know the device column).
        const string Body =
            """{"columns":[{"column_name":"customer_name","type":"string"},{"columnName":"device_id","type":"string"}],"rows":[["Ravi Kumar","web-abcdefgh"]]}""";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, Body);

        Assert.Equal(
            """{"columns":[{"column_name":"customer_name","type":"string"},{"columnName":"device_id","type":"string"}],"rows":[["RXXX KXXXX","[REDACTED_DEVICE_ID]"]]}""",
            result.Text);
    }

    [Fact]
    public void Process_CleanObjectCellBeforeAnAddressCell_SiblingNotSkipped()
    {
        // The first object cell is clean; the next is an address object only under its column's key, which the sibling
        // proof does not model.
        const string Body =
            """{"columns":["name","info","address"],"rows":[["Ravi Kumar",{"tier":"gold"},{"line1":"12 MG Road","state":"Karnataka"}]]}""";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, Body);

        Assert.Equal(
            """{"columns":["name","info","address"],"rows":[["RXXX KXXXX",{"tier":"gold"},{"line1":"[REDACTED_ADDRESS]","state":"[REDACTED_ADDRESS]"}]]}""",
            result.Text);
    }

    [Fact]
    public void Process_ElementsPastTheDeclaredColumns_ReadWithoutAKey()
    {
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, """{"columns":["name","email"],"rows":[["Ravi Kumar","ravi.kumar@example.com","Priya Sharma"]]}""");

        Assert.Equal("""{"columns":["name","email"],"rows":[["RXXX KXXXX","raXXX@example.com","Priya Sharma"]]}""", result.Text);
    }

    [Fact]
    public void Process_ColumnarDocumentInAString_ReadAsInABody()
    {
        // A log shipper's wrapped line: the query result is a string holding JSON. An empty cell and a null keep their
        // columns.
        const string Body =
            """{"log":"{\"values\":[[\"Name\",\"Phone\",\"Device ID\"],[null,\"9876543210\",\"web-hgfedcba\"],[\"Ravi Kumar\",\"\",\"web-abcdefgh\"]]}"}""";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Json, Body);

        Assert.Equal(
            """{"log":"{\"values\":[[\"Name\",\"Phone\",\"Device ID\"],[null,\"98XXXXXX10\",\"[REDACTED_DEVICE_ID]\"],[\"RXXX KXXXX\",\"\",\"[REDACTED_DEVICE_ID]\"]]}"}""",
            result.Text);
        ScanComparison.AssertCleanProofAndValuePrefilterSkipNothing(Encoding.UTF8.GetBytes(Body));

        // As in a body, only the first row of an array of arrays may be its header.
        const string NoHeader = """{"log":"{\"values\":[[\"red\",\"blue\"],[\"Name\",\"Device ID\"],[\"Ravi Kumar\",\"web-abcdefgh\"]]}"}""";
        Assert.Equal(NoHeader, Scanners.Run(s_masks, BodyFormat.Json, NoHeader).Text);
    }

    [Fact]
    public void Process_ColumnarJsonLogLine_ReadAsInABody()
    {
        const string Body = "{\"columns\":[{\"name\":\"customer_name\"},{\"name\":\"email\"}],\"data\":[[\"Ravi Kumar\",\"ravi.kumar@example.com\"]]}\n";
        ScanResult result = Scanners.Run(s_masks, BodyFormat.Text, Body);

        Assert.Equal("{\"columns\":[{\"name\":\"customer_name\"},{\"name\":\"email\"}],\"data\":[[\"RXXX KXXXX\",\"raXXX@example.com\"]]}\n", result.Text);
    }

    [Theory]
    [InlineData("""{"meta":["a","b"],"id":7}""", true)]
    [InlineData("""{"meta":{"page":1},"data":[[1,2],[3,4]]}""", true)]
    [InlineData("""{"matrix":[[1,2],[3,4]]}""", true)]
    [InlineData("""{"columns":["a","b"],"data":[[1,2]]}""", false)]
    [InlineData("""{"values":[["Sku","Title"],["A-1","Kettle"]]}""", false)]
    [InlineData("""[["x"]]""", false)]
    public void Holds_ColumnDeclarationsAndHeaderRows_ProvedOnlyWithoutRowsTheyName(string body, bool proved)
    {
        var cache = default(KeyClassCache);
        try
        {
            Assert.Equal(proved, CleanJsonProof.Holds(Encoding.UTF8.GetBytes(body), ref cache, Scanners.Guardian.Keywords, 256, new ScanLimits()));
        }
        finally
        {
            cache.Return();
        }
    }
}
