using Microsoft.AspNetCore.Http;

namespace PiiExtProc.Hosting;

/// <summary>
/// Tells requests on the admin listener from requests on the gRPC listener. The admin listener is the only HTTP/1.x
/// listener (<see cref="ServerApplication"/> configures the gRPC ones for HTTP/2 only), so the protocol identifies it
/// without knowing the port, which is 0 (picked at bind time) in tests.
/// </summary>
internal static class AdminListener
{
    /// <summary>True for a request that arrived on the admin listener.</summary>
    public static bool IsAdminRequest(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return HttpProtocol.IsHttp11(context.Request.Protocol) || HttpProtocol.IsHttp10(context.Request.Protocol);
    }
}
