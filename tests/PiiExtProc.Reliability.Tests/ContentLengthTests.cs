using System.Text;
using PiiExtProc.Reliability.Tests.Support;
using PiiExtProc.Scanning.Operators;

namespace PiiExtProc.Reliability.Tests;

/// <summary>
/// A BUFFERED body with a content-length keeps it right (extproc-protocol.md §3.3): the body reply sets it when the
/// redacted body's length differs, and leaves it alone when masking kept the length.
/// </summary>
public sealed class ContentLengthTests
{
    private static readonly byte[] s_body = Encoding.UTF8.GetBytes("{\"aadhaar\":\"2345 6789 0124\",\"note\":\"ok\"}");

    [Fact]
    public void BufferedBody_RedactedToAnotherLength_ReplySetsContentLength()
    {
        var policy = TestPolicies.Source(TestPolicies.Policy(TestPolicies.CreateScanner(TestPolicies.DefaultOptions(RedactOperator.Instance))));
        var reply = BodyReply(policy);

        var mutation = reply.RequestBody.Response.HeaderMutation;
        var body = reply.RequestBody.Response.BodyMutation.Body;
        Assert.NotEqual(s_body.Length, body.Length);
        var header = Assert.Single(mutation.SetHeaders);
        Assert.Equal("content-length", header.Header.Key);
        Assert.Equal(body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), header.Header.RawValue.ToStringUtf8());
    }

    [Fact]
    public void BufferedBody_MaskedToTheSameLength_NoHeaderMutation()
    {
        var reply = BodyReply(TestPolicies.Source());

        Assert.Equal(s_body.Length, reply.RequestBody.Response.BodyMutation.Body.Length);
        Assert.DoesNotContain("2345 6789", reply.RequestBody.Response.BodyMutation.Body.ToStringUtf8(), StringComparison.Ordinal);
        Assert.Null(reply.RequestBody.Response.HeaderMutation);
    }

    private static Envoy.Service.ExtProc.V3.ProcessingResponse BodyReply(PiiExtProc.Routing.IPolicySnapshot policy)
    {
        var outcome = StreamDriver.Run(policy, [Messages.RequestHeaders(contentLength: s_body.Length), Messages.RequestBody(s_body, endOfStream: true)]);
        return outcome.Replies[1];
    }
}
