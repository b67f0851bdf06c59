using Envoy.Config.Core.V3;
using Envoy.Extensions.Filters.Http.ExtProc.V3;
using Envoy.Service.ExtProc.V3;
using Google.Protobuf;

namespace PiiExtProc.Reliability.Tests.Support;

/// <summary>Builds the ProcessingRequests Envoy sends.</summary>
internal static class Messages
{
    /// <summary>Request headers with the given content type and optional content-encoding; protocol_config on it.</summary>
    public static ProcessingRequest RequestHeaders(
        string contentType = "application/json",
        string? contentEncoding = null,
        ProcessingMode.Types.BodySendMode mode = ProcessingMode.Types.BodySendMode.Buffered,
        long? contentLength = null,
        string path = "/orders",
        bool endOfStream = false)
    {
        var map = new HeaderMap();
        Add(map, ":method", "POST");
        Add(map, ":path", path);
        Add(map, ":authority", "shop.example");
        Add(map, "content-type", contentType);
        Add(map, "x-request-id", "req-0001");
        if (contentEncoding is not null)
        {
            Add(map, "content-encoding", contentEncoding);
        }

        if (contentLength is { } length)
        {
            Add(map, "content-length", length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return new ProcessingRequest
        {
            RequestHeaders = new HttpHeaders { Headers = map, EndOfStream = endOfStream },
            ProtocolConfig = new ProtocolConfiguration { RequestBodyMode = mode, ResponseBodyMode = mode },
        };
    }

    /// <summary>Response headers.</summary>
    public static ProcessingRequest ResponseHeaders(string contentType = "application/json", string? contentEncoding = null)
    {
        var map = new HeaderMap();
        Add(map, ":status", "200");
        Add(map, "content-type", contentType);
        if (contentEncoding is not null)
        {
            Add(map, "content-encoding", contentEncoding);
        }

        return new ProcessingRequest { ResponseHeaders = new HttpHeaders { Headers = map } };
    }

    /// <summary>A request body chunk.</summary>
    public static ProcessingRequest RequestBody(ReadOnlySpan<byte> bytes, bool endOfStream)
        => new() { RequestBody = new HttpBody { Body = ByteString.CopyFrom(bytes), EndOfStream = endOfStream } };

    /// <summary>A response body chunk.</summary>
    public static ProcessingRequest ResponseBody(ReadOnlySpan<byte> bytes, bool endOfStream)
        => new() { ResponseBody = new HttpBody { Body = ByteString.CopyFrom(bytes), EndOfStream = endOfStream } };

    /// <summary>Request trailers.</summary>
    public static ProcessingRequest RequestTrailers() => new() { RequestTrailers = new HttpTrailers { Trailers = new HeaderMap() } };

    private static void Add(HeaderMap map, string key, string value)
        => map.Headers.Add(new HeaderValue { Key = key, RawValue = ByteString.CopyFromUtf8(value) });
}
