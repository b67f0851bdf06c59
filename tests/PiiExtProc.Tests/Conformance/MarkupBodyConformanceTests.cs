using PiiExtProc.Scanning;
using PiiExtProc.Tests.Infrastructure;
using BodySendMode = Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types.BodySendMode;

namespace PiiExtProc.Tests.Conformance;

/// <summary>
/// A pretty-printed SOAP response (<c>text/xml</c>) through the emulated Envoy: the server scans it as one document
/// (<see cref="BodyFormat.Markup"/>), so the customer's name and email, on different lines, are both masked, in every
/// body mode and chunking.
/// </summary>
public sealed class MarkupBodyConformanceTests(MaskServerFixture server) : ConformanceTestBase, IClassFixture<MaskServerFixture>
{
    private const string Soap = "<soap:Envelope>\n  <soap:Body>\n    <ns2:customerName>Alice Kumar</ns2:customerName>\n"
        + "    <ns2:emailId>alice.kumar@example.com</ns2:emailId>\n    <ns2:tier>GOLD</ns2:tier>\n  </soap:Body>\n</soap:Envelope>\n";

    [Theory]
    [InlineData(BodySendMode.Buffered, 0)]
    [InlineData(BodySendMode.Streamed, 9)]
    public async Task XmlResponse_NameAndEmailOnTwoLines_BothMasked(BodySendMode mode, int chunkSize)
    {
        string forwarded = await ForwardedRequestBody(server, mode, chunkSize, Soap, "text/xml; charset=utf-8", BodyFormat.Markup);
        Assert.DoesNotContain("Alice Kumar", forwarded, StringComparison.Ordinal);
        Assert.DoesNotContain("alice.kumar@", forwarded, StringComparison.Ordinal);
        Assert.Contains("<ns2:tier>GOLD</ns2:tier>", forwarded, StringComparison.Ordinal);
    }
}
