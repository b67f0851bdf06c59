namespace PiiExtProc.Policy;

/// <summary>Which body or headers of an HTTP exchange are being processed.</summary>
public enum TrafficDirection
{
    /// <summary>The request, from the client to the upstream service (Envoy's decoding path).</summary>
    Request,

    /// <summary>The response, from the upstream service to the client (Envoy's encoding path).</summary>
    Response,
}
