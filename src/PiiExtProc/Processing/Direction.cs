namespace PiiExtProc.Processing;

/// <summary>Which half of the HTTP exchange a message belongs to. Envoy runs one state machine per direction.</summary>
internal enum Direction
{
    /// <summary>The downstream client's request (Envoy's decoding path).</summary>
    Request,

    /// <summary>The upstream's response (Envoy's encoding path).</summary>
    Response,
}
