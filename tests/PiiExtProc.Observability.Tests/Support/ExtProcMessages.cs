using Envoy.Config.Core.V3;
using Envoy.Service.ExtProc.V3;
using Google.Protobuf;
using Grpc.Core;

namespace PiiExtProc.Observability.Tests.Support;

/// <summary>Builds ProcessingRequest messages as Envoy sends them and runs one stream to its end.</summary>
internal static class ExtProcMessages
{
    public static ProcessingRequest RequestHeaders(bool endOfStream, params (string Name, string Value)[] headers)
    {
        var map = new HeaderMap();
        foreach (var (name, value) in headers)
        {
            map.Headers.Add(new HeaderValue { Key = name, RawValue = ByteString.CopyFromUtf8(value) });
        }

        return new ProcessingRequest { RequestHeaders = new HttpHeaders { Headers = map, EndOfStream = endOfStream } };
    }

    public static ProcessingRequest ResponseHeaders(bool endOfStream, params (string Name, string Value)[] headers)
    {
        var request = RequestHeaders(endOfStream, headers);
        return new ProcessingRequest { ResponseHeaders = request.RequestHeaders };
    }

    public static ProcessingRequest RequestBody(string body, bool endOfStream = true)
        => new() { RequestBody = new HttpBody { Body = ByteString.CopyFromUtf8(body), EndOfStream = endOfStream } };

    public static ProcessingRequest ResponseBody(string body, bool endOfStream = true)
        => new() { ResponseBody = new HttpBody { Body = ByteString.CopyFromUtf8(body), EndOfStream = endOfStream } };

    public static (string, string)[] JsonPost(string path = "/orders", string requestId = "3f1c2a9e-0000-4000-8000-000000000001")
        => [(":method", "POST"), (":path", path), (":authority", "shop.example"), ("content-type", "application/json"), ("x-request-id", requestId)];

    /// <summary>Sends the messages (half-closing the stream like ghz/h2load) and returns every reply.</summary>
    public static async Task<List<ProcessingResponse>> RunAsync(RunningServer server, params ProcessingRequest[] messages)
    {
        var client = new ExternalProcessor.ExternalProcessorClient(server.Channel);
        using var call = client.Process(deadline: DateTime.UtcNow.AddSeconds(30));
        foreach (var message in messages)
        {
            await call.RequestStream.WriteAsync(message);
        }

        await call.RequestStream.CompleteAsync();
        var replies = new List<ProcessingResponse>();
        await foreach (var reply in call.ResponseStream.ReadAllAsync())
        {
            replies.Add(reply);
        }

        return replies;
    }
}
