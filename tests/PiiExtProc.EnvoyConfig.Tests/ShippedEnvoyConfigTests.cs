namespace PiiExtProc.EnvoyConfig.Tests;

public sealed class ShippedEnvoyConfigTests
{
    public static TheoryData<string> EnvoyFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in RepositoryPaths.ShippedEnvoyConfigs())
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Fact]
    public void ShippedEnvoyConfigs_Listing_IncludesFrontProxyAndUnixSocketVariant()
    {
        var names = RepositoryPaths.ShippedEnvoyConfigs().Select(Path.GetFileName).ToList();

        Assert.Contains("envoy.yaml", names);
        Assert.Contains("envoy-unix-socket.yaml", names);
    }

    [Theory]
    [MemberData(nameof(EnvoyFiles))]
    public void ParseBootstrap_ShippedFile_ParsesWithEveryTypedConfigResolved(string fileName)
    {
        // Arrange
        var yaml = File.ReadAllText(RepositoryPaths.Combine("envoy", fileName));

        // Act
        var bootstrap = EnvoyConfigParser.ParseBootstrap(yaml);

        // Assert: the ext_proc filter config really came through the Any (not an empty default).
        var view = new EnvoyBootstrapView(bootstrap);
        Assert.NotEmpty(view.ConnectionManagers());
        Assert.NotEmpty(bootstrap.StaticResources.Clusters);
    }

    [Theory]
    [MemberData(nameof(EnvoyFiles))]
    public void ExtProcRules_ShippedFile_FailClosedBufferedAndWiredToTheService(string fileName)
    {
        var bootstrap = EnvoyConfigParser.ParseBootstrap(File.ReadAllText(RepositoryPaths.Combine("envoy", fileName)));

        ExtProcConfigRules.AssertAll(new EnvoyBootstrapView(bootstrap), fileName);
    }

    [Fact]
    public void Routes_FrontProxy_ShowDisabledBufferedAndFullDuplexExamples()
    {
        // Arrange
        var view = new EnvoyBootstrapView(EnvoyConfigParser.ParseBootstrap(File.ReadAllText(RepositoryPaths.Combine("envoy", "envoy.yaml"))));
        var manager = Assert.Single(view.ConnectionManagers()).Manager;

        // Act
        var routes = EnvoyBootstrapView.Routes(manager).ToDictionary(r => r.Route.Name, r => r.PerRoute);

        // Assert
        Assert.True(routes["uploads"]!.Disabled);
        var customers = routes["customers"]!.Overrides;
        Assert.Equal(Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types.BodySendMode.Buffered, customers.ProcessingMode.ResponseBodyMode);
        Assert.Contains(customers.GrpcInitialMetadata, h => h.Key == ServiceDefaults.PolicyMetadataKey && h.Value == "strict");
        Assert.False(customers.FailureModeAllow);
        var exports = routes["exports"]!.Overrides.ProcessingMode;
        Assert.Equal(Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types.BodySendMode.FullDuplexStreamed, exports.RequestBodyMode);
        Assert.Equal(Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types.BodySendMode.FullDuplexStreamed, exports.ResponseBodyMode);
        Assert.Equal("pii_ext_proc_unix", routes["via-unix-socket"]!.Overrides.GrpcService.EnvoyGrpc.ClusterName);
        Assert.Null(routes["default"]);
    }

    [Theory]
    [InlineData("failure_mode_allow: false", "failure_mode_allow: true")]
    [InlineData("port_value: 50051", "port_value: 50052")]
    [InlineData("request_body_mode: NONE\n                          response_body_mode: NONE", "request_body_mode: STREAMED\n                          response_body_mode: NONE")]
    public void ExtProcRules_FrontProxyWithOneUnsafeChange_Fail(string safe, string unsafeSetting)
    {
        // Arrange
        var yaml = File.ReadAllText(RepositoryPaths.Combine("envoy", "envoy.yaml"));
        Assert.Contains(safe, yaml);
        var bootstrap = EnvoyConfigParser.ParseBootstrap(yaml.Replace(safe, unsafeSetting));

        // Act and assert
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => ExtProcConfigRules.AssertAll(new EnvoyBootstrapView(bootstrap), "mutated"));
    }
}
