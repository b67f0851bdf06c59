namespace PiiExtProc.Processing;

/// <summary>The ProcessingRequest oneof case; the <c>message_type</c> label of the duration histogram.</summary>
internal enum MessageType
{
    /// <summary>request_headers.</summary>
    RequestHeaders,

    /// <summary>request_body.</summary>
    RequestBody,

    /// <summary>request_trailers.</summary>
    RequestTrailers,

    /// <summary>response_headers.</summary>
    ResponseHeaders,

    /// <summary>response_body.</summary>
    ResponseBody,

    /// <summary>response_trailers.</summary>
    ResponseTrailers,
}
