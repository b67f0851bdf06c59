using PiiExtProc.Scanning;
using PiiExtProc.Tests.Infrastructure;
using BodySendMode = Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types.BodySendMode;

namespace PiiExtProc.Tests.Conformance;

/// <summary>
/// A customer export (<c>text/csv</c>, in the default policy's <c>text/*</c>) through the emulated Envoy: the server
/// scans it as CSV (<see cref="BodyFormat.Csv"/>), so each row's bare mobile number and name are masked by their
/// columns, a quoted multi-line address stays one field, in every body mode and chunking.
/// </summary>
public sealed class CsvBodyConformanceTests(MaskServerFixture server) : ConformanceTestBase, IClassFixture<MaskServerFixture>
{
    private const string Export = "order_id,customer_name,email,mobile,shipping_address,amount\r\n"
        + "OD1234567890,Alice Kumar,alice.kumar@example.com,9876543210,\"12 MG Road,\r\nBengaluru 560038\",499.00\r\n"
        + "OD1234567891,Priya Sharma,priya.s@example.com,9123456780,,1299.00\r\n";

    [Theory]
    [InlineData(BodySendMode.Buffered, 0)]
    [InlineData(BodySendMode.Streamed, 11)]
    [InlineData(BodySendMode.Streamed, 1)]
    public async Task CsvExport_BareMobilesAndNames_MaskedByTheirColumns(BodySendMode mode, int chunkSize)
    {
        string forwarded = await ForwardedRequestBody(server, mode, chunkSize, Export, "text/csv; charset=utf-8", BodyFormat.Csv);
        foreach (string value in new[] { "Alice Kumar", "9876543210", "Priya Sharma", "9123456780", "alice.kumar@", "12 MG Road" })
        {
            Assert.DoesNotContain(value, forwarded, StringComparison.Ordinal);
        }

        Assert.StartsWith("order_id,customer_name,email,mobile,shipping_address,amount\r\nOD1234567890,", forwarded, StringComparison.Ordinal);
        Assert.EndsWith(",1299.00\r\n", forwarded, StringComparison.Ordinal);
    }
}
