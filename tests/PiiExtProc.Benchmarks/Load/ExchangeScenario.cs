using System.Globalization;
using Envoy.Config.Core.V3;
using Envoy.Extensions.Filters.Http.ExtProc.V3;
using Envoy.Service.ExtProc.V3;
using Google.Protobuf;
using PiiExtProc.Benchmarks.Corpus;

namespace PiiExtProc.Benchmarks.Load;

/// <summary>
/// One HTTP exchange as Envoy sends it on one ext_proc stream: request headers (with protocol_config), the request
/// body (one BUFFERED message or several STREAMED chunks), response headers, the response body. <see cref="Phases"/>
/// groups the messages Envoy sends before it waits for replies (a STREAMED body's chunks are pipelined).
/// </summary>
/// <param name="Name">File-name-safe name, e.g. <c>pii-buffered</c>.</param>
/// <param name="Messages">The messages in order.</param>
/// <param name="Phases">Message counts per phase; they sum to the message count. One reply per message.</param>
public sealed record ExchangeScenario(string Name, ProcessingRequest[] Messages, int[] Phases)
{
    /// <summary>Request body bytes (the WSO2 gateway benchmarks' 1 KiB).</summary>
    public const int DefaultRequestBytes = 1024;

    /// <summary>Response body bytes (the WSO2 gateway benchmarks' 10 KiB).</summary>
    public const int DefaultResponseBytes = 10 * 1024;

    /// <summary>The eight load scenarios: clean/PII x BUFFERED/STREAMED, 1 KB request and 10 KB response, plus 1 MB responses.</summary>
    public static IReadOnlyList<ExchangeScenario> Standard { get; } =
    [
        Create(pii: false, streamed: false),
        Create(pii: true, streamed: false),
        Create(pii: false, streamed: true),
        Create(pii: true, streamed: true),
    ];

    /// <summary>1 MiB response body scenarios (server-side time goal for 1 MB).</summary>
    public static IReadOnlyList<ExchangeScenario> Large { get; } =
    [
        Create(pii: false, streamed: false, responseBytes: 1024 * 1024, name: "clean-buffered-1mb"),
        Create(pii: true, streamed: false, responseBytes: 1024 * 1024, name: "pii-buffered-1mb"),
    ];

    /// <summary>Finds a scenario of <see cref="Standard"/> or <see cref="Large"/> by name.</summary>
    public static ExchangeScenario Find(string name)
    {
        foreach (var scenario in Standard)
        {
            if (scenario.Name == name)
            {
                return scenario;
            }
        }

        foreach (var scenario in Large)
        {
            if (scenario.Name == name)
            {
                return scenario;
            }
        }

        throw new ArgumentException($"Unknown scenario '{name}'.", nameof(name));
    }

    /// <summary>Builds a scenario.</summary>
    /// <param name="pii">True for bodies with personal data (<see cref="BodyKind.OrderJson"/>), false for clean ones.</param>
    /// <param name="streamed">STREAMED (bodies in <paramref name="chunks"/> chunks) instead of BUFFERED.</param>
    /// <param name="requestBytes">Approximate request body size.</param>
    /// <param name="responseBytes">Approximate response body size.</param>
    /// <param name="chunks">Chunks per STREAMED body.</param>
    /// <param name="name">Overrides the generated name.</param>
    public static ExchangeScenario Create(
        bool pii, bool streamed, int requestBytes = DefaultRequestBytes, int responseBytes = DefaultResponseBytes, int chunks = 4, string? name = null)
    {
        var kind = pii ? BodyKind.OrderJson : BodyKind.CleanJson;
        var requestBody = BodyCorpus.Get(kind, requestBytes);
        var responseBody = BodyCorpus.Get(kind, responseBytes);
        var mode = streamed ? ProcessingMode.Types.BodySendMode.Streamed : ProcessingMode.Types.BodySendMode.Buffered;
        var messages = new List<ProcessingRequest>();
        var phases = new List<int>();

        var requestHeaders = new ProcessingRequest
        {
            RequestHeaders = new HttpHeaders
            {
                Headers = Headers(
                    (":method", "POST"), (":path", "/v1/checkout/orders"), (":authority", "api.shop.example"), (":scheme", "https"),
                    ("content-type", "application/json"), ("content-length", requestBody.Length.ToString(CultureInfo.InvariantCulture)),
                    ("user-agent", "shop-app/8.4 (Android 14)"), ("x-request-id", "6f1c1a52-9a0e-4f55-b7e4-0d1f8e0c2a11")),
            },
            ProtocolConfig = new ProtocolConfiguration { RequestBodyMode = mode, ResponseBodyMode = mode },
        };
        messages.Add(requestHeaders);
        phases.Add(1);
        phases.Add(AddBody(messages, requestBody, streamed, chunks, request: true));

        messages.Add(new ProcessingRequest
        {
            ResponseHeaders = new HttpHeaders
            {
                Headers = Headers(
                    (":status", "200"), ("content-type", "application/json; charset=utf-8"),
                    ("content-length", responseBody.Length.ToString(CultureInfo.InvariantCulture)), ("date", "Sun, 22 Nov 2026 10:15:00 GMT")),
            },
        });
        phases.Add(1);
        phases.Add(AddBody(messages, responseBody, streamed, chunks, request: false));

        name ??= (pii ? "pii-" : "clean-") + (streamed ? "streamed" : "buffered");
        return new ExchangeScenario(name, [.. messages], [.. phases]);
    }

    /// <summary>The body bytes of one stream (request plus response).</summary>
    public long BodyBytes
    {
        get
        {
            long total = 0;
            foreach (var message in Messages)
            {
                total += message.RequestBody?.Body.Length ?? 0;
                total += message.ResponseBody?.Body.Length ?? 0;
            }

            return total;
        }
    }

    /// <summary>The messages as gRPC length-prefixed frames (flag 0, 4-byte big-endian length, message), for h2load and curl.</summary>
    public byte[] ToGrpcFrames()
    {
        using var stream = new MemoryStream();
        Span<byte> prefix = stackalloc byte[5];
        foreach (var message in Messages)
        {
            var bytes = message.ToByteArray();
            prefix[0] = 0;
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(prefix[1..], bytes.Length);
            stream.Write(prefix);
            stream.Write(bytes);
        }

        return stream.ToArray();
    }

    private static int AddBody(List<ProcessingRequest> messages, byte[] body, bool streamed, int chunks, bool request)
    {
        var count = streamed ? chunks : 1;
        var chunkSize = (body.Length + count - 1) / count;
        for (var i = 0; i < count; i++)
        {
            var start = i * chunkSize;
            var length = Math.Min(chunkSize, body.Length - start);
            var httpBody = new HttpBody { Body = ByteString.CopyFrom(body, start, length), EndOfStream = i == count - 1 };
            messages.Add(request ? new ProcessingRequest { RequestBody = httpBody } : new ProcessingRequest { ResponseBody = httpBody });
        }

        return count;
    }

    private static HeaderMap Headers(params (string Key, string Value)[] headers)
    {
        var map = new HeaderMap();
        foreach (var (key, value) in headers)
        {
            map.Headers.Add(new HeaderValue { Key = key, RawValue = ByteString.CopyFromUtf8(value) });
        }

        return map;
    }
}
