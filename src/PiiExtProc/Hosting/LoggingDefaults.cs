using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace PiiExtProc.Hosting;

/// <summary>
/// The log levels `serve` starts with: Information for our own categories and the host's lifetime messages, Warning for
/// ASP.NET Core and gRPC. At Information those two write four lines per ext_proc stream ("Request starting",
/// "Executing endpoint", "Executed endpoint", "Request finished") plus an exception for every stream Envoy resets:
/// 20,000 lines a second at 5,000 streams a second, none of them needed to operate the service.
/// </summary>
/// <remarks>
/// The defaults are the lowest-priority configuration source, so the usual .NET configuration overrides any of them:
/// the environment variable <c>Logging__LogLevel__Microsoft.AspNetCore=Information</c> (or <c>Logging__LogLevel__Default</c>)
/// brings the request lines back.
/// </remarks>
internal static class LoggingDefaults
{
    /// <summary>Configuration keys (<c>Logging:LogLevel:category</c>) and their default level names.</summary>
    public static IReadOnlyDictionary<string, string?> LogLevels { get; } = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Grpc"] = "Warning",
    };

    /// <summary>Inserts <see cref="LogLevels"/> as the first (lowest-priority) source of <paramref name="configuration"/>.</summary>
    /// <param name="configuration">The application's configuration, before the host is built.</param>
    public static void AddTo(IConfigurationBuilder configuration)
        => configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = LogLevels });
}
