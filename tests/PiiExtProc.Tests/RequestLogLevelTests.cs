using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PiiExtProc.Hosting;
using PiiExtProc.Tests.Conformance;
using PiiExtProc.Tests.Emulator;
using PiiExtProc.Tests.Infrastructure;
using BodySendMode = Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types.BodySendMode;

namespace PiiExtProc.Tests;

/// <summary>
/// The server's default log levels (<see cref="LoggingDefaults"/>): ext_proc streams, ended normally or reset by Envoy,
/// write no per-request lines from ASP.NET Core or gRPC; configuration added after the defaults overrides them.
/// </summary>
public sealed class RequestLogLevelTests(DefaultPolicyServerFixture server) : ConformanceTestBase, IClassFixture<DefaultPolicyServerFixture>
{
    [Fact]
    public async Task Streams_WriteNoPerRequestFrameworkLines()
    {
        byte[] body = Utf8(PiiJson);
        var graceful = await server.RunAsync(Options(BodySendMode.Buffered), Request(body, [body]));
        var reset = await server.RunAsync(Options(BodySendMode.Buffered) with { Close = SideStreamClose.EndStreamThenReset }, Request(body, [body]));

        Assert.NotEqual(body, graceful.Request.Body);
        Assert.NotEqual(body, reset.Request.Body);
        var frameworkLines = server.Logs.Lines
            .Where(line => line.Level < LogLevel.Warning
                && (line.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || line.Category.StartsWith("Grpc", StringComparison.Ordinal)))
            .Select(line => $"{line.Level} {line.Category}: {line.Text}")
            .ToList();
        Assert.True(frameworkLines.Count == 0, string.Join("\n", frameworkLines));
    }

    [Fact]
    public void LaterConfiguration_OverridesTheDefaults()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information" });
        LoggingDefaults.AddTo(configuration);

        Assert.Equal("Information", configuration["Logging:LogLevel:Microsoft.AspNetCore"]);
        Assert.Equal("Warning", configuration["Logging:LogLevel:Grpc"]);
        Assert.Equal("Information", configuration["Logging:LogLevel:Default"]);
    }
}
