using System.Text;
using Microsoft.Extensions.Logging;
using PiiExtProc.Scanning;
using PiiExtProc.Tests.Emulator;
using PiiExtProc.Tests.Infrastructure;
using PiiExtProc.Tests.Support;
using BodySendMode = Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types.BodySendMode;

namespace PiiExtProc.Tests.Conformance;

/// <summary>Shared helpers of the §13 conformance suite.</summary>
public abstract class ConformanceTestBase
{
    protected const string PiiJson = """{"order":"A-1009","customer":{"name":"Ravi","email":"alice.kumar@example.com","phone":"+91 98765 43210"},"note":"deliver after 6pm"}""";

    protected const string PlainJson = """{"order":"A-1009","items":[{"sku":"TSHIRT-42","qty":2}],"note":"deliver after 6pm"}""";

    internal static EnvoyOptions Options(BodySendMode request, BodySendMode response = BodySendMode.None, bool requestTrailers = false, bool responseTrailers = false)
        => EnvoyOptions.ForTests(EnvoyOptions.Modes(
            request,
            response,
            requestTrailers: requestTrailers || request == BodySendMode.FullDuplexStreamed ? Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types.HeaderSendMode.Send : Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types.HeaderSendMode.Skip,
            responseTrailers: responseTrailers || response == BodySendMode.FullDuplexStreamed ? Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types.HeaderSendMode.Send : Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types.HeaderSendMode.Skip)) with { Close = SideStreamClose.Graceful };

    internal static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>redact(x): the mask policy's engine on the whole body at once.</summary>
    internal static byte[] Redact(byte[] body, BodyFormat format = BodyFormat.Json) => TestPolicies.RedactWhole(TestPolicies.MaskScanner, format, body, out _);

    internal static string Redact(string body, BodyFormat format = BodyFormat.Json) => Encoding.UTF8.GetString(Redact(Utf8(body), format));

    internal static void AssertClean(Verdict verdict)
    {
        Assert.True(verdict.Clean, verdict.ToString());
        Assert.Equal(0, verdict.SpuriousMessages);
        Assert.Equal(0, verdict.RejectedHeaderMutations);
        Assert.Equal(0, verdict.IgnoredReplies);
        Assert.DoesNotContain(verdict.Warnings, w => w.Contains("value only", StringComparison.Ordinal));
        if (verdict.ServerStatus is { } status)
        {
            Assert.True(status.StatusCode is Grpc.Core.StatusCode.OK or Grpc.Core.StatusCode.Cancelled, verdict.ToString());
        }
    }

    internal static HttpExchange Request(byte[] body, IReadOnlyList<byte[]> chunks, string contentType = "application/json", bool contentLength = true, HttpHeaderList? trailers = null, Pacing pacing = Pacing.Paced)
        => new HttpExchange().Message(HttpDirection.Request, HttpExchange.RequestHeaders(contentType: contentType, contentLength: contentLength ? body.Length : null), chunks, trailers, pacing);

    /// <summary>
    /// Sends <paramref name="text"/> as a request body of <paramref name="contentType"/> through the emulated Envoy (whole,
    /// or in chunks of <paramref name="chunkSize"/> bytes), asserts a clean exchange whose forwarded body is the engine's
    /// redaction of the whole body in <paramref name="format"/>, and returns that body (UTF-8).
    /// </summary>
    internal static async Task<string> ForwardedRequestBody(
        ExtProcServerFixture server, BodySendMode mode, int chunkSize, string text, string contentType, BodyFormat format)
    {
        byte[] body = Utf8(text);
        var chunks = chunkSize == 0 ? [body] : Chunking.Fixed(body, chunkSize);
        var verdict = await server.RunAsync(Options(mode), Request(body, chunks, contentType: contentType));

        AssertClean(verdict);
        Assert.Equal(Redact(body, format), verdict.Request.Body);
        return Encoding.UTF8.GetString(verdict.Request.Body);
    }

    internal static void AssertNoErrorLogs(ExtProcServerFixture fixture)
    {
        var errors = fixture.Logs.Lines.Where(line => line.Level >= LogLevel.Error).Select(line => $"{line.Category}: {line.Text}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
