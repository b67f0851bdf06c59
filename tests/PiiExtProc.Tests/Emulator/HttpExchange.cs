using System.Text;

namespace PiiExtProc.Tests.Emulator;

/// <summary>How the steps of an <see cref="HttpExchange"/> are paced against the server's replies.</summary>
internal enum Pacing
{
    /// <summary>The peer waits for Envoy to settle after each headers message and after each body end; body chunks
    /// arrive back to back (STREAMED chunks are pipelined).</summary>
    Paced,

    /// <summary>Everything arrives at once: body data is held during the headers reply (sent as one chunk).</summary>
    Burst,

    /// <summary>Seeded random: Poll and Settle points are inserted between steps.</summary>
    Random,
}

/// <summary>A script of HTTP events (the exchange Envoy proxies), built fluently.</summary>
internal sealed class HttpExchange
{
    private readonly List<HttpStep> _steps = [];

    public IReadOnlyList<HttpStep> Steps => _steps;

    public static HttpHeaderList RequestHeaders(string method = "POST", string path = "/api/orders", string? contentType = "application/json", long? contentLength = null, params (string Name, string Value)[] extra)
    {
        var headers = HttpHeaderList.Of((":method", method), (":path", path), (":scheme", "http"), (":authority", "shop.example.in"), ("x-request-id", "3f2c6a9e-test"));
        if (contentType is not null)
        {
            headers.Add("content-type", contentType);
        }

        if (contentLength is { } length)
        {
            headers.Add("content-length", length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var (name, value) in extra)
        {
            headers.Add(name, value);
        }

        return headers;
    }

    public static HttpHeaderList ResponseHeaders(int status = 200, string? contentType = "application/json", long? contentLength = null, params (string Name, string Value)[] extra)
    {
        var headers = HttpHeaderList.Of((":status", status.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (contentType is not null)
        {
            headers.Add("content-type", contentType);
        }

        if (contentLength is { } length)
        {
            headers.Add("content-length", length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var (name, value) in extra)
        {
            headers.Add(name, value);
        }

        return headers;
    }

    public HttpExchange Headers(HttpDirection direction, HttpHeaderList headers, bool endOfStream = false)
        => Add(new HttpStep(HttpStepKind.Headers, direction, Headers: headers, EndOfStream: endOfStream));

    public HttpExchange Data(HttpDirection direction, byte[] data, bool endOfStream = false)
        => Add(new HttpStep(HttpStepKind.Data, direction, Data: data, EndOfStream: endOfStream));

    public HttpExchange Data(HttpDirection direction, string text, bool endOfStream = false)
        => Data(direction, Encoding.UTF8.GetBytes(text), endOfStream);

    public HttpExchange Trailers(HttpDirection direction, HttpHeaderList trailers)
        => Add(new HttpStep(HttpStepKind.Trailers, direction, Headers: trailers));

    public HttpExchange Settle() => Add(new HttpStep(HttpStepKind.Settle, HttpDirection.Request));

    public HttpExchange Poll() => Add(new HttpStep(HttpStepKind.Poll, HttpDirection.Request));

    public HttpExchange DownstreamReset() => Add(new HttpStep(HttpStepKind.DownstreamReset, HttpDirection.Request));

    /// <summary>One direction: headers, the body in the given chunks (the last one carries end_of_stream unless
    /// trailers are given), then trailers. An empty chunk list with no trailers sends headers with end_of_stream.</summary>
    public HttpExchange Message(HttpDirection direction, HttpHeaderList headers, IReadOnlyList<byte[]> chunks, HttpHeaderList? trailers = null, Pacing pacing = Pacing.Paced, Random? random = null)
    {
        random ??= pacing == Pacing.Random ? new Random(chunks.Count) : null;
        var headersOnly = chunks.Count == 0 && trailers is null;
        Headers(direction, headers, headersOnly);
        if (headersOnly)
        {
            return pacing == Pacing.Burst ? this : Settle();
        }

        Pace(pacing, random, settleWhenPaced: true);
        for (var i = 0; i < chunks.Count; i++)
        {
            var last = i == chunks.Count - 1 && trailers is null;
            Data(direction, chunks[i], last);
            if (!last)
            {
                Pace(pacing, random, settleWhenPaced: false);
            }
        }

        if (trailers is not null)
        {
            Pace(pacing, random, settleWhenPaced: false);
            Trailers(direction, trailers);
        }

        return pacing == Pacing.Burst ? this : Settle();
    }

    /// <summary>A whole exchange: the request, then (after the request has been forwarded) the response.</summary>
    public static HttpExchange RequestAndResponse(
        HttpHeaderList requestHeaders,
        IReadOnlyList<byte[]> requestChunks,
        HttpHeaderList responseHeaders,
        IReadOnlyList<byte[]> responseChunks,
        HttpHeaderList? requestTrailers = null,
        HttpHeaderList? responseTrailers = null,
        Pacing pacing = Pacing.Paced,
        int seed = 0)
    {
        var random = pacing == Pacing.Random ? new Random(seed) : null;
        var exchange = new HttpExchange();
        exchange.Message(HttpDirection.Request, requestHeaders, requestChunks, requestTrailers, pacing, random);
        exchange.Message(HttpDirection.Response, responseHeaders, responseChunks, responseTrailers, pacing, random);
        return exchange;
    }

    private void Pace(Pacing pacing, Random? random, bool settleWhenPaced)
    {
        switch (pacing)
        {
            case Pacing.Paced when settleWhenPaced:
                Settle();
                break;
            case Pacing.Random:
                var roll = random!.Next(4);
                if (roll == 0)
                {
                    Settle();
                }
                else if (roll == 1)
                {
                    Poll();
                }

                break;
        }
    }

    private HttpExchange Add(HttpStep step)
    {
        _steps.Add(step);
        return this;
    }
}
