namespace PiiExtProc.Tests.Emulator;

/// <summary>Envoy's per-direction CallbackState (protocol §1.1, processor_state.h): what reply the direction awaits.</summary>
internal enum CallbackState
{
    /// <summary>Nothing outstanding.</summary>
    Idle,

    /// <summary>A headers message was sent; its reply is awaited.</summary>
    HeadersCallback,

    /// <summary>A whole (buffered) body was sent; its reply is awaited.</summary>
    BufferedBodyCallback,

    /// <summary>STREAMED or FULL_DUPLEX_STREAMED chunks are outstanding.</summary>
    StreamedBodyCallback,

    /// <summary>A BUFFERED_PARTIAL body was sent; its reply is awaited.</summary>
    BufferedPartialBodyCallback,

    /// <summary>A trailers message was sent; its reply is awaited.</summary>
    TrailersCallback,
}
