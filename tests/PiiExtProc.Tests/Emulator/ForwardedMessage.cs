using System.Text;

namespace PiiExtProc.Tests.Emulator;

/// <summary>What Envoy forwarded for one direction (upstream for the request, downstream for the response).</summary>
internal sealed class ForwardedMessage
{
    /// <summary>The headers as forwarded (after mutations), or null when they never left Envoy.</summary>
    public HttpHeaderList? Headers { get; set; }

    public byte[] Body => Chunks.SelectMany(c => c).ToArray();

    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>Body chunks as forwarded (their boundaries follow the replies).</summary>
    public List<byte[]> Chunks { get; } = [];

    public HttpHeaderList? Trailers { get; set; }

    /// <summary>True once the end of the message (end_of_stream on headers, data or trailers) was forwarded.</summary>
    public bool Ended { get; set; }

    /// <summary>Body bytes forwarded without the server having processed them although the body mode asked for it
    /// (after an OK close, fail-open, a timeout with fail-open): a PII leak for a redacting server.</summary>
    public long UnprocessedBytes { get; set; }

    /// <summary>BUFFERED_PARTIAL: bytes after the first ~limit that bypass the server by design (§1.3).</summary>
    public long UnscannedRemainderBytes { get; set; }

    public void AppendBody(byte[] bytes)
    {
        Chunks.Add(bytes);
    }
}
