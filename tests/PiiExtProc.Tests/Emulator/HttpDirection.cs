namespace PiiExtProc.Tests.Emulator;

/// <summary>The two directions of one HTTP exchange; Envoy keeps one processor state per direction (protocol §1.1).</summary>
internal enum HttpDirection
{
    /// <summary>Downstream to upstream (Envoy's decoding path).</summary>
    Request,

    /// <summary>Upstream to downstream (Envoy's encoding path).</summary>
    Response,
}
